// One contract, two engines: every rule of the store holds on a real SQLite file and on a real
// PostgreSQL server (started for the run by test/support/postgres.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, StoreError } from '../../src/store/open';
import { SqliteDatabase } from '../../src/store/sqlite-driver';
import { MAX_STATE, MAX_STORED_QUESTION, type FeedbackInput, type Store } from '../../src/store/store';
import { ENGINES, freshDatabase, type EngineName } from '../support/databases';

const vote = (question: string, extra: Partial<FeedbackInput> = {}): FeedbackInput => ({
  platform: 'slack',
  user: 'U0HUMAN',
  conversation: 'C0GENERAL:1700000000.000100',
  question,
  intent: 'responsibility',
  vote: 'up',
  ...extra,
});

describe.each(ENGINES)('the store on %s', (engine: EngineName) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const opened: Store[] = [];
  let clock = new Date('2026-12-01T09:00:00.000Z');
  const open = async (): Promise<Store> => {
    const s = await openStore(db, () => clock);
    opened.push(s);
    return s;
  };

  beforeEach(async () => {
    clock = new Date('2026-12-01T09:00:00.000Z');
    db = await freshDatabase(engine);
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    db.cleanup();
  });

  test('opens, says which engine it is, and answers a ping', async () => {
    const store = await open();
    expect(store.engine).toBe(engine);
    await expect(store.ping()).resolves.toBeUndefined();
  });

  test('migrations run once: a second open of the same database keeps the rows', async () => {
    const first = await open();
    await first.recordFeedback(vote('who patches rds?'));
    await first.close();
    const second = await open();
    expect((await second.latestFeedback(10)).map((f) => f.question)).toEqual(['who patches rds?']);
  });

  test('three processes opening a new database at once all succeed (the migration lock)', async () => {
    const stores = await Promise.all([openStore(db), openStore(db), openStore(db)]);
    opened.push(...stores);
    for (const s of stores) await expect(s.ping()).resolves.toBeUndefined();
  });

  test('feedback: newest first, question bounded, ids increasing', async () => {
    const store = await open();
    const a = await store.recordFeedback(vote('first'));
    clock = new Date('2026-12-01T09:01:00.000Z');
    const b = await store.recordFeedback(vote('x'.repeat(MAX_STORED_QUESTION + 50), { vote: 'down', platform: 'teams' }));
    expect(b.id).toBeGreaterThan(a.id);
    expect(b.question.length).toBe(MAX_STORED_QUESTION);
    const latest = await store.latestFeedback(5);
    expect(latest.map((f) => [f.vote, f.platform, f.at])).toEqual([
      ['down', 'teams', '2026-12-01T09:01:00.000Z'],
      ['up', 'slack', '2026-12-01T09:00:00.000Z'],
    ]);
    expect(await store.latestFeedback(1)).toHaveLength(1);
  });

  test('a vote that is neither up nor down is refused by the database itself', async () => {
    const store = await open();
    // better-sqlite3's error comes from outside jest's realm, so it is matched by its message, not its class.
    await expect(store.recordFeedback({ ...vote('q'), vote: 'sideways' as 'up' })).rejects.toHaveProperty('message', expect.stringMatching(/check/i));
  });

  test('conversation references: saved, replaced, and absent for an unknown conversation', async () => {
    const store = await open();
    await store.saveConversationRef('teams', 'a:1', '{"v":1}');
    clock = new Date('2026-12-01T10:00:00.000Z');
    await store.saveConversationRef('teams', 'a:1', '{"v":2}');
    expect(await store.getConversationRef('teams', 'a:1')).toEqual({ platform: 'teams', conversation: 'a:1', reference: '{"v":2}', updatedAt: '2026-12-01T10:00:00.000Z' });
    expect(await store.getConversationRef('slack', 'a:1')).toBeUndefined();
  });

  test('state: written, overwritten, read by another connection, bounded', async () => {
    const a = await open();
    const b = await open();
    expect(await a.getState('k')).toBeUndefined();
    await a.putState('k', '{"n":1}');
    await a.putState('k', '{"n":2}');
    expect(await b.getState('k')).toBe('{"n":2}');
    await expect(a.putState('big', 'x'.repeat(MAX_STATE + 1))).rejects.toThrow(/over/);
    expect(await b.getState('big')).toBeUndefined();
  });

  test('claimOnce: the first claim wins, every later one loses, even twenty at once from two connections', async () => {
    const a = await open();
    const b = await open();
    expect(await a.claimOnce('slack-event', 'Ev1')).toBe(true);
    expect(await b.claimOnce('slack-event', 'Ev1')).toBe(false);
    expect(await a.claimOnce('teams-activity', 'Ev1')).toBe(true); // another scope is another fact
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claimOnce('slack-event', 'Ev2')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('an unfinished claim past its lease is taken over once; a finished one never is', async () => {
    const a = await open();
    const b = await open();
    expect(await a.claimOnce('slack-event', 'E1', 10_000)).toBe(true);
    expect(await b.claimOnce('slack-event', 'E1', 10_000)).toBe(false); // within the lease: the first is still at work
    clock = new Date(clock.getTime() + 10_001); // the first claimant died without finishing
    const racing = await Promise.all([a.claimOnce('slack-event', 'E1', 10_000), b.claimOnce('slack-event', 'E1', 10_000)]);
    expect(racing.filter(Boolean)).toHaveLength(1);
    await b.finishOnce('slack-event', 'E1');
    clock = new Date(clock.getTime() + 60_000);
    expect(await a.claimOnce('slack-event', 'E1', 10_000)).toBe(false);
    expect(await a.claimOnce('slack-event', 'E1')).toBe(false); // without a lease a claim is never taken over
  });

  test('old once-only keys and stale state are swept; recent ones stay', async () => {
    const store = (await open()) as Store & { sweep(): Promise<void> };
    await store.claimOnce('slack-event', 'old');
    await store.putState('c:old', '{}');
    clock = new Date('2026-12-03T09:00:00.000Z'); // two days later
    await store.claimOnce('slack-event', 'new');
    await store.sweep();
    expect(await store.claimOnce('slack-event', 'old')).toBe(true); // forgotten, so claimable again
    expect(await store.claimOnce('slack-event', 'new')).toBe(false);
    expect(await store.getState('c:old')).toBe('{}'); // state lives far longer than event ids
  });

  test('a closed store refuses work instead of hanging', async () => {
    const store = await open();
    await store.close();
    await expect(store.getState('k')).rejects.toHaveProperty('message', expect.any(String));
  });
});

describe('opening fails with a message that names the database', () => {
  test('an unreachable PostgreSQL', async () => {
    const bad = { DATABASE_PATH: ':unused:', DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2' };
    await expect(openStore(bad)).rejects.toThrow(StoreError);
    await expect(openStore(bad)).rejects.toThrow(/DATABASE_URL/);
  });

  test('a SQLite path that is a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosejob-bad-'));
    try {
      await expect(openStore({ DATABASE_PATH: dir })).rejects.toThrow(`SQLite file ${dir}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('a SQLite file from before Kysely (schema_migrations 1 and 2) opens with its votes kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-legacy-'));
  const path = join(dir, 'whosejob.db');
  try {
    const legacy = new SqliteDatabase(path);
    legacy.exec(`
      CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, platform TEXT NOT NULL, user_id TEXT NOT NULL,
        conversation TEXT NOT NULL, question TEXT NOT NULL, intent TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('up', 'down')));
      CREATE INDEX feedback_at ON feedback (at);
      CREATE TABLE conversation_refs (platform TEXT NOT NULL, conversation TEXT NOT NULL, reference TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (platform, conversation));
      INSERT INTO schema_migrations VALUES (1, 'feedback votes', '2026-11-01'), (2, 'conversation references', '2026-11-01');
      INSERT INTO feedback (at, platform, user_id, conversation, question, intent, vote) VALUES ('2026-11-02T00:00:00.000Z', 'slack', 'U1', 'D1', 'old vote', 'concept', 'down');
    `);
    legacy.close();
    const store = await openStore({ DATABASE_PATH: path });
    try {
      expect((await store.latestFeedback(5)).map((f) => f.question)).toEqual(['old vote']);
      expect(await store.claimOnce('slack-event', 'E1')).toBe(true);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
