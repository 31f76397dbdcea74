// 👍 / 👎 under an answer: record the vote with what was asked, and thank the voter privately.
import type { SlackRouter } from '../../router';
import type { Vote } from '../../../../store/store';
import { FEEDBACK_THANKS } from '../../../../reply/reply';
import { decodeAction, decodeLegacyAction } from '../../../../reply/action';
import { ACTION } from '../../blocks';
import { conversationOf, slackError, type SlackDeps } from '../../deps';

export function registerFeedbackActions(router: SlackRouter, deps: SlackDeps): void {
  const pattern = new RegExp(`^(${ACTION.feedbackUp}|${ACTION.feedbackDown})$`);
  router.action(pattern, async ({ ack, body, action, client, respond }) => {
    await ack();
    const decoded = decodeAction(action.value);
    // The button's id says which way the vote went; its value says what was asked (read safely).
    const vote: Vote = action.action_id === ACTION.feedbackUp ? 'up' : 'down';
    const read = decoded?.kind === 'feedback' ? decoded : decodeLegacyAction(action.value, vote === 'up' ? 'feedback-up' : 'feedback-down');
    const { question, intent } = read?.kind === 'feedback' ? read : { question: '', intent: 'unknown' };
    const channel = body.channel?.id ?? 'home';
    const thread = body.message?.thread_ts ?? body.message?.ts;
    const ephemeral = (body.container as { is_ephemeral?: boolean }).is_ephemeral === true;
    // Under a private /whosejob answer the conversation is that person's slash commands, as it was for the answer.
    const conversation = ephemeral && body.channel ? `${body.channel.id}:cmd:${body.user.id}` : conversationOf(channel, thread);
    let text: string = FEEDBACK_THANKS[vote];
    try {
      const turn = await deps.bot.act({ kind: 'feedback', vote, question, intent }, { platform: 'slack', user: body.user.id, conversation });
      text = turn.reply.summary;
    } catch (err) {
      deps.log.error('feedback could not be stored', { error: err instanceof Error ? err.message : String(err) });
    }
    try {
      if (ephemeral) await respond({ response_type: 'ephemeral', replace_original: false, text });
      else if (body.channel) await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text, thread_ts: body.message?.thread_ts });
    } catch (err) {
      deps.log.warn('slack feedback thanks failed', { channel, error: slackError(err) });
    }
  });
}
