// The command line of CONTRACT.md: in-process through main() for most cases, and a few runs of the
// real bin/whosejob.js (built into dist/ by `npm ci` through the prepare script).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';
import { USAGE, usageOf } from '../../src/cli/usage';
import { Bot } from '../../src/conversation/bot';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { MAX_INPUT_CHARS } from '../../src/nlu/normalize';
import { copyKnowledge, replaceOnce, ROOT } from '../support/kb-copy';

const ANSI = /\x1b\[/;
const JSON_KEYS = ['confidence', 'intent', 'owner', 'question', 'service', 'sources', 'task', 'text'];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv; tty?: boolean } = {}): Promise<Run> {
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const stdout = new PassThrough() as PassThrough & { isTTY?: boolean };
  const stderr = new PassThrough();
  if (options.tty) stdout.isTTY = true;
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(argv, { stdin, stdout, stderr, env: options.env ?? {} });
  stdout.end();
  stderr.end();
  await Promise.all([once(stdout, 'end'), once(stderr, 'end')]);
  return { code, stdout: out, stderr: err };
}

const jsonLines = (text: string): Array<Record<string, unknown>> =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** One line on stderr, naming the program, and nothing that looks like a stack trace. */
function expectOneLineError(r: Run): void {
  expect(r.stderr).toMatch(/^whosejob: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

function expectJsonAnswerShape(a: Record<string, unknown>): void {
  expect(Object.keys(a).sort()).toEqual(JSON_KEYS);
  expect(typeof a.question).toBe('string');
  expect(['responsibility', 'service', 'concept', 'compare', 'quiz', 'onboarding', 'help', 'smalltalk', 'unknown']).toContain(a.intent);
  if (a.service !== null) {
    expect(Object.keys(a.service as object).sort()).toEqual(['category', 'id', 'name']);
    expect(['infrastructure', 'container', 'abstracted']).toContain((a.service as { category: string }).category);
  }
  if (a.task !== null) expect(Object.keys(a.task as object).sort()).toEqual(['id', 'name']);
  expect([null, 'aws', 'customer', 'shared']).toContain(a.owner);
  expect(typeof a.confidence).toBe('number');
  expect(typeof a.text).toBe('string');
  expect(Array.isArray(a.sources)).toBe(true);
  for (const s of a.sources as unknown[]) expect(s).toMatch(/^https:\/\//);
}

describe('whosejob ask', () => {
  test('answers as text, owner badge first', async () => {
    const r = await run(['ask', 'who patches RDS?']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/^\[AWS\] .*Amazon RDS/);
    expect(r.stdout).toMatch(/Sources: https:\/\//);
  });

  test('piped (no TTY, no FORCE_COLOR) the text has no colour', async () => {
    expect((await run(['ask', 'who patches RDS?'])).stdout).not.toMatch(ANSI);
  });

  test('FORCE_COLOR=1 colours the text', async () => {
    expect((await run(['ask', 'who patches RDS?'], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(ANSI);
  });

  test('a terminal gets colour unless NO_COLOR is set; FORCE_COLOR=0 turns it off', async () => {
    expect((await run(['ask', 'who patches RDS?'], { tty: true })).stdout).toMatch(ANSI);
    expect((await run(['ask', 'who patches RDS?'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await run(['ask', 'who patches RDS?'], { env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(ANSI);
  });

  test('--json prints one JSON answer of the contract shape', async () => {
    const r = await run(['ask', '--json', 'who patches RDS?']);
    expect(r.code).toBe(0);
    const answers = jsonLines(r.stdout);
    expect(answers).toHaveLength(1);
    const a = answers[0]!;
    expectJsonAnswerShape(a);
    expect(a).toMatchObject({
      question: 'who patches RDS?',
      intent: 'responsibility',
      service: { id: 'rds', name: 'Amazon RDS', category: 'container' },
      owner: 'aws',
    });
    expect((a.sources as string[]).length).toBeGreaterThan(0);
    expect(a.text).not.toMatch(ANSI);
  });

  test('--json never colours, even with FORCE_COLOR', async () => {
    expect((await run(['ask', '--json', 'who patches RDS?'], { env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  test('--json with the question in several words joins them', async () => {
    const [a] = jsonLines((await run(['ask', '--json', 'who', 'patches', 'RDS?'])).stdout);
    expect(a!.question).toBe('who patches RDS?');
  });

  test('a question naming no service or task gives nulls, and a non-responsibility intent no owner', async () => {
    const [a] = jsonLines((await run(['ask', '--json', 'what is the weather in Seattle'])).stdout);
    expect(a).toMatchObject({ intent: 'unknown', service: null, task: null, owner: null });
  });

  test('--json with no question reads one question per line of stdin, same order', async () => {
    const questions = ['who patches RDS?', '', 'what is the weather', 'who encrypts EBS volumes?', 'quiz me', 'and for EC2?'];
    const r = await run(['ask', '--json'], { stdin: `${questions.join('\n')}\n` });
    expect(r.code).toBe(0);
    const answers = jsonLines(r.stdout);
    expect(answers.map((a) => a.question)).toEqual(questions);
    answers.forEach(expectJsonAnswerShape);
    expect(answers[1]).toMatchObject({ question: '', intent: 'unknown', service: null, task: null, owner: null });
    expect(answers[3]).toMatchObject({ owner: 'customer', service: { id: 'ebs' } });
    // each line stands alone: "and for EC2?" does not borrow the task of an earlier line
    expect(answers[5]).toMatchObject({ task: null, owner: null });
  });

  test('a batch without a final newline and with CRLF line ends is read whole', async () => {
    const answers = jsonLines((await run(['ask', '--json'], { stdin: 'who patches RDS?\r\nhi' })).stdout);
    expect(answers.map((a) => a.question)).toEqual(['who patches RDS?', 'hi']);
  });

  test('a large batch keeps every answer, in order', async () => {
    const questions = Array.from({ length: 1500 }, (_, i) => (i % 3 === 0 ? `who patches RDS? #${i}` : i % 3 === 1 ? '' : `hello ${i}`));
    const answers = jsonLines((await run(['ask', '--json'], { stdin: `${questions.join('\n')}\n` })).stdout);
    expect(answers).toHaveLength(questions.length);
    expect(answers.map((a) => a.question)).toEqual(questions);
  });

  test('an overlong question is answered in bounded space', async () => {
    const q = 'who patches rds '.repeat(1_000);
    const [a] = jsonLines((await run(['ask', '--json', q])).stdout);
    expect((a!.question as string).length).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect((a!.text as string).length).toBeLessThan(5000);
  });
});

describe('bad usage: exit 2, one line on stderr, no stack trace', () => {
  test.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['ask'], /ask needs a question/],
    [['ask', '--loud', 'who patches RDS?'], /unknown option --loud/],
    [['kb', 'lint'], /unknown kb command "lint"/],
    [['kb', 'check', '--data'], /--data needs a value/],
    [['kb', 'check', 'extra'], /unexpected argument "extra"/],
    [['chat', 'now'], /chat takes no arguments/],
  ])('whosejob %j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expectOneLineError(r);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('flags (node:util parseArgs): each mistake is one line naming the flag and how to call the command', () => {
  test.each([
    [['ask', '-x', 'who patches RDS?'], /^whosejob: unknown option -x for ask \(usage: whosejob ask \[--json\] "question"\)\n$/],
    [['ask', '--json=yes', 'who patches RDS?'], /--json takes no value/],
    [['chat', '--slow'], /unknown option --slow for chat/],
    [['kb', '--frob'], /unknown option --frob for kb/],
    [['kb', 'check', '--strict'], /unknown option --strict for kb check \(usage: whosejob kb check /],
    [['kb', 'check', '--data', '--intents', 'intents'], /--data needs a value/],
    [['kb', 'matrix', '--service', 'ec2'], /unknown option --service for kb matrix \(usage: whosejob kb matrix /],
    [['kb', 'matrix', '--format'], /--format needs a value/],
    [['kb', 'matrix', 'ec2'], /unexpected argument "ec2" for kb matrix/],
    [['feedback', '--limit', '--json'], /--limit needs a value/],
    [['feedback', '--limit', '-1'], /--limit needs a whole number from 1 to 99999 \(got "-1"\)/],
    [['--frob'], /unknown option --frob \(usage: whosejob ask\|chat\|kb/],
    [['help', 'frobnicate'], /no help on "frobnicate"/],
  ])('whosejob %j', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expectOneLineError(r);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  test('a value may be given inline, and flags may come in any order', async () => {
    const inline = await run(['kb', 'matrix', '--format=csv', '--services=ec2,s3']);
    expect(inline.code).toBe(0);
    expect(inline.stdout.split('\n')[0]).toBe('task,ec2,s3');
    expect((await run(['kb', 'matrix', '--services', 'ec2,s3', '--format', 'csv'])).stdout).toBe(inline.stdout);
  });

  test('after --, words that look like flags are the question', async () => {
    const [a] = jsonLines((await run(['ask', '--json', '--', '--verbose', 'who patches RDS?'])).stdout);
    expect(a!.question).toBe('--verbose who patches RDS?');
  });
});

describe('each command\'s own usage', () => {
  test('whosejob kb alone prints the kb usage, exit 0 as whosejob alone', async () => {
    const r = await run(['kb']);
    expect(r).toEqual({ code: 0, stdout: usageOf('kb'), stderr: '' });
    expect(r.stdout).toContain('whosejob kb check [--data DIR] [--intents DIR]');
    expect(r.stdout).toContain('whosejob kb matrix [--services a,b] [--format md|csv]');
    expect(r.stdout).not.toContain('whosejob ask');
  });

  test.each([
    [['kb', '--help'], 'kb'],
    [['kb', '-h'], 'kb'],
    [['kb', 'help'], 'kb'],
    [['help', 'kb'], 'kb'],
    [['ask', '--help'], 'ask'],
    [['help', 'ask'], 'ask'],
    [['chat', '-h'], 'chat'],
    [['kb', 'check', '--help'], 'kb check'],
    [['kb', 'matrix', '-h'], 'kb matrix'],
    [['feedback', '--help'], 'feedback'],
  ])('whosejob %j prints the usage of %s, exit 0', async (argv, command) => {
    const r = await run(argv);
    expect(r).toEqual({ code: 0, stdout: usageOf(command), stderr: '' });
    expect(r.stdout).toContain(`whosejob ${command}`);
  });

  test('the usage of every command is a part of the whole usage', () => {
    for (const command of ['ask', 'chat', 'kb', 'kb check', 'kb matrix', 'feedback'])
      for (const line of usageOf(command).split('\n').slice(1)) expect(USAGE).toContain(line);
  });
});

describe('help and version', () => {
  test.each([[[]], [['help']], [['--help']], [['-h']]])('whosejob %j prints the usage', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(USAGE);
  });

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('whosejob kb check', () => {
  test('exit 0 with a summary line', async () => {
    const r = await run(['kb', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ services, \d+ tasks, [^\n]*\n$/);
  });

  test('--data pointing at a broken copy: exit 1, every problem as "file: path: message"', async () => {
    const copy = copyKnowledge();
    try {
      copy.edit('data/concepts.yaml', (t) => replaceOnce(t, 'source: https://', 'source: ftp://'));
      copy.edit('data/quiz.yaml', (t) => replaceOnce(t, 'source: https://', 'source: https://example.org/'));
      const r = await run(['kb', 'check', '--data', copy.dataDir, '--intents', copy.intentsDir]);
      expect(r.code).toBe(1);
      const lines = r.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect(line).toMatch(/^\S+\.yaml: [^:]+: .+$/);
      expect(lines.some((l) => /concepts\.yaml: concepts\[0\]\.source: /.test(l))).toBe(true);
      expect(lines.some((l) => /quiz\.yaml: questions\[0\]\.source: /.test(l))).toBe(true);
      expectOneLineError(r);
      expect(r.stderr).toMatch(/problems in the knowledge base/);
    } finally {
      copy.remove();
    }
  });
});

describe('whosejob chat', () => {
  test('answers each line, and a number picks one of the offered questions', async () => {
    const kb = loadKnowledgeBase();
    const first = new Bot(kb).answerOnce('who patches RDS?').reply;
    const picked = new Bot(kb).answerOnce((first.choices[0]!.action as { question: string }).question).reply;
    const r = await run(['chat'], { stdin: 'who patches RDS?\n\n1\nquit\nwho encrypts EBS volumes?\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^whosejob — /);
    expect(r.stdout).toContain(`[AWS] ${first.title}`);
    expect(r.stdout).toContain(picked.title);
    expect(r.stdout).not.toContain('Amazon EBS'); // nothing after "quit"
    expect(r.stdout).not.toMatch(ANSI);
  });

  test('ends at the end of input without "quit"', async () => {
    const r = await run(['chat'], { stdin: 'hi\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Hi! I'm whosejob/);
  });
});

describe('the real bin/whosejob.js', () => {
  const BIN = join(ROOT, 'bin', 'whosejob.js');
  // A clean environment: jest's own FORCE_COLOR must not leak into the child.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const spawn = (args: string[], input = '', extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...env, ...extra }, timeout: 20_000 });

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is not built: run `npm run build` (npm ci does it through the prepare script)');
  });

  test('ask: exit 0, text without colour when piped', () => {
    const r = spawn(['ask', 'who patches RDS?']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\[AWS\] /);
    expect(r.stdout).not.toMatch(ANSI);
  });

  test('ask with FORCE_COLOR=1: colour', () => {
    expect(spawn(['ask', 'who patches RDS?'], '', { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
  });

  test('ask --json reads stdin: one answer per line, same order, empty line → unknown', () => {
    const r = spawn(['ask', '--json'], 'who patches RDS?\n\nwho encrypts EBS volumes?\n');
    expect(r.status).toBe(0);
    const answers = jsonLines(r.stdout);
    answers.forEach(expectJsonAnswerShape);
    expect(answers.map((a) => [a.question, a.intent, a.owner])).toEqual([
      ['who patches RDS?', 'responsibility', 'aws'],
      ['', 'unknown', null],
      ['who encrypts EBS volumes?', 'responsibility', 'customer'],
    ]);
  });

  test('an unknown command: exit 2, one line on stderr, no stack trace', () => {
    const r = spawn(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^whosejob: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  test('kb check: exit 0 with a summary line', () => {
    const r = spawn(['kb', 'check']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ok: \d+ services/);
  });

  test('kb check --data <broken dir>: exit 1, problems as file: path: message', () => {
    const copy = copyKnowledge();
    try {
      copy.edit('data/services.yaml', (t) => replaceOnce(t, '    category: infrastructure\n', '    category: on-prem\n'));
      const r = spawn(['kb', 'check', '--data', copy.dataDir, '--intents', copy.intentsDir]);
      expect(r.status).toBe(1);
      expect(r.stdout).toMatch(/services\.yaml: services\[0\]\.category: .+/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      copy.remove();
    }
  });
});
