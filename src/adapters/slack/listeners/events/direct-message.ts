// A direct message: answer in the DM (in its thread if the user wrote in one).
import type { SlackRouter } from '../../router';
import { answerFor, conversationOf, postMessage, type SlackDeps } from '../../deps';

export function registerDirectMessage(router: SlackRouter, deps: SlackDeps): void {
  router.event('message', async ({ message, client }) => {
    // Only plain user messages in a DM: edits, joins and bot posts have a subtype or a bot_id.
    if (message.channel_type !== 'im' || message.subtype !== undefined || 'bot_id' in message) return;
    const text = message.text ?? '';
    const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
    const { message: reply } = await answerFor(deps, text, message.user, conversationOf(message.channel), {}, message.channel, client);
    await postMessage(deps, client, { channel: message.channel, thread_ts: threadTs, ...reply });
  });
}
