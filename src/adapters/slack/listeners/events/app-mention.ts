// An @mention in a channel: answer in a thread under the question, never in the channel itself.
import type { App } from '@slack/bolt';
import { answerFor, conversationOf, postMessage, type SlackDeps } from '../../deps';

export function registerAppMention(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, client }) => {
    const threadTs = event.thread_ts ?? event.ts;
    const { message } = answerFor(deps, event.text, event.user ?? 'unknown', conversationOf(event.channel, threadTs));
    await postMessage(deps, client, { channel: event.channel, thread_ts: threadTs, ...message });
  });
}
