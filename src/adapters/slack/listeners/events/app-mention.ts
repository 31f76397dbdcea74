// An @mention in a channel: answer in a thread under the question, never in the channel itself.
import type { SlackRouter } from '../../router';
import { answerFor, conversationOf, postMessage, type SlackDeps } from '../../deps';

export function registerAppMention(router: SlackRouter, deps: SlackDeps): void {
  router.event('app_mention', async ({ event, client, context }) => {
    const threadTs = event.thread_ts ?? event.ts;
    // The mention of the bot itself is how it was called, not a person named in the message.
    const text = context.botUserId ? event.text.split(`<@${context.botUserId}>`).join(' ').trim() : event.text;
    const { message } = await answerFor(deps, text, event.user ?? 'unknown', conversationOf(event.channel, threadTs), {}, event.channel, client);
    await postMessage(deps, client, { channel: event.channel, thread_ts: threadTs, ...message });
  });
}
