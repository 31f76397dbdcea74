// 👍 / 👎 under an answer: record the vote with what was asked, and thank the voter privately.
import type { SlackRouter } from '../../router';
import type { Vote } from '../../../../store/store';
import { FEEDBACK_THANKS } from '../../../../conversation/reply';
import { ACTION } from '../../blocks';
import { conversationOf, slackError, type SlackDeps } from '../../deps';

/** The button's value as we wrote it; anything else (a forged or truncated value) is read safely. */
function readValue(value: string | undefined): { question: string; intent: string } {
  try {
    const parsed = JSON.parse(value ?? '') as { q?: unknown; i?: unknown };
    return { question: typeof parsed.q === 'string' ? parsed.q : '', intent: typeof parsed.i === 'string' ? parsed.i.slice(0, 40) : 'unknown' };
  } catch {
    return { question: (value ?? '').slice(0, 1000), intent: 'unknown' };
  }
}

export function registerFeedbackActions(router: SlackRouter, deps: SlackDeps): void {
  const pattern = new RegExp(`^(${ACTION.feedbackUp}|${ACTION.feedbackDown})$`);
  router.action(pattern, async ({ ack, body, action, client, respond }) => {
    await ack();
    const vote: Vote = action.action_id === ACTION.feedbackUp ? 'up' : 'down';
    const { question, intent } = readValue(action.value);
    const channel = body.channel?.id ?? 'home';
    const thread = body.message?.thread_ts ?? body.message?.ts;
    try {
      await deps.store.recordFeedback({ platform: 'slack', user: body.user.id, conversation: conversationOf(channel, thread), question, intent, vote });
    } catch (err) {
      deps.log.error('feedback could not be stored', { error: err instanceof Error ? err.message : String(err) });
    }
    const text = FEEDBACK_THANKS[vote];
    try {
      const container = body.container as { is_ephemeral?: boolean };
      if (container.is_ephemeral) await respond({ response_type: 'ephemeral', replace_original: false, text });
      else if (body.channel) await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text, thread_ts: body.message?.thread_ts });
    } catch (err) {
      deps.log.warn('slack feedback thanks failed', { channel, error: slackError(err) });
    }
  });
}
