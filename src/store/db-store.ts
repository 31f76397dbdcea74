// The Store on Kysely: the same queries for SQLite and PostgreSQL, the engine chosen by openStore().
import { sql, type Kysely } from 'kysely';
import type { Engine } from './migrations';
import type { Database } from './schema';
import type { OnboardingTable, QuizAnswerTable, QuizPostTable, QuizScheduleTable } from './schema';
import {
  MAX_EXAM_ITEM,
  MAX_KEY,
  MAX_STATE,
  MAX_STORED_QUESTION,
  type ChannelAnswer,
  type ConversationRef,
  type FeedbackInput,
  type FeedbackRecord,
  type Progress,
  type QuizAnswer,
  type QuizPost,
  type QuizSchedule,
  type Store,
} from './store';
import type { Selectable } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './sqlite-driver';
import { GroupCommit } from './group-commit';

/** Once-only keys older than this are forgotten: Slack retries within minutes, not days. */
const ONCE_KEEP_MS = 24 * 60 * 60 * 1000;
/** Conversation state untouched for this long is deleted (a person's progress is refreshed on use). */
const STATE_KEEP_MS = 90 * 24 * 60 * 60 * 1000;
/** Old rows are swept every this many claims, so no timer is needed and no request pays often. */
const SWEEP_EVERY = 1000;

export class DbStore implements Store {
  private claims = 0;
  /**
   * Every chat turn claims its event, reads and writes its state and marks the event done. On SQLite
   * those four run as prepared statements on the same connection: building and compiling each query
   * through Kysely cost more than answering the question (measured with npm run bench:slack).
   */
  private readonly fast?: {
    commits: GroupCommit;
    claim: Statement;
    takeOver: Statement;
    finish: Statement;
    getState: Statement;
    putState: Statement;
  };

