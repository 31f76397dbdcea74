import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, slackEnabled, teamsEnabled } from '../src/config';
import { ROOT } from './support/kb-copy';

/** The problems a configuration is rejected with (fails the test when it is accepted). */
function problemsOf(env: NodeJS.ProcessEnv, envFile: string | null = null): string[] {
  try {
    loadConfig(env, envFile);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    for (const p of problems) expect((err as ConfigError).message).toContain(p);
    return problems;
  }
  throw new Error(`configuration was accepted: ${JSON.stringify(env)}`);
}

describe('defaults', () => {
  test('an empty environment gives the documented defaults', () => {
    const c = loadConfig({}, null);
    expect(c).toMatchObject({
      PORT: 3000,
      SLACK_API_URL: 'https://slack.com/api/',
      TEAMS_ENABLED: false,
      DATABASE_PATH: './var/whosejob.db',
      LOG_LEVEL: 'info',
    });
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
    expect(slackEnabled(c)).toBe(false);
    expect(teamsEnabled(c)).toBe(false);
  });

  test('.env.example as shipped (blank credentials) is a valid configuration', () => {
    const c = loadConfig({}, join(ROOT, '.env.example'));
    expect(c.PORT).toBe(3000);
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
    expect(c.MicrosoftAppId).toBeUndefined();
    expect(slackEnabled(c)).toBe(false);
    expect(teamsEnabled(c)).toBe(false);
  });

  test('a missing .env file is no error', () => {
    expect(loadConfig({}, join(tmpdir(), 'whosejob-no-such-dir', '.env')).PORT).toBe(3000);
  });

  test('SLACK_API_URL gets a trailing slash', () => {
    expect(loadConfig({ SLACK_API_URL: 'http://localhost:9999/api' }, null).SLACK_API_URL).toBe('http://localhost:9999/api/');
  });

  test('LOG_LEVEL is read case-insensitively', () => {
    expect(loadConfig({ LOG_LEVEL: 'WARN' }, null).LOG_LEVEL).toBe('warn');
  });

  test('PORT is a number', () => {
    expect(loadConfig({ PORT: ' 8080 ' }, null).PORT).toBe(8080);
  });
});

describe('a bad value names its variable', () => {
  test.each(['abc', '0', '65536', '80.5', '-1'])('PORT=%s → a problem starting "PORT:"', (port) => {
    const problems = problemsOf({ PORT: port });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PORT: /);
  });

  test('LOG_LEVEL=verbose names LOG_LEVEL and lists the levels', () => {
    const [problem] = problemsOf({ LOG_LEVEL: 'verbose' });
    expect(problem).toMatch(/^LOG_LEVEL: .*debug.*info.*warn.*error/);
    expect(problem).toContain('verbose'); // not a secret: the bad value may be shown
  });

  test('SLACK_BOT_TOKEN without a signing secret or app token names SLACK_SIGNING_SECRET', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SLACK_SIGNING_SECRET: /);
    expect(problems[0]).toMatch(/SLACK_APP_TOKEN/); // says how else to fix it
  });

  test('a signing secret without a bot token names SLACK_BOT_TOKEN', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: 'abc123' }).map((p) => p.split(':')[0])).toEqual(['SLACK_BOT_TOKEN']);
  });

  test('a bot token of the wrong kind names SLACK_BOT_TOKEN', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' })[0]).toMatch(/^SLACK_BOT_TOKEN: .*xoxb-/);
  });

  test('MicrosoftAppId without a password names MicrosoftAppPassword', () => {
    expect(problemsOf({ MicrosoftAppId: '00000000-0000-0000-0000-000000000000' })[0]).toMatch(/^MicrosoftAppPassword: /);
  });

  test('SingleTenant without a tenant id names MicrosoftAppTenantId', () => {
    const problems = problemsOf({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['MicrosoftAppTenantId']);
  });

  test('several bad values are all listed', () => {
    const names = problemsOf({ PORT: 'abc', LOG_LEVEL: 'verbose', TEAMS_ENABLED: 'maybe' }).map((p) => p.split(':')[0]).sort();
    expect(names).toEqual(['LOG_LEVEL', 'PORT', 'TEAMS_ENABLED']);
  });
});

describe('Slack and Teams switches', () => {
  test('bot token + signing secret: Slack over HTTP', () => {
    expect(slackEnabled(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }, null))).toBe(true);
  });

  test('bot token + app token: Slack in Socket Mode', () => {
    expect(slackEnabled(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, null))).toBe(true);
  });

  test.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
    ['', false],
  ])('TEAMS_ENABLED=%j → %s', (value, enabled) => {
    const c = loadConfig({ TEAMS_ENABLED: value }, null);
    expect(c.TEAMS_ENABLED).toBe(enabled);
    expect(teamsEnabled(c)).toBe(enabled);
  });

  test('TEAMS_ENABLED=maybe names TEAMS_ENABLED', () => {
    expect(problemsOf({ TEAMS_ENABLED: 'maybe' })[0]).toMatch(/^TEAMS_ENABLED: .*true or false/);
  });

  test('a MicrosoftAppId turns Teams on', () => {
    expect(teamsEnabled(loadConfig({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw' }, null))).toBe(true);
  });
});

describe('.env file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'whosejob-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('is read, and the environment overrides it', () => {
    const file = join(dir, '.env');
    writeFileSync(file, '# local settings\nPORT=4000\nLOG_LEVEL=debug\nDATABASE_PATH="/tmp/w.db"\n');
    const c = loadConfig({ PORT: '5000' }, file);
    expect(c.PORT).toBe(5000);
    expect(c.LOG_LEVEL).toBe('debug');
    expect(c.DATABASE_PATH).toBe('/tmp/w.db');
  });

  test('a bad value in the file is reported like one in the environment', () => {
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=eighty\n');
    expect(problemsOf({}, file)[0]).toMatch(/^PORT: /);
  });
});

describe('secrets are never echoed', () => {
  const SECRET = 'S3cr3t-Value-That-Must-Not-Leak';

  test.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: SECRET, SLACK_SIGNING_SECRET: 'x' }],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: SECRET }],
    ['SLACK_BOT_TOKEN, with the secret in SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: SECRET }],
    ['PORT, with a secret beside it', { PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET, MicrosoftAppId: 'id', MicrosoftAppPassword: SECRET }],
  ])('a problem with %s never shows the secret value', (_label, env) => {
    let message = '';
    try {
      loadConfig(env, null);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = `${(err as ConfigError).message}\n${(err as ConfigError).problems.join('\n')}\n${String((err as Error).stack)}`;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain(SECRET);
  });

  test('a secret from the .env file is not echoed either', () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosejob-env-'));
    try {
      const file = join(dir, '.env');
      writeFileSync(file, `SLACK_BOT_TOKEN=${SECRET}\nSLACK_SIGNING_SECRET=abc\n`);
      expect(problemsOf({}, file).join('\n')).not.toContain(SECRET);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
