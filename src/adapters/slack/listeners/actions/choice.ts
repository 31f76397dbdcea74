// A choice button (a related question, "Did you mean…?", a quiz answer, Next lesson, a Home tab
// example): its value is an encoded Action, read back through zod and handed to bot.act(), and the
// answer goes where the button was, for the person who clicked.
import { decodeAction, decodeLegacyAction } from '../../../../reply/action';

/** Action ids of buttons sent before typed actions: their value is the question itself. */
const LEGACY = /^whosejob_(ask|answer)_\w+$/;
import type { SlackRouter } from '../../router';
import { ACTION } from '../../blocks';
import { conversationOf, postMessage, replyFor, slackError, type SlackDeps } from '../../deps';

export function registerChoiceActions(router: SlackRouter, deps: SlackDeps): void {
  const pattern = new RegExp(`^${ACTION.choice}_\\w+$|${LEGACY.source}`);
  router.action(pattern, async ({ ack, body, action, client, respond }) => {
    await ack();
    const chosen = decodeAction(action.value) ?? (LEGACY.test(action.action_id) ? decodeLegacyAction(action.value, 'ask') : undefined);
    const user = body.user.id;
    if (!chosen) {
      deps.log.warn('slack button with an unreadable value ignored', { action: action.action_id, user });
      return;
    }
    const container = body.container as { type?: string; is_ephemeral?: boolean; thread_ts?: string; message_ts?: string };
    try {
      if (container.type === 'view' || !body.channel) {
        // From the Home tab: the answer goes to the user's DM with the bot.
        const opened = await client.conversations.open({ users: user });
        const dm = opened.channel?.id;
        if (!dm) return;
        const { message } = await replyFor(deps, chosen, user, conversationOf(dm));
        await postMessage(deps, client, { channel: dm, ...message });
        return;
      }
      const channel = body.channel.id;
      if (chosen.kind === 'exam-why') {
        // The full answer takes the short one's place (an ephemeral one stays ephemeral): the same
        // answer, so the thread does not get it twice.
        const conversation = container.is_ephemeral ? `${channel}:cmd:${user}` : conversationOf(channel, body.message?.thread_ts ?? body.message?.ts);
        const { message } = await replyFor(deps, chosen, user, conversation, { shareable: container.is_ephemeral === true });
        await respond({ replace_original: true, ...message });
        return;
      }
      if (chosen.kind === 'quiz-answer' && !container.is_ephemeral && (chosen.postId !== undefined || !channel.startsWith('D'))) {
        // A quiz answer in a channel (the daily post, or a question someone asked for): only the person
        // who clicked sees the verdict; the question stays as it is for the others.
        const { message } = await replyFor(deps, chosen, user, conversationOf(channel, body.message?.thread_ts ?? body.message?.ts));
        await client.chat.postEphemeral({ channel, user, ...message, thread_ts: body.message?.thread_ts });
        return;
      }
      if (container.is_ephemeral) {
        // Under a slash-command answer: answer privately again, as the first answer was.
        const { message } = await replyFor(deps, chosen, user, `${channel}:cmd:${user}`, { shareable: true });
        await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        return;
      }
      const thread = body.message?.thread_ts ?? body.message?.ts;
      const { message } = await replyFor(deps, chosen, user, conversationOf(channel, thread));
      await postMessage(deps, client, { channel, thread_ts: channel.startsWith('D') ? body.message?.thread_ts : thread, ...message });
    } catch (err) {
      deps.log.error('slack button answer failed', { action: action.action_id, user, error: slackError(err) });
    }
  });
}