  constructor(
    private readonly db: Kysely<Database>,
    readonly engine: Engine,
    private readonly now: () => Date = () => new Date(),
    raw?: SqliteDatabase,
  ) {
    if (raw)
      this.fast = {
        commits: new GroupCommit(raw),
        claim: raw.prepare('INSERT INTO once_keys (scope, id, at, done_at) VALUES (?, ?, ?, NULL) ON CONFLICT (scope, id) DO NOTHING'),
        takeOver: raw.prepare('UPDATE once_keys SET at = ? WHERE scope = ? AND id = ? AND done_at IS NULL AND at < ?'),
        finish: raw.prepare('UPDATE once_keys SET done_at = ? WHERE scope = ? AND id = ?'),
        getState: raw.prepare('SELECT data FROM state WHERE key = ?'),
        putState: raw.prepare('INSERT INTO state (key, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at'),
      };
  }

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
    if (this.fast) {
      this.fast.commits.flush(); // read what was written before, even if its commit is still queued
      return (this.fast.getState.get(key.slice(0, MAX_KEY)) as { data: string } | undefined)?.data;
    }
    const r = await this.db.selectFrom('state').select('data').where('key', '=', key.slice(0, MAX_KEY)).executeTakeFirst();
    return r?.data;
  }

  async putState(key: string, data: string): Promise<void> {
    if (data.length > MAX_STATE) throw new Error(`state for ${key.slice(0, 80)} is ${data.length} characters, over ${MAX_STATE}`);
    const updated_at = this.now().toISOString();
    if (this.fast) {
      const { putState } = this.fast;
      await this.fast.commits.write(() => putState.run(key.slice(0, MAX_KEY), data, updated_at));
      return;
    }
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
    if (this.fast) {
      if (++this.claims % SWEEP_EVERY === 0) await this.sweep();
      const { claim, takeOver } = this.fast;
      return this.fast.commits.write(() => {
        if (claim.run(key.scope, key.id, at).changes > 0) return true;
        if (leaseMs === undefined) return false;
        return takeOver.run(at, key.scope, key.id, new Date(now.getTime() - leaseMs).toISOString()).changes > 0;
      });
    }
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
    if (this.fast) {
      const { finish } = this.fast;
      const at = this.now().toISOString();
      await this.fast.commits.write(() => finish.run(at, scope.slice(0, 40), id.slice(0, MAX_KEY)));
      return;
    }
    await this.db
      .updateTable('once_keys')
      .set({ done_at: this.now().toISOString() })
      .where('scope', '=', scope.slice(0, 40))
      .where('id', '=', id.slice(0, MAX_KEY))
      .execute();
  }

  // ---- practice-exam items ----

  async saveExamItem(id: string, text: string): Promise<void> {
    if (text.length > MAX_EXAM_ITEM) throw new Error(`an exam item of ${text.length} characters is over ${MAX_EXAM_ITEM}`);
    await this.db
      .insertInto('exam_items')
      .values({ id: id.slice(0, MAX_KEY), text, created_at: this.now().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async getExamItem(id: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('exam_items').select('text').where('id', '=', id.slice(0, MAX_KEY)).executeTakeFirst();
    return r?.text;
  }

  /** Deletes once-only keys and conversation state nobody will read again. */
  async sweep(): Promise<void> {
    this.fast?.commits.flush();
    const now = this.now().getTime();
    await this.db.deleteFrom('once_keys').where('at', '<', new Date(now - ONCE_KEEP_MS).toISOString()).execute();
    await this.db.deleteFrom('state').where('updated_at', '<', new Date(now - STATE_KEEP_MS).toISOString()).execute();
  }

  // ---- the daily quiz ----

  async saveSchedule(s: QuizSchedule): Promise<void> {
    const row = { time: s.time, time_zone: s.timeZone, weekdays: s.weekdays ? 1 : 0, next_run_at: s.nextRunAt, paused_reason: s.pausedReason ?? null, reveal_time: s.reveal ?? null, updated_at: this.now().toISOString() };
    await this.db
      .insertInto('quiz_schedules')
      .values({ platform: s.platform, channel: s.channel, ...row })
      .onConflict((oc) => oc.columns(['platform', 'channel']).doUpdateSet(row))
      .execute();
  }

  async getSchedule(platform: string, channel: string): Promise<QuizSchedule | undefined> {
    const r = await this.db.selectFrom('quiz_schedules').selectAll().where('platform', '=', platform).where('channel', '=', channel).executeTakeFirst();
    return r && schedule(r);
  }

  async deleteSchedule(platform: string, channel: string): Promise<boolean> {
    const r = await this.db.deleteFrom('quiz_schedules').where('platform', '=', platform).where('channel', '=', channel).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async revealingSchedules(limit: number): Promise<QuizSchedule[]> {
    const rows = await this.db.selectFrom('quiz_schedules').selectAll().where('reveal_time', 'is not', null).where('paused_reason', 'is', null).limit(limit).execute();
    return rows.map(schedule);
  }

  async dueSchedules(now: string, limit: number): Promise<QuizSchedule[]> {
    const rows = await this.db
      .selectFrom('quiz_schedules')
      .selectAll()
      .where('next_run_at', '<=', now)
      .where('paused_reason', 'is', null)
      .orderBy('next_run_at')
      .limit(limit)
      .execute();
    return rows.map(schedule);
  }

  async advanceSchedule(platform: string, channel: string, from: string, to: string): Promise<boolean> {
    const r = await this.db
      .updateTable('quiz_schedules')
      .set({ next_run_at: to, updated_at: this.now().toISOString() })
      .where('platform', '=', platform)
      .where('channel', '=', channel)
      .where('next_run_at', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async pauseSchedule(platform: string, channel: string, reason: string): Promise<void> {
    await this.db
      .updateTable('quiz_schedules')
      .set({ paused_reason: reason.slice(0, 200), updated_at: this.now().toISOString() })
      .where('platform', '=', platform)
      .where('channel', '=', channel)
      .execute();
  }

  async claimPost(p: { platform: string; channel: string; localDate: string; questionId: string }, leaseMs: number): Promise<QuizPost | undefined> {
    const now = this.now();
    const claimed_at = now.toISOString();
    const inserted = await this.db
      .insertInto('quiz_posts')
      .values({ platform: p.platform, channel: p.channel, local_date: p.localDate, question_id: p.questionId, claimed_at, sent_at: null, message_id: null, revealed_at: null })
      .onConflict((oc) => oc.columns(['platform', 'channel', 'local_date']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return post(inserted);
    // The day's row exists: take it over only if its sender died before sending (claimed long ago, never sent).
    const taken = await this.db
      .updateTable('quiz_posts')
      .set({ claimed_at })
      .where('platform', '=', p.platform)
      .where('channel', '=', p.channel)
      .where('local_date', '=', p.localDate)
      .where('sent_at', 'is', null)
      .where('claimed_at', '<', new Date(now.getTime() - leaseMs).toISOString())
      .returningAll()
      .executeTakeFirst();
    return taken && post(taken);
  }

  async markPostSent(id: number, messageId: string): Promise<void> {
    await this.db.updateTable('quiz_posts').set({ sent_at: this.now().toISOString(), message_id: messageId }).where('id', '=', id).execute();
  }

  async unsentPosts(claimedBefore: string, limit: number): Promise<QuizPost[]> {
    const rows = await this.db.selectFrom('quiz_posts').selectAll().where('sent_at', 'is', null).where('claimed_at', '<', claimedBefore).orderBy('claimed_at').limit(limit).execute();
    return rows.map(post);
  }

  async getPost(id: number): Promise<QuizPost | undefined> {
    const r = await this.db.selectFrom('quiz_posts').selectAll().where('id', '=', id).executeTakeFirst();
    return r && post(r);
  }

  async channelPosts(platform: string, channel: string, limit: number): Promise<QuizPost[]> {
    const rows = await this.db.selectFrom('quiz_posts').selectAll().where('platform', '=', platform).where('channel', '=', channel).orderBy('local_date', 'desc').limit(limit).execute();
    return rows.map(post);
  }

  async markRevealed(id: number): Promise<boolean> {
    const r = await this.db.updateTable('quiz_posts').set({ revealed_at: this.now().toISOString() }).where('id', '=', id).where('revealed_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async recordAnswer(a: QuizAnswer): Promise<{ recorded: true } | { recorded: false; existing: QuizAnswer }> {
    const inserted = await this.db
      .insertInto('quiz_answers')
      .values({ post_id: a.postId, user_id: a.user.slice(0, MAX_KEY), choice: a.choice, correct: a.correct ? 1 : 0, at: a.at })
      .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
      .returning('post_id')
      .executeTakeFirst();
    if (inserted) return { recorded: true };
    const existing = await this.db.selectFrom('quiz_answers').selectAll().where('post_id', '=', a.postId).where('user_id', '=', a.user.slice(0, MAX_KEY)).executeTakeFirstOrThrow();
    return { recorded: false, existing: answer(existing) };
  }

  async answersTo(postId: number): Promise<QuizAnswer[]> {
    const rows = await this.db.selectFrom('quiz_answers').selectAll().where('post_id', '=', postId).orderBy('at').orderBy('user_id').execute();
    return rows.map(answer);
  }

  async channelsOf(platform: string, user: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('quiz_answers')
      .innerJoin('quiz_posts', 'quiz_posts.id', 'quiz_answers.post_id')
      .select('quiz_posts.channel')
      .select((eb) => eb.fn.max('quiz_answers.at').as('last'))
      .where('quiz_posts.platform', '=', platform)
      .where('quiz_answers.user_id', '=', user)
      .groupBy('quiz_posts.channel')
      .orderBy('last', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.channel);
  }

  async userChannelAnswers(platform: string, channel: string, user: string): Promise<ChannelAnswer[]> {
    const rows = await this.db
      .selectFrom('quiz_answers')
      .innerJoin('quiz_posts', 'quiz_posts.id', 'quiz_answers.post_id')
      .select(['quiz_answers.post_id', 'quiz_answers.user_id', 'quiz_answers.choice', 'quiz_answers.correct', 'quiz_answers.at', 'quiz_posts.local_date'])
      .where('quiz_posts.platform', '=', platform)
      .where('quiz_posts.channel', '=', channel)
      .where('quiz_answers.user_id', '=', user)
      .orderBy('quiz_posts.local_date')
      .execute();
    return rows.map((r) => ({ ...answer(r), localDate: r.local_date }));
  }

  async channelAnswers(platform: string, channel: string, since?: string): Promise<ChannelAnswer[]> {
    let q = this.db
      .selectFrom('quiz_answers')
      .innerJoin('quiz_posts', 'quiz_posts.id', 'quiz_answers.post_id')
      .select(['quiz_answers.post_id', 'quiz_answers.user_id', 'quiz_answers.choice', 'quiz_answers.correct', 'quiz_answers.at', 'quiz_posts.local_date'])
      .where('quiz_posts.platform', '=', platform)
      .where('quiz_posts.channel', '=', channel);
    if (since) q = q.where('quiz_posts.local_date', '>=', since);
    const rows = await q.orderBy('quiz_posts.local_date').orderBy('quiz_answers.at').execute();
    return rows.map((r) => ({ ...answer(r), localDate: r.local_date }));
  }

  async getCard(platform: string, user: string, questionId: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('quiz_cards').select('card').where('platform', '=', platform).where('user_id', '=', user).where('question_id', '=', questionId).executeTakeFirst();
    return r?.card;
  }

  async putCard(platform: string, user: string, questionId: string, card: string, due: string): Promise<void> {
    await this.db
      .insertInto('quiz_cards')
      .values({ platform, user_id: user.slice(0, MAX_KEY), question_id: questionId, card, due })
      .onConflict((oc) => oc.columns(['platform', 'user_id', 'question_id']).doUpdateSet({ card, due }))
      .execute();
  }

  async dueCards(platform: string, user: string, now: string, limit: number): Promise<string[]> {
    const rows = await this.db.selectFrom('quiz_cards').select('question_id').where('platform', '=', platform).where('user_id', '=', user).where('due', '<=', now).orderBy('due').limit(limit).execute();
    return rows.map((r) => r.question_id);
  }

  async cardIds(platform: string, user: string): Promise<string[]> {
    const rows = await this.db.selectFrom('quiz_cards').select('question_id').where('platform', '=', platform).where('user_id', '=', user).execute();
    return rows.map((r) => r.question_id);
  }

  // ---- onboarding ----

  async getProgress(platform: string, user: string): Promise<Progress | undefined> {
    const r = await this.db.selectFrom('onboarding_progress').selectAll().where('platform', '=', platform).where('user_id', '=', user).executeTakeFirst();
    return r && progress(r);
  }

  async startProgress(p: Omit<Progress, 'version'>): Promise<boolean> {
    const r = await this.db
      .insertInto('onboarding_progress')
      .values({ ...progressRow(p), version: 1 })
      .onConflict((oc) => oc.columns(['platform', 'user_id']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return r !== undefined;
  }

  async updateProgress(p: Progress): Promise<boolean> {
    const { platform, user_id, ...row } = progressRow(p);
    const r = await this.db
      .updateTable('onboarding_progress')
      .set({ ...row, version: p.version + 1 })
      .where('platform', '=', platform)
      .where('user_id', '=', user_id)
      .where('version', '=', p.version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async progressOf(platform: string, users: readonly string[]): Promise<Progress[]> {
    if (users.length === 0) return [];
    const rows = await this.db.selectFrom('onboarding_progress').selectAll().where('platform', '=', platform).where('user_id', 'in', [...users]).execute();
    return rows.map(progress);
  }

  async dueLessons(now: string, limit: number): Promise<Progress[]> {
    const rows = await this.db
      .selectFrom('onboarding_progress')
      .selectAll()
      .where('pace', '=', 'daily')
      .where('finished_at', 'is', null)
      .where('next_at', '<=', now)
      .orderBy('next_at')
      .limit(limit)
      .execute();
    return rows.map(progress);
  }

  async stalled(before: string, maxReminders: number, limit: number): Promise<Progress[]> {
    const rows = await this.db
      .selectFrom('onboarding_progress')
      .selectAll()
      .where('finished_at', 'is', null)
      .where('reminders_off', '=', 0)
      .where('reminders', '<', maxReminders)
      .where('moved_at', '<', before)
      .where((eb) => eb.or([eb('reminded_at', 'is', null), eb('reminded_at', '<', before)]))
      .orderBy('moved_at')
      .limit(limit)
      .execute();
    return rows.map(progress);
  }

  async claimWelcome(platform: string, user: string): Promise<boolean> {
    const r = await this.db
      .insertInto('onboarding_welcomed')
      .values({ platform, user_id: user.slice(0, MAX_KEY), at: this.now().toISOString() })
      .onConflict((oc) => oc.columns(['platform', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    return r !== undefined;
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    this.fast?.commits.flush(); // nothing queued is lost on shutdown
    await this.db.destroy();
  }
}

const schedule = (r: Selectable<QuizScheduleTable>): QuizSchedule => ({
  platform: r.platform,
  channel: r.channel,
  time: r.time,
  timeZone: r.time_zone,
  weekdays: Number(r.weekdays) === 1,
  nextRunAt: r.next_run_at,
  ...(r.reveal_time === null ? {} : { reveal: r.reveal_time }),
  ...(r.paused_reason === null ? {} : { pausedReason: r.paused_reason }),
});

const post = (r: Selectable<QuizPostTable>): QuizPost => ({
  id: Number(r.id),
  platform: r.platform,
  channel: r.channel,
  localDate: r.local_date,
  questionId: r.question_id,
  claimedAt: r.claimed_at,
  ...(r.sent_at === null ? {} : { sentAt: r.sent_at }),
  ...(r.message_id === null ? {} : { messageId: r.message_id }),
  ...(r.revealed_at === null ? {} : { revealedAt: r.revealed_at }),
});

const answer = (r: Pick<Selectable<QuizAnswerTable>, 'post_id' | 'user_id' | 'choice' | 'correct' | 'at'>): QuizAnswer => ({
  postId: Number(r.post_id),
  user: r.user_id,
  choice: Number(r.choice),
  correct: Number(r.correct) === 1,
  at: r.at,
});

const list = (text: string): string[] => {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

const progress = (r: Selectable<OnboardingTable>): Progress => ({
  platform: r.platform,
  user: r.user_id,
  dm: r.dm,
  lesson: Number(r.lesson),
  step: Number(r.step),
  ...(r.finished_at === null ? {} : { finishedAt: r.finished_at }),
  pace: r.pace === 'daily' ? 'daily' : 'self',
  timeZone: r.time_zone,
  ...(r.next_at === null ? {} : { nextAt: r.next_at }),
  startedAt: r.started_at,
  movedAt: r.moved_at,
  reminders: Number(r.reminders),
  ...(r.reminded_at === null ? {} : { remindedAt: r.reminded_at }),
  remindersOff: Number(r.reminders_off) === 1,
  passed: list(r.passed),
  missed: list(r.missed),
  version: Number(r.version),
});

const progressRow = (p: Omit<Progress, 'version'>): Omit<OnboardingTable, 'version'> => ({
  platform: p.platform,
  user_id: p.user.slice(0, MAX_KEY),
  dm: p.dm,
  lesson: p.lesson,
  step: p.step,
  finished_at: p.finishedAt ?? null,
  pace: p.pace,
  time_zone: p.timeZone,
  next_at: p.nextAt ?? null,
  started_at: p.startedAt,
  moved_at: p.movedAt,
  reminders: p.reminders,
  reminded_at: p.remindedAt ?? null,
  reminders_off: p.remindersOff ? 1 : 0,
  passed: JSON.stringify(p.passed),
  missed: JSON.stringify(p.missed),
});
