// docs/reference.md and .env.example stay true to the code: every command, JSON key and variable the
// code has is documented, nothing the code lacks is, and the page stands alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { USAGE } from '../../src/cli/usage';
import { ROOT } from '../support/kb-copy';
import { runCli } from '../support/run-cli';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const reference = read('docs/reference.md');

/** The variables of config.ts's one schema: its keys, four spaces in. */
const CONFIG_VARIABLES = [...read('src/config.ts').matchAll(/^ {4}([A-Za-z_]+): /gm)].map((m) => m[1]!);
const EXAMPLE_VARIABLES = [...read('.env.example').matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]!);

test('config.ts is read as expected (the list below is not empty by accident)', () => {
  expect(CONFIG_VARIABLES).toEqual(expect.arrayContaining(['PORT', 'SLACK_BOT_TOKEN', 'MicrosoftAppId', 'DATABASE_PATH', 'LOG_LEVEL']));
});

test('.env.example sets exactly the variables config.ts reads', () => {
  expect([...EXAMPLE_VARIABLES].sort()).toEqual([...CONFIG_VARIABLES].sort());
});

test('the reference documents every variable config.ts reads, in its table', () => {
  for (const name of CONFIG_VARIABLES) expect(reference).toContain(`| \`${name}\` |`);
});

test('the reference documents every command of the usage', () => {
  const synopses = USAGE.split('\n')
    .map((l) => /^ {2}(whosejob [^\s].*?)(?: {2,}|$)/.exec(l)?.[1])
    .filter((s): s is string => s !== undefined);
  expect(synopses.length).toBeGreaterThanOrEqual(7);
  // In a Markdown table a | is written \|.
  for (const synopsis of synopses) expect(reference.replace(/\\\|/g, '|')).toContain(synopsis.replace(/ "[^"]*"/, ''));
});

test('the reference documents every key of a JSON answer, applies too', async () => {
  const answers = (await runCli(['ask', '--json'], {}, 'who patches RDS?\nwho patches the guest OS on S3?\n')).stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const keys = new Set(answers.flatMap((a) => Object.keys(a)));
  expect(keys.has('applies')).toBe(true);
  for (const key of keys) expect(reference).toContain(`| \`${key}\` |`);
});

test('the reference stands alone: no link or path outside the repository', () => {
  expect(reference).not.toMatch(/\.\.\//);
  expect(reference).not.toMatch(/shared\/|CONTRACT\.md/);
});
