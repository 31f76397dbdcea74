// The SQLite store (src/store/sqlite.ts) on real files in a temp dir: migrations, the feedback round trip,
// bounds and constraints, two connections on one file (WAL), and closing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/migrations';
import { SqliteStore } from '../../src/store/sqlite';
import { MAX_STORED_QUESTION, type FeedbackInput, type Vote } from '../../src/store/store';

let dir: string;
const open: SqliteStore[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'whosejob-store-'));
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

function storeAt(path: string, now?: () => Date): SqliteStore {
  const s = new SqliteStore(path, now);
  open.push(s);
  return s;
}

const vote = (question: string, v: Vote = 'up', extra: Partial<FeedbackInput> = {}): FeedbackInput => ({
  platform: 'slack',
  user: 'U0HUMAN',
  conversation: 'C0GENERAL:1700000000.000100',
  question,
  intent: 'responsibility',
  vote: v,
  ...extra,
});

/**
 * The message of what `work` threw or rejected with. better-sqlite3's SqliteError is not a real Error (it only
 * borrows Error.prototype, from the jest sandbox that first loaded the native addon in this worker), so jest's
 * toThrow does not always recognise it: match on the message instead.
 */
async function failureOf(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (err) {
    return String((err as { message?: unknown }).message ?? err);
  }
  throw new Error('expected a failure, but the call succeeded');
}

function readOnly(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

describe('migrations', () => {
  test('run once: reopening the same file is fine and schema_migrations has one row per migration', async () => {
    const path = join(dir, 'nested', 'deeper', 'whosejob.db');
    const first = storeAt(path);
    await first.recordFeedback(vote('who patches rds?'));
    await first.close();
    expect(existsSync(path)).toBe(true); // the directories were created

    const second = storeAt(path);
    await second.close();
    const third = storeAt(path);
    expect(await third.latestFeedback(10)).toHaveLength(1); // data survived the reopenings
    await third.close();

    const db = readOnly(path);
    try {
      const rows = db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as Array<{ version: number; name: string; applied_at: string }>;
      expect(rows.map((r) => [r.version, r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
      for (const r of rows) expect(Number.isNaN(Date.parse(r.applied_at))).toBe(false);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['feedback', 'schema_migrations']));
    } finally {
      db.close();
    }
  });

  test('the migration time comes from the injected clock', async () => {
    const path = join(dir, 'clock.db');
    await storeAt(path, () => new Date('2026-01-02T03:04:05.000Z')).close();
    const db = readOnly(path);
    try {
      expect(db.prepare('SELECT applied_at FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map(() => '2026-01-02T03:04:05.000Z'));
    } finally {
      db.close();
    }
  });

  test(':memory: works without touching the disk', async () => {
    const s = storeAt(':memory:');
    await s.recordFeedback(vote('in memory'));
    expect((await s.latestFeedback(1))[0]?.question).toBe('in memory');
  });
});

describe('feedback', () => {
  test('recordFeedback / latestFeedback round trip, newest first, with a limit', async () => {
    let now = Date.parse('2026-11-23T12:00:00.000Z');
    const s = storeAt(join(dir, 'f.db'), () => new Date(now));
    now += 1000;
    const a = await s.recordFeedback(vote('who patches rds?', 'up'));
    now += 1000;
    const b = await s.recordFeedback(vote('who encrypts ebs volumes', 'down', { platform: 'teams', user: '29:abc', intent: 'service' }));
    now += 1000;
    const c = await s.recordFeedback(vote('compare ec2 and lambda', 'up', { intent: 'compare' }));
    expect(a).toMatchObject({ id: expect.any(Number), at: '2026-11-23T12:00:01.000Z', question: 'who patches rds?' });
    expect(b.id).toBeGreaterThan(a.id);
    expect(c.id).toBeGreaterThan(b.id);

    const all = await s.latestFeedback(10);
    expect(all).toEqual([c, b, a]);
    expect(all[1]).toEqual({
      id: b.id,
      at: '2026-11-23T12:00:02.000Z',
      platform: 'teams',
      user: '29:abc',
      conversation: 'C0GENERAL:1700000000.000100',
      question: 'who encrypts ebs volumes',
      intent: 'service',
      vote: 'down',
    });
    expect(await s.latestFeedback(2)).toEqual([c, b]);
    expect(await s.latestFeedback(1)).toEqual([c]);
  });

  test('an empty store has no feedback', async () => {
    expect(await storeAt(join(dir, 'empty.db')).latestFeedback(5)).toEqual([]);
  });

  test(`long questions are stored bounded to ${MAX_STORED_QUESTION} characters`, async () => {
    const s = storeAt(join(dir, 'long.db'));
    const long = 'who patches rds? '.repeat(1_000);
    const recorded = await s.recordFeedback(vote(long));
    expect(recorded.question).toBe(long.slice(0, MAX_STORED_QUESTION));
    const [row] = await s.latestFeedback(1);
    expect(row?.question).toHaveLength(MAX_STORED_QUESTION);
    expect(long.startsWith(row!.question)).toBe(true);
  });

  test('text is stored as given: quotes, newlines, emoji, markup', async () => {
    const s = storeAt(join(dir, 'text.db'));
    const q = `it's "quoted"\n<!channel> 😀 -- ; DROP TABLE feedback;`;
    await s.recordFeedback(vote(q));
    expect((await s.latestFeedback(1))[0]?.question).toBe(q);
  });

  test('the vote must be up or down (CHECK constraint), and nothing is stored otherwise', async () => {
    const path = join(dir, 'check.db');
    const s = storeAt(path);
    expect(await failureOf(() => s.recordFeedback({ ...vote('x'), vote: 'sideways' as Vote }))).toMatch(/CHECK constraint/);
    const db = new Database(path);
    try {
      expect(await failureOf(() => db.prepare("INSERT INTO feedback (at, platform, user_id, conversation, question, intent, vote) VALUES ('t','p','u','c','q','i','maybe')").run())).toMatch(/CHECK constraint/);
    } finally {
      db.close();
    }
    expect(await s.latestFeedback(10)).toEqual([]);
  });

  test('two stores on the same file see each other\'s rows (WAL)', async () => {
    const path = join(dir, 'shared.db');
    const one = storeAt(path);
    const two = storeAt(path);
    await one.recordFeedback(vote('from one'));
    expect((await two.latestFeedback(5)).map((r) => r.question)).toEqual(['from one']);
    await two.recordFeedback(vote('from two', 'down'));
    expect((await one.latestFeedback(5)).map((r) => [r.question, r.vote])).toEqual([
      ['from two', 'down'],
      ['from one', 'up'],
    ]);
    const db = readOnly(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});

describe('close', () => {
  test('is idempotent', async () => {
    const s = storeAt(join(dir, 'close.db'));
    await s.close();
    await expect(s.close()).resolves.toBeUndefined();
    await expect(s.close()).resolves.toBeUndefined();
  });

  test('a closed store refuses work instead of crashing the process', async () => {
    const s = storeAt(join(dir, 'closed.db'));
    await s.close();
    expect(await failureOf(() => s.latestFeedback(1))).toMatch(/not open/i);
    expect(await failureOf(() => s.recordFeedback(vote('late')))).toMatch(/not open/i);
  });

  test('what was written before close is there after reopening', async () => {
    const path = join(dir, 'durable.db');
    const s = storeAt(path);
    await s.recordFeedback(vote('kept'));
    await s.close();
    expect((await storeAt(path).latestFeedback(1))[0]?.question).toBe('kept');
  });
});
