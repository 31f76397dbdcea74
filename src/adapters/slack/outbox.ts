// The Outbox on Slack's Web API: chat.postMessage, chat.update, and a DM opened with conversations.open.
// Errors come back as OutboxError, so a scheduler can tell "removed from the channel" from "slow down".
import type { WebClient } from '@slack/web-api';
import { OutboxError, type Outbox, type PostRef, type PostTarget } from '../../reply/outbox';
import type { Reply } from '../../reply/reply';
import { renderBlocks } from './blocks';
import { slackError } from './deps';

/** Members looked up for a lead's overview: one users.info call each, before the reply. */
const MAX_MEMBERS = 200;

/** Codes after which posting again will not help until someone re-invites the bot. */
const GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'user_not_found', 'user_disabled', 'cannot_dm_bot', 'restricted_action', 'team_access_not_granted', 'invalid_auth', 'token_revoked']);

function failure(err: unknown): OutboxError {
  const code = slackError(err);
  const retryAfter = (err as { retryAfter?: unknown }).retryAfter;
  if (code === 'slack_webapi_rate_limited_error' || code === 'ratelimited')
    return new OutboxError('rate-limited', code, typeof retryAfter === 'number' ? retryAfter * 1000 : undefined);
  return new OutboxError(GONE.has(code) ? 'gone' : 'failed', code);
}

/** An outbox with its own Web API client, for callers outside the Slack app (the command line). */
export async function slackOutboxFor(token: string, slackApiUrl?: string): Promise<Outbox> {
  const { WebClient: Client } = await import('@slack/web-api');
  return slackOutbox(new Client(token, slackApiUrl ? { slackApiUrl } : {}));
}

export function slackOutbox(client: WebClient): Outbox {
  const message = (reply: Reply) => renderBlocks(reply, { question: reply.restated ?? reply.title });
  const post = async (target: PostTarget, reply: Reply): Promise<PostRef> => {
    try {
      const result = await client.chat.postMessage({ channel: target.channel, thread_ts: target.thread, ...message(reply), unfurl_links: false, unfurl_media: false });
      if (!result.ts) throw new OutboxError('failed', 'chat.postMessage returned no ts');
      return { channel: result.channel ?? target.channel, id: result.ts };
    } catch (err) {
      throw err instanceof OutboxError ? err : failure(err);
    }
  };
  return {
    platform: 'slack',
    post,
    async update(ref, reply) {
      try {
        await client.chat.update({ channel: ref.channel, ts: ref.id, ...message(reply) });
      } catch (err) {
        throw failure(err);
      }
    },
    async members(channel) {
      const ids: string[] = [];
      try {
        let cursor: string | undefined;
        do {
          const page = await client.conversations.members({ channel, limit: 200, cursor });
          ids.push(...(page.members ?? []));
          cursor = page.response_metadata?.next_cursor || undefined;
        } while (cursor && ids.length < MAX_MEMBERS);
        // Bots (whosejob among them) are members too; a lead asks about people.
        const people: Array<{ id: string; name?: string }> = [];
        for (const id of ids.slice(0, MAX_MEMBERS)) {
          const info = await client.users.info({ user: id });
          if (!info.user?.is_bot && !info.user?.deleted && id !== 'USLACKBOT') people.push({ id, name: info.user?.real_name || info.user?.name });
        }
        return people;
      } catch (err) {
        throw failure(err);
      }
    },
    async dm(user, reply) {
      let channel: string | undefined;
      try {
        channel = (await client.conversations.open({ users: user })).channel?.id;
      } catch (err) {
        throw failure(err);
      }
      if (!channel) throw new OutboxError('failed', 'conversations.open returned no channel');
      return post({ channel }, reply);
    },
  };
}
