// `whosejob feedback [--limit N] [--json]`, in-process through main(), against a real SQLite file named by
// DATABASE_PATH in the environment main() is given.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open';
import { MAX_STORED_QUESTION, type FeedbackInput } from '../../src/store/store';
import { runCli, type CliRun as Run } from '../support/run-cli';

const run = (argv: string[], env: NodeJS.ProcessEnv) => runCli(argv, env);

function expectOneLineError(r: Run): void {
  expect(r.stderr).toMatch(/^whosejob: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

let dir: string;
let dbPath: string;
let env: NodeJS.ProcessEnv;

const VOTES: Array<FeedbackInput & { at: string }> = [
  { at: '2026-11-20T09:00:00.000Z', platform: 'slack', user: 'U0AAA', conversation: 'C1:1.1', question: 'who patches rds?', intent: 'responsibility', vote: 'up' },
  { at: '2026-11-21T10:30:00.000Z', platform: 'teams', user: '29:bbb', conversation: 'a:1', question: 'compare ec2 and lambda', intent: 'compare', vote: 'down' },
  { at: '2026-11-22T11:45:00.000Z', platform: 'slack', user: 'U0CCC', conversation: 'D1', question: 'what is an "inherited" control?', intent: 'concept', vote: 'up' },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whosejob-cli-feedback-'));
  dbPath = join(dir, 'var', 'whosejob.db');
  let at = '';
  const store = await openStore({ DATABASE_PATH: dbPath }, () => new Date(at || VOTES[0]!.at));
  for (const v of VOTES) {
    at = v.at;
    const { at: _at, ...input } = v;
    await store.recordFeedback(input);
  }
  await store.close();
  env = { DATABASE_PATH: dbPath };
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('whosejob feedback', () => {
  test('prints the votes newest first, one line each', async () => {
    const r = await run(['feedback'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      '2026-11-22T11:45:00.000Z  +1  slack  U0CCC  concept  "what is an \\"inherited\\" control?"',
      '2026-11-21T10:30:00.000Z  -1  teams  29:bbb  compare  "compare ec2 and lambda"',
      '2026-11-20T09:00:00.000Z  +1  slack  U0AAA  responsibility  "who patches rds?"',
    ]);
  });

  test('--json gives one JSON object per line, newest first', async () => {
    const r = await run(['feedback', '--json'], env);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((row) => row.question)).toEqual(VOTES.map((v) => v.question).reverse());
    expect(rows[0]).toEqual({ id: expect.any(Number), ...VOTES[2] });
    expect(Object.keys(rows[0]!).sort()).toEqual(['at', 'conversation', 'id', 'intent', 'platform', 'question', 'user', 'vote']);
  });

  test('--limit 1 prints only the newest; it combines with --json in any order', async () => {
    const r = await run(['feedback', '--limit', '1'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('U0CCC');
    const j = await run(['feedback', '--json', '--limit', '2'], env);
    expect(j.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { user: string }).user)).toEqual(['U0CCC', '29:bbb']);
    const k = await run(['feedback', '--limit', '1', '--json'], env);
    expect(k.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  test('a long question is shortened on screen, whole in --json', async () => {
    const path = join(dir, 'long.db');
    const store = await openStore({ DATABASE_PATH: path });
    const question = `who patches ${'very '.repeat(100)}old rds?`;
    await store.recordFeedback({ platform: 'slack', user: 'U0LONG', conversation: 'C1', question, intent: 'responsibility', vote: 'up' });
    await store.close();
    const text = await run(['feedback'], { DATABASE_PATH: path });
    const shown = /"(.*)"$/.exec(text.stdout.trimEnd())![1]!;
    expect(shown).toHaveLength(120);
    expect(shown.endsWith('...')).toBe(true);
    const json = await run(['feedback', '--json'], { DATABASE_PATH: path });
    expect((JSON.parse(json.stdout) as { question: string }).question).toBe(question.slice(0, MAX_STORED_QUESTION));
  });

  test('a database with no votes yet says so', async () => {
    const path = join(dir, 'empty.db');
    await (await openStore({ DATABASE_PATH: path })).close();
    const r = await run(['feedback'], { DATABASE_PATH: path });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No feedback yet.\n');
  });

  test('a missing database file prints "No feedback yet", exits 0, and creates nothing', async () => {
    const missing = join(dir, 'nowhere', 'none.db');
    const r = await run(['feedback'], { DATABASE_PATH: missing });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^No feedback yet/);
    expect(r.stdout).toContain(missing);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    const json = await run(['feedback', '--json'], { DATABASE_PATH: missing });
    expect(json).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test.each([
    [['--limit', 'abc']],
    [['--limit', '0']],
    [['--limit', '-1']],
    [['--limit', '1.5']],
    [['--limit']],
    [['--limit', '--json']],
    [['extra']],
    [['--verbose']],
  ])('feedback %j → exit 2 with one line on stderr', async (args) => {
    const r = await run(['feedback', ...args], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectOneLineError(r);
  });

  test('--limit abc names the option and the bad value', async () => {
    const r = await run(['feedback', '--limit', 'abc'], env);
    expect(r.stderr).toMatch(/--limit/);
    expect(r.stderr).toMatch(/abc/);
  });
});
