// Proves the Slack stand-ins (slack-web-api.ts, slack-requests.ts) against the real @slack/bolt 5 App:
// signed requests go in through Bolt's HTTPReceiver, Web API calls come out at the stand-in.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  type BlockAction,
  type ButtonAction,
  HTTPReceiver,
  type Logger,
  LogLevel,
  webApi,
} from '@slack/bolt';
import {
  appHomeOpened,
  appMention,
  blockActions,
  directMessage,
  eventCallback,
  fakeTs,
  FORM,
  nowSeconds,
  postToApp,
  sign,
  slashCommand,
  urlVerification,
} from './slack-requests';
import { FAKE_BOT_USER_ID, FAKE_TEAM_ID, type RecordedCall, SlackWebApiStandIn, validateMessage } from './slack-web-api';

const SECRET = 'test-secret';
const TOKEN = 'xoxb-test';

/** Keeps Bolt quiet (its 401s log warnings) while keeping the lines for a failing test to look at. */
class CapturingLogger implements Logger {
  readonly lines: Array<{ level: string; msg: string }> = [];
  private level = LogLevel.DEBUG;
  private add(level: string, msg: unknown[]): void {
    this.lines.push({ level, msg: msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ') });
  }
  debug(...msg: unknown[]): void {
    this.add('debug', msg);
  }
  info(...msg: unknown[]): void {
    this.add('info', msg);
  }
  warn(...msg: unknown[]): void {
    this.add('warn', msg);
  }
  error(...msg: unknown[]): void {
    this.add('error', msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(_name: string): void {}
}

/** What listeners saw, so tests can wait for work Bolt does after it has acknowledged the request. */
class Inbox<T> {
  private items: T[] = [];
  private waiting: Array<() => void> = [];
  push(item: T): void {
    this.items.push(item);
    for (const wake of this.waiting.splice(0)) wake();
  }
  async next(timeoutMs = 2000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (this.items.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing arrived within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.items.shift() as T;
  }
  get size(): number {
    return this.items.length;
  }
  clear(): void {
    this.items = [];
  }
}

type SayOutcome = { ok: true; ts: string | undefined } | { ok: false; error: unknown };

const standIn = new SlackWebApiStandIn();
const logger = new CapturingLogger();
const sayOutcomes = new Inbox<SayOutcome>();
const commands = new Inbox<{ text: string; user: string }>();
const actions = new Inbox<{ action_id: string; value: string | undefined; user: string; container: string }>();
let app: App;
let server: Server;
let eventsUrl: string;
let authTestAtStartup: RecordedCall | undefined;

beforeAll(async () => {
  await standIn.start();
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logger });
  app = new App({
    signingSecret: SECRET,
    token: TOKEN,
    receiver,
    logger,
    clientOptions: { slackApiUrl: standIn.url, retryConfig: { retries: 0 } },
  });
  // Bolt calls auth.test inside the constructor; remember it before beforeEach clears the record.
  authTestAtStartup = (await standIn.waitFor('auth.test'))[0];

  app.event('app_mention', async ({ event, say }) => {
    try {
      const result = await say({ text: 'hi', thread_ts: event.ts });
      sayOutcomes.push({ ok: true, ts: result.ts });
    } catch (error) {
      sayOutcomes.push({ ok: false, error });
    }
  });
  app.message(async ({ message, say }) => {
    if (message.channel_type === 'im') await say('dm reply');
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Home' } }] } });
  });
  app.command('/whosejob', async ({ command, ack }) => {
    commands.push({ text: command.text, user: command.user_id });
    await ack({ response_type: 'ephemeral', text: 'ok' });
  });
  app.action<BlockAction<ButtonAction>>('approve', async ({ ack, action, body, respond }) => {
    await ack();
    actions.push({ action_id: action.action_id, value: action.value, user: body.user.id, container: String(body.container.type) });
    if (body.response_url !== undefined) await respond({ text: `approved ${action.value ?? ''}`, replace_original: true });
  });

  server = createServer((req, res) => {
    try {
      receiver.requestListener(req, res);
    } catch {
      // HTTPReceiver throws for paths it does not serve
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  // HTTPReceiver was never start()ed (we mounted its requestListener), so there is no Bolt server to stop.
  if (server !== undefined) {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  await standIn.stop();
});

beforeEach(() => {
  standIn.clear();
  sayOutcomes.clear();
  commands.clear();
  actions.clear();
});

afterEach(() => {
  // However a test ends, the app must never have sent Slack something it would reject as malformed,
  // except where a test trips the validator on purpose (those clear the record themselves).
  expect(standIn.rejectedByValidator()).toEqual([]);
});

describe('Bolt against the Web API stand-in', () => {
  test('Bolt calls auth.test at construction, with the bot token as Bearer', () => {
    expect(authTestAtStartup).toMatchObject({ method: 'auth.test', token: TOKEN, status: 200, response: { ok: true, user_id: FAKE_BOT_USER_ID } });
  });

  test('url_verification is signed and answered 200 with the challenge', async () => {
    const res = await postToApp(eventsUrl, { body: urlVerification('abc123'), secret: SECRET });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'abc123' });
    const unsigned = await postToApp(eventsUrl, { body: urlVerification('abc123') });
    expect(unsigned.status).toBe(401);
  });

  test('app_mention: say() with thread_ts reaches chat.postMessage', async () => {
    const ts = fakeTs();
    const res = await postToApp(eventsUrl, {
      body: eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> hello`, ts })),
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const [call] = await standIn.waitFor('chat.postMessage');
    expect(call).toMatchObject({
      token: TOKEN,
      args: { channel: 'C0GENERAL', text: 'hi', thread_ts: ts, team_id: FAKE_TEAM_ID },
      response: { ok: true, channel: 'C0GENERAL', message: { thread_ts: ts, bot_id: 'B0BOT' } },
    });
    const outcome = await sayOutcomes.next();
    expect(outcome).toEqual({ ok: true, ts: call?.response.ts });
  });

  test('a DM (message.im) and app_home_opened reach their listeners', async () => {
    await postToApp(eventsUrl, { body: eventCallback(directMessage({ text: 'hello' })), secret: SECRET });
    await postToApp(eventsUrl, { body: eventCallback(appHomeOpened({ user: 'U0HUMAN' })), secret: SECRET });
    const [dm] = await standIn.waitFor('chat.postMessage');
    expect(dm?.args).toMatchObject({ channel: 'D0DM', text: 'dm reply' });
    const [publish] = await standIn.waitFor('views.publish');
    // the nested `view` argument arrives as a JSON string inside the form and is decoded
    expect(publish?.args).toMatchObject({ user_id: 'U0HUMAN', view: { type: 'home', blocks: [{ type: 'section' }] } });
    expect(publish?.response).toMatchObject({ ok: true, view: { type: 'home', id: expect.stringMatching(/^V/) } });
  });

  test('slash command: the ack() body is the HTTP response', async () => {
    const res = await postToApp(eventsUrl, {
      body: slashCommand({ text: 'who patches RDS?', user_id: 'U0HUMAN', channel_id: 'C0GENERAL', response_url: standIn.responseUrl('cmd-1') }),
      contentType: FORM,
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ response_type: 'ephemeral', text: 'ok' });
    expect(await commands.next()).toEqual({ text: 'who patches RDS?', user: 'U0HUMAN' });
  });

  test('slash command with "; charset=utf-8" on the form type gets 400 (the content-type gotcha)', async () => {
    const res = await postToApp(eventsUrl, {
      body: slashCommand({ text: 'x', response_url: standIn.responseUrl('cmd-2') }),
      contentType: `${FORM}; charset=utf-8`,
      secret: SECRET,
    });
    expect(res.status).toBe(400);
    expect(commands.size).toBe(0);
  });

  test('block_actions: the action listener runs and respond() posts to the response_url sink', async () => {
    const res = await postToApp(eventsUrl, {
      body: blockActions({ actions: [{ action_id: 'approve', value: 'req-42' }], user: 'U0HUMAN', response_url: standIn.responseUrl('act-1') }),
      contentType: FORM,
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await actions.next()).toEqual({ action_id: 'approve', value: 'req-42', user: 'U0HUMAN', container: 'message' });
    const [posted] = await standIn.waitForResponse(1);
    expect(posted).toMatchObject({ id: 'act-1', contentType: 'application/json', body: { text: 'approved req-42', replace_original: true } });
  });

  test('block_actions from the Home tab (view container) routes too', async () => {
    const res = await postToApp(eventsUrl, {
      body: blockActions({ actions: [{ action_id: 'approve', value: 'home' }], view: { id: 'V0HOME' } }),
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    expect(await actions.next()).toMatchObject({ value: 'home', container: 'view' });
  });

  test('a bad signature, a missing one, or a timestamp 301 s old gets 401 and reaches no listener', async () => {
    const body = eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> hi` }));
    const raw = JSON.stringify(body);
    const bad = await postToApp(eventsUrl, { body: raw, secret: 'wrong-secret' });
    // signed by the right secret, but over a different body than the one sent
    const tampered = await postToApp(eventsUrl, { body: raw, headers: sign(SECRET, `${raw} `) });
    const stale = await postToApp(eventsUrl, { body: raw, secret: SECRET, timestamp: nowSeconds() - 301 });
    const unsigned = await postToApp(eventsUrl, { body: raw });
    for (const res of [bad, tampered, stale, unsigned]) {
      expect(res.status).toBe(401);
      expect(res.text).toBe('');
    }
    // a slightly old but valid request is accepted
    const fresh = await postToApp(eventsUrl, { body: raw, secret: SECRET, timestamp: nowSeconds() - 200 });
    expect(fresh.status).toBe(200);
    // wait for the listener to finish, or its say() result would land in the next test
    expect(await sayOutcomes.next()).toMatchObject({ ok: true });
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  test("failNext('chat.postMessage', 'not_in_channel') makes say() reject with data.error", async () => {
    standIn.failNext('chat.postMessage', 'not_in_channel');
    await postToApp(eventsUrl, { body: eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> hi` })), secret: SECRET });
    const outcome = await sayOutcomes.next();
    expect(outcome.ok).toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(error).toMatchObject({ code: webApi.ErrorCode.PlatformError, data: { ok: false, error: 'not_in_channel' } });
    // the fault is used up: the next call succeeds
    await expect(app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'again' })).resolves.toMatchObject({ ok: true });
    expect(standIn.callsTo('chat.postMessage').map((c) => c.response.ok)).toEqual([false, true]);
  });

  test('rateLimitNext answers 429 with Retry-After; serverErrorNext answers 500', async () => {
    standIn.rateLimitNext('chat.postMessage', 7);
    const strict = new webApi.WebClient(TOKEN, { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: webApi.LogLevel.ERROR });
    await expect(strict.chat.postMessage({ channel: 'C0GENERAL', text: 'x' })).rejects.toMatchObject({
      code: webApi.ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    expect(standIn.callsTo('chat.postMessage')[0]).toMatchObject({ status: 429, response: { ok: false, error: 'ratelimited' } });

    standIn.serverErrorNext('users.info');
    await expect(app.client.users.info({ user: 'U0HUMAN' })).rejects.toMatchObject({ code: webApi.ErrorCode.HTTPError, statusCode: 500 });
    await expect(app.client.users.info({ user: 'U0HUMAN' })).resolves.toMatchObject({ ok: true, user: { id: 'U0HUMAN' } });
  });

  test('the blocks validator rejects 51 blocks with invalid_blocks and records it', async () => {
    const section = { type: 'section', text: { type: 'mrkdwn', text: 'x' } };
    await expect(app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'fifty', blocks: Array(50).fill(section) })).resolves.toMatchObject({ ok: true });
    await expect(app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'too many', blocks: Array(51).fill(section) })).rejects.toMatchObject({
      code: webApi.ErrorCode.PlatformError,
      data: { error: 'invalid_blocks' },
    });
    const rejected = standIn.rejectedByValidator();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.problems).toEqual(['51 blocks (max 50)']);
    standIn.clear(); // tripped on purpose; keep the afterEach check for everything else
  });

  test('the validator knows the other Slack limits', () => {
    const button = (text: string, value = 'v') => ({ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text }, value }] });
    expect(validateMessage({ text: 'fine', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3000) } }, button('y'.repeat(75), 'z'.repeat(2000))] })).toBeUndefined();
    expect(validateMessage({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] })?.error).toBe('invalid_blocks');
    expect(validateMessage({ blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] })?.error).toBe('invalid_blocks');
    expect(validateMessage({ blocks: [button('b'.repeat(76))] })?.error).toBe('invalid_blocks');
    expect(validateMessage({ blocks: [button('ok', 'v'.repeat(2001))] })?.error).toBe('invalid_blocks');
    expect(validateMessage({ blocks: '[not json' })?.error).toBe('invalid_blocks_format');
    expect(validateMessage({ text: 't'.repeat(40001) })?.error).toBe('msg_too_long');
  });

  test('default answers for the other methods, JSON bodies, and waitFor timing out', async () => {
    const posted = await app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'one' });
    const second = await app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'two' });
    expect(Number(second.ts)).toBeGreaterThan(Number(posted.ts));
    await expect(app.client.chat.update({ channel: 'C0GENERAL', ts: posted.ts as string, text: 'edited' })).resolves.toMatchObject({ ok: true, ts: posted.ts, text: 'edited' });
    await expect(app.client.chat.postEphemeral({ channel: 'C0GENERAL', user: 'U0HUMAN', text: 'psst' })).resolves.toMatchObject({ ok: true, message_ts: expect.any(String) });
    await expect(app.client.chat.delete({ channel: 'C0GENERAL', ts: posted.ts as string })).resolves.toMatchObject({ ok: true });
    const dm = await app.client.conversations.open({ users: 'U0HUMAN' });
    expect(dm.channel?.id).toMatch(/^D/);
    await expect(app.client.conversations.open({ users: 'U0HUMAN' })).resolves.toMatchObject({ channel: { id: dm.channel?.id }, already_open: true });
    await expect(app.client.reactions.add({ channel: 'C0GENERAL', timestamp: posted.ts as string, name: 'eyes' })).resolves.toMatchObject({ ok: true });

    const json = await fetch(`${standIn.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ channel: 'C0JSON', text: 'as json', blocks: [{ type: 'divider' }] }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: 'C0JSON' });
    expect(standIn.callsTo('chat.postMessage').at(-1)).toMatchObject({ token: 'xoxb-json', args: { blocks: [{ type: 'divider' }] } });

    const noToken = await fetch(`${standIn.url}auth.test`, { method: 'POST' });
    expect(await noToken.json()).toEqual({ ok: false, error: 'not_authed' });

    await expect(standIn.waitFor('chat.scheduleMessage', 1, 50)).rejects.toThrow(/timed out after 50 ms; calls so far: \[chat.postMessage/);
  });
});
