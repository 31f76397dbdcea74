// The process logger: JSON lines, LOG_LEVEL filtering, errors with their stacks, and no secret at any depth.
import { createLogger, redactSecrets, REDACTED, type Logger } from '../src/log';
import type { LogLevel } from '../src/config';

type Line = Record<string, unknown>;

function capture(level: LogLevel = 'debug', base?: Record<string, unknown>): { log: Logger; lines: Line[]; raw: string[] } {
  const raw: string[] = [];
  const log = createLogger(level, (l) => raw.push(l), base);
  return {
    log,
    raw,
    get lines() {
      return raw.map((l) => JSON.parse(l) as Line);
    },
  };
}

describe('lines', () => {
  test('one JSON object per line: level by name, ISO time, msg and the fields', () => {
    const c = capture();
    c.log.info('http server listening', { port: 3000 });
    expect(c.raw).toHaveLength(1);
    expect(c.raw[0]).toMatch(/^\{.*\}\n$/);
    const [line] = c.lines;
    expect(line).toMatchObject({ level: 'info', msg: 'http server listening', port: 3000 });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
    expect(line).not.toHaveProperty('pid');
  });

  test.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as Array<[LogLevel, string[]]>)('LOG_LEVEL=%s lets through %j', (level, expected) => {
    const c = capture(level);
    c.log.debug('d');
    c.log.info('i');
    c.log.warn('w');
    c.log.error('e');
    expect(c.lines.map((l) => l.level)).toEqual(expected);
  });

  test('a child carries its fields and the base fields into every line', () => {
    const c = capture('info', { service: 'whosejob' });
    c.log.child({ adapter: 'slack' }).child({ team: 'T1' }).warn('slow', { ms: 12 });
    expect(c.lines[0]).toMatchObject({ service: 'whosejob', adapter: 'slack', team: 'T1', ms: 12, msg: 'slow', level: 'warn' });
  });

  test('methods work unbound, as Bolt\'s logger adapter calls them', () => {
    const c = capture();
    const { info } = c.log;
    info('unbound', { ok: true });
    expect(c.lines[0]).toMatchObject({ msg: 'unbound', ok: true });
  });
});

describe('errors keep their message and stack', () => {
  test('under err, error, or any other field, nested too', () => {
    const c = capture();
    const boom = new Error('boom');
    c.log.error('failed', { err: boom, error: new TypeError('bad type'), detail: { cause: new RangeError('deep') } });
    const [line] = c.lines as Array<Record<string, Record<string, unknown>>>;
    expect(line!.err).toMatchObject({ type: 'Error', message: 'boom' });
    expect(line!.err!.stack).toMatch(/^Error: boom\n\s+at /);
    expect(line!.error).toMatchObject({ type: 'TypeError', message: 'bad type' });
    expect(line!.error!.stack).toMatch(/\n\s+at /);
    expect(line!.detail!.cause).toMatchObject({ type: 'RangeError', message: 'deep' });
  });

  test('an error\'s own fields are kept, and its secrets redacted', () => {
    const c = capture();
    const err = Object.assign(new Error('request failed'), { code: 'ECONNRESET', config: { headers: { Authorization: 'Bearer abc.def' } } });
    c.log.error('slack call failed', { err });
    expect(c.raw[0]).not.toContain('abc.def');
    expect(c.lines[0]).toMatchObject({ err: { code: 'ECONNRESET', config: { headers: { Authorization: REDACTED } } } });
  });
});

describe('secrets never reach the log', () => {
  const SECRET = 'xoxb-not-a-real-secret';

  test.each([
    ['top level', { SLACK_BOT_TOKEN: SECRET }],
    ['nested in config', { config: { SLACK_BOT_TOKEN: SECRET, PORT: 3000 } }],
    ['request headers', { req: { headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' } } }],
    ['any case', { Config: { MicrosoftAppPassword: SECRET } }],
    ['inside an array', { attempts: [{ clientSecret: SECRET }] }],
    ['a secret-named object', { token: { value: SECRET } }],
    ['deep', { a: { b: { c: { d: { e: { signingSecret: SECRET } } } } } }],
  ])('%s', (_name, fields) => {
    const c = capture();
    c.log.info('config loaded', fields);
    expect(c.raw[0]).not.toContain(SECRET);
    expect(c.raw[0]).toContain(REDACTED);
  });

  test('the rest of a nested object is kept', () => {
    const c = capture();
    c.log.info('x', { config: { SLACK_BOT_TOKEN: SECRET, PORT: 3000 }, headers: { authorization: 'b', host: 'h' } });
    expect(c.lines[0]).toMatchObject({ config: { SLACK_BOT_TOKEN: REDACTED, PORT: 3000 }, headers: { authorization: REDACTED, host: 'h' } });
  });

  test('in base and child fields too', () => {
    const c = capture('info', { MicrosoftAppPassword: SECRET });
    c.log.child({ slack: { botToken: SECRET } }).info('hi');
    expect(c.raw[0]).not.toContain(SECRET);
  });

  test('the caller\'s object is not changed', () => {
    const fields = { config: { SLACK_BOT_TOKEN: SECRET } };
    capture().log.info('x', fields);
    expect(fields.config.SLACK_BOT_TOKEN).toBe(SECRET);
  });
});

describe('redactSecrets on awkward input', () => {
  test('a cycle and an object deeper than the bound end the walk instead of the process', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    let deep: Record<string, unknown> = { password: 'p' };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    const out = JSON.stringify(redactSecrets({ a, deep }));
    expect(out).toContain('[circular]');
    expect(out).toContain('[too deep]');
    expect(out).not.toContain('"p"');
  });

  test('the same object twice side by side is not a cycle', () => {
    const shared = { id: 1 };
    expect(redactSecrets({ x: shared, y: shared })).toEqual({ x: { id: 1 }, y: { id: 1 } });
  });

  test('Dates and Buffers keep their JSON form; null secrets stay null', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(JSON.parse(JSON.stringify(redactSecrets({ at, token: null })))).toEqual({ at: '2026-01-02T03:04:05.000Z', token: null });
  });
});
