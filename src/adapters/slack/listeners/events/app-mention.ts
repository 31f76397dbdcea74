// An @mention in a channel: answer in a thread under the question, never in the channel itself.
import type { SlackRouter } from '../../router';
import { answerFor, conversationOf, postMessage, type SlackDeps } from '../../deps';

export function registerAppMention(router: SlackRouter, deps: SlackDeps): void {
  router.event('app_mention', async ({ event, client }) => {
    const threadTs = event.thread_ts ?? event.ts;
    const { message } = await answerFor(deps, event.text, event.user ?? 'unknown', conversationOf(event.channel, threadTs), {}, event.channel);
    await postMessage(deps, client, { channel: event.channel, thread_ts: threadTs, ...message });
  });
}
