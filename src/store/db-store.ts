// The Store on Kysely: the same queries for SQLite and PostgreSQL, the engine chosen by openStore().
import { sql, type Kysely } from 'kysely';
import type { Engine } from './migrations';
import type { Database } from './schema';
import { MAX_KEY, MAX_STATE, MAX_STORED_QUESTION, type ConversationRef, type FeedbackInput, type FeedbackRecord, type Store } from './store';

/** Once-only keys older than this are forgotten: Slack retries within minutes, not days. */
const ONCE_KEEP_MS = 24 * 60 * 60 * 1000;
/** Conversation state untouched for this long is deleted (a person's progress is refreshed on use). */
const STATE_KEEP_MS = 90 * 24 * 60 * 60 * 1000;
/** Old rows are swept every this many claims, so no timer is needed and no request pays often. */
const SWEEP_EVERY = 1000;

export class DbStore implements Store {
  private claims = 0;

  constructor(
    private readonly db: Kysely<Database>,
    readonly engine: Engine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async recordFeedback(f: FeedbackInput): Promise<FeedbackRecord> {
    const at = this.now().toISOString();
    const question = f.question.slice(0, MAX_STORED_QUESTION);
    const row = await this.db
      .insertInto('feedback')
      .values({ at, platform: f.platform, user_id: f.user, conversation: f.conversation, question, intent: f.intent.slice(0, 40), vote: f.vote })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ...f, question, id: Number(row.id), at };
  }

  async latestFeedback(limit: number): Promise<FeedbackRecord[]> {
    const rows = await this.db.selectFrom('feedback').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ id: Number(r.id), at: r.at, platform: r.platform, user: r.user_id, conversation: r.conversation, question: r.question, intent: r.intent, vote: r.vote }));
  }

  async saveConversationRef(platform: string, conversation: string, reference: string): Promise<void> {
    const updated_at = this.now().toISOString();
    await this.db
      .insertInto('conversation_refs')
      .values({ platform, conversation, reference, updated_at })
      .onConflict((oc) => oc.columns(['platform', 'conversation']).doUpdateSet({ reference, updated_at }))
      .execute();
  }

  async getConversationRef(platform: string, conversation: string): Promise<ConversationRef | undefined> {
    const r = await this.db.selectFrom('conversation_refs').selectAll().where('platform', '=', platform).where('conversation', '=', conversation).executeTakeFirst();
    return r && { platform: r.platform, conversation: r.conversation, reference: r.reference, updatedAt: r.updated_at };
  }

  async getState(key: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('state').select('data').where('key', '=', key.slice(0, MAX_KEY)).executeTakeFirst();
    return r?.data;
  }

  async putState(key: string, data: string): Promise<void> {
    if (data.length > MAX_STATE) throw new Error(`state for ${key.slice(0, 80)} is ${data.length} characters, over ${MAX_STATE}`);
    const updated_at = this.now().toISOString();
    await this.db
      .insertInto('state')
      .values({ key: key.slice(0, MAX_KEY), data, updated_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ data, updated_at }))
      .execute();
  }

  async claimOnce(scope: string, id: string, leaseMs?: number): Promise<boolean> {
    const now = this.now();
    const at = now.toISOString();
    const key = { scope: scope.slice(0, 40), id: id.slice(0, MAX_KEY) };
    const row = await this.db
      .insertInto('once_keys')
      .values({ ...key, at, done_at: null })
      .onConflict((oc) => oc.columns(['scope', 'id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (++this.claims % SWEEP_EVERY === 0) await this.sweep();
    if (row !== undefined || leaseMs === undefined) return row !== undefined;
    // Taken over only if unfinished and stale; the condition and the write are one statement, so two
    // retries racing for the same dead claim cannot both win.
    const taken = await this.db
      .updateTable('once_keys')
      .set({ at })
      .where('scope', '=', key.scope)
      .where('id', '=', key.id)
      .where('done_at', 'is', null)
      .where('at', '<', new Date(now.getTime() - leaseMs).toISOString())
      .returning('id')
      .executeTakeFirst();
    return taken !== undefined;
  }

  async finishOnce(scope: string, id: string): Promise<void> {
    await this.db
      .updateTable('once_keys')
      .set({ done_at: this.now().toISOString() })
      .where('scope', '=', scope.slice(0, 40))
      .where('id', '=', id.slice(0, MAX_KEY))
      .execute();
  }

  /** Deletes once-only keys and conversation state nobody will read again. */
  async sweep(): Promise<void> {
    const now = this.now().getTime();
    await this.db.deleteFrom('once_keys').where('at', '<', new Date(now - ONCE_KEEP_MS).toISOString()).execute();
    await this.db.deleteFrom('state').where('updated_at', '<', new Date(now - STATE_KEEP_MS).toISOString()).execute();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
