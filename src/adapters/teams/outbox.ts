// The Outbox on the Bot Framework: each post continues a conversation from the reference stored when
// the bot was added or first spoken to (continueConversationAsync); a DM uses the reference of the
// person's own chat with the bot. A 403 or 404 from the connector means the bot was removed.
import { TeamsInfo, TurnContext, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import { OutboxError, type Outbox, type PostRef, type PostTarget } from '../../reply/outbox';
import type { Reply } from '../../reply/reply';
import type { ConversationRefStore } from '../../store/store';
import { cardActivity, personalKey } from './bot';

function failure(err: unknown): OutboxError {
  const status = (err as { statusCode?: unknown }).statusCode;
  const message = err instanceof Error ? err.message : String(err);
  if (status === 403 || status === 404) return new OutboxError('gone', `connector answered ${status}: ${message}`);
  if (status === 429) {
    const retryAfter = Number((err as { response?: { headers?: { get?: (h: string) => string | null } } }).response?.headers?.get?.('retry-after'));
    return new OutboxError('rate-limited', message, Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined);
  }
  return new OutboxError('failed', message);
}

export function teamsOutbox(adapter: CloudAdapter, appId: string, refs: ConversationRefStore): Outbox {
  async function within<T>(conversation: string, work: (context: TurnContext) => Promise<T>): Promise<T> {
    const stored = await refs.getConversationRef('teams', conversation);
    if (!stored) throw new OutboxError('gone', `no conversation reference stored for ${conversation}: the bot was never added there`);
    // Without the stored message's id the post is a new message in the conversation, not a reply to it.
    const { activityId: _last, ...reference } = JSON.parse(stored.reference) as Partial<ConversationReference>;
    let result: { value: T } | undefined;
    let error: unknown;
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        // The continuation turn gets a made-up activity id, and botbuilder replies to the turn's activity:
        // without an id, what is sent is a new message in the conversation (the connector's send route).
        context.activity.id = undefined;
        // Caught here: an error thrown out of the turn would go to the adapter's onTurnError, which
        // apologises into the conversation instead of telling the caller.
        try {
          result = { value: await work(context) };
        } catch (err) {
          error = err;
        }
      });
    } catch (err) {
      error = err;
    }
    if (error !== undefined || !result) throw error instanceof OutboxError ? error : failure(error ?? new Error('the turn ended without a result'));
    return result.value;
  }
  /** Creates the 1:1 chat with someone in a conversation the bot shares with them, and stores its reference. */
  async function startChat(user: string, via: string): Promise<void> {
    const stored = await refs.getConversationRef('teams', via);
    if (!stored) throw new OutboxError('gone', `no conversation reference stored for ${via}`);
    const seed = JSON.parse(stored.reference) as Partial<ConversationReference> & { conversation?: { tenantId?: string } };
    const tenantId = seed.conversation?.tenantId;
    const parameters = { isGroup: false, bot: seed.bot, members: [{ id: user, name: '' }], tenantId, channelData: { tenant: { id: tenantId } } } as unknown as ConversationParameters;
    try {
      await adapter.createConversationAsync(appId, seed.channelId ?? 'msteams', seed.serviceUrl ?? '', '', parameters, async (chat) => {
        await refs.saveConversationRef('teams', personalKey(user), JSON.stringify(TurnContext.getConversationReference(chat.activity)));
      });
    } catch (err) {
      throw failure(err);
    }
  }

  const post = async (target: PostTarget, reply: Reply): Promise<PostRef> =>
    within(target.channel, async (context) => {
      const activity = cardActivity(reply, reply.restated ?? reply.title, false);
      // A thread in a Teams channel is the reply chain of its first message.
      if (target.thread) context.activity.conversation.id = `${target.channel};messageid=${target.thread}`;
      const sent = await context.sendActivity(activity);
      if (!sent?.id) throw new OutboxError('failed', 'the connector returned no activity id');
      return { channel: target.channel, id: sent.id };
    });
  return {
    platform: 'teams',
    post,
    async update(ref, reply) {
      await within(ref.channel, async (context) => {
        await context.updateActivity({ ...cardActivity(reply, reply.restated ?? reply.title, false), id: ref.id });
      });
    },
    async members(channel) {
      return within(channel, async (context) => {
        const ids: Array<{ id: string; name?: string }> = [];
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedMembers(context, 500, token);
          ids.push(...page.members.map((m) => ({ id: m.id, name: m.name })));
          token = page.continuationToken;
        } while (token && ids.length < 1000);
        return ids.slice(0, 1000);
      });
    },
    async dm(user, reply, via) {
      if (!(await refs.getConversationRef('teams', personalKey(user)))) {
        if (!via) throw new OutboxError('gone', `no personal chat with ${user} is known: they have not talked to the bot yet`);
        await startChat(user, via);
      }
      return post({ channel: personalKey(user) }, reply);
    },
  };
}
