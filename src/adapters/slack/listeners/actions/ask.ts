// A question button (a "Did you mean…?" choice, a related question, a quiz answer, a Home tab
// example): answered where the button was, in the same conversation, as if the user had typed it.
import type { SlackRouter } from '../../router';
import { ACTION } from '../../blocks';
import { answerFor, conversationOf, postMessage, slackError, type SlackDeps } from '../../deps';

export function registerAskActions(router: SlackRouter, deps: SlackDeps): void {
  const pattern = new RegExp(`^(${ACTION.ask}|${ACTION.answer})_\\w+$`);
  router.action(pattern, async ({ ack, body, action, client, respond }) => {
    await ack();
    const question = action.value ?? '';
    const user = body.user.id;
    const container = body.container as { type?: string; is_ephemeral?: boolean; thread_ts?: string; message_ts?: string };
    try {
      if (container.type === 'view' || !body.channel) {
        // From the Home tab: the answer goes to the user's DM with the bot.
        const opened = await client.conversations.open({ users: user });
        const dm = opened.channel?.id;
        if (!dm) return;
        const { message } = answerFor(deps, question, user, conversationOf(dm));
        await postMessage(deps, client, { channel: dm, ...message });
        return;
      }
      const channel = body.channel.id;
      if (container.is_ephemeral) {
        // Under a slash-command answer: answer privately again, as the first answer was.
        const { message } = answerFor(deps, question, user, `${channel}:cmd:${user}`, { shareable: true });
        await respond({ response_type: 'ephemeral', replace_original: false, ...message });
        return;
      }
      const thread = body.message?.thread_ts ?? body.message?.ts;
      const { message } = answerFor(deps, question, user, conversationOf(channel, thread));
      await postMessage(deps, client, { channel, thread_ts: channel.startsWith('D') ? body.message?.thread_ts : thread, ...message });
    } catch (err) {
      deps.log.error('slack button answer failed', { action: action.action_id, user, error: slackError(err) });
    }
  });
}
