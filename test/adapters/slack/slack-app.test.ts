// The whole Slack adapter, end to end: signed requests from test/stand-ins/slack-requests.ts go into the real
// Bolt app (createSlackAdapter) mounted on the real HTTP server (createHttpServer, port 0); every Web API call
// comes out at the Slack Web API stand-in; feedback lands in a real SQLite file in a temp dir.
//
// Bolt acknowledges an event before its listener has finished, so tests wait for the recorded Web API call
// (standIn.waitFor) rather than for the HTTP response. Rate limits use Retry-After 0.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/app';
import { ACTION, LIMITS } from '../../../src/adapters/slack/blocks';
import { homeView } from '../../../src/adapters/slack/home';
import { loadConfig } from '../../../src/config';
import { Bot } from '../../../src/conversation/bot';
import { createHttpServer } from '../../../src/http/server';
import type { KnowledgeBase } from '../../../src/nlu/knowledge-base';
import { loadKnowledgeBase } from '../../../src/nlu/knowledge-base';
import { createLogger, type Logger } from '../../../src/log';
import { quizPool } from '../../../src/quiz/questions';
import { decodeAction, encodeAction } from '../../../src/reply/action';
import { openStore } from '../../../src/store/open';
import type { Store } from '../../../src/store/store';
import {
  appHomeOpened,
  appMention,
  blockActions,
  blockActionsPayload,
  DEFAULT_CHANNEL,
  DEFAULT_DM_CHANNEL,
  DEFAULT_USER,
  directMessage,
  eventCallback,
  fakeTs,
  FORM,
  interactionForm,
  nowSeconds,
  postToApp,
  slashCommand,
  urlVerification,
  type AppResponse,
  type PostToAppOptions,
  type SlackEvent,
} from '../../stand-ins/slack-requests';
import { FAKE_BOT_USER_ID, SlackWebApiStandIn, validateMessage, type RecordedCall } from '../../stand-ins/slack-web-api';

const SECRET = 'test-secret';
const TOKEN = 'xoxb-test';
const BOT = `<@${FAKE_BOT_USER_ID}>`;
const ACK_BUDGET_MS = 1000;

type LogLine = { level: string; msg: string } & Record<string, unknown>;

const standIn = new SlackWebApiStandIn();
const logLines: LogLine[] = [];
/** How long each signed POST took to be answered, for the "acknowledged quickly" check at the end. */
const ackTimes: Array<{ what: string; ms: number; status: number }> = [];
let dir: string;
let dbPath: string;
let store: Store;
let adapter: SlackAdapter;
let server: Server;
let base: string;
let eventsUrl: string;
let kb: KnowledgeBase;
let log: Logger;
let config: ReturnType<typeof loadConfig>;

beforeAll(async () => {
  await standIn.start();
  dir = mkdtempSync(join(tmpdir(), 'whosejob-slack-'));
  dbPath = join(dir, 'db', 'whosejob.db');
  store = await openStore({ DATABASE_PATH: dbPath });
  config = loadConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.url, LOG_LEVEL: 'debug', DATABASE_PATH: dbPath }, null);
  log = createLogger(config.LOG_LEVEL, (line) => {
    logLines.push(JSON.parse(line) as LogLine);
  });
  kb = loadKnowledgeBase();
  adapter = createSlackAdapter({ config, bot: new Bot(kb, { state: store, feedback: store }), store, log, retries: 0 });
  await standIn.waitFor('auth.test'); // Bolt verifies the token at construction
  await adapter.start(); // HTTP mode: nothing to start, but it must not throw
  expect(adapter.requestListener).toBeDefined();
  server = createHttpServer({ slack: adapter.requestListener }, log);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  eventsUrl = `${base}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  if (server !== undefined) {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  await store?.close();
  await standIn.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  standIn.clear();
  logLines.length = 0;
});

afterEach(() => {
  // Whatever a test does, Slack must never have been sent a message it would reject as malformed.
  expect(standIn.rejectedByValidator()).toEqual([]);
});

// ------------------------------------------------------------------------------------------------------------
// helpers

/** Signs and posts like Slack; every signed request must be answered within ACK_BUDGET_MS. */
async function send(body: string | object, options: Omit<PostToAppOptions, 'body'> = {}, what = 'request'): Promise<AppResponse> {
  const started = performance.now();
  const res = await postToApp(eventsUrl, { secret: SECRET, ...options, body });
  const ms = performance.now() - started;
  ackTimes.push({ what, ms, status: res.status });
  expect(ms).toBeLessThan(ACK_BUDGET_MS);
  return res;
}

async function sendEvent(event: SlackEvent, options: Omit<PostToAppOptions, 'body'> & { eventId?: string } = {}): Promise<AppResponse> {
  const { eventId, ...rest } = options;
  const res = await send(eventCallback(event, eventId === undefined ? {} : { eventId }), rest, event.type);
  expect(res.status).toBe(200);
  return res;
}

/** An @mention of the bot in a channel; returns the mention's ts. */
async function mention(text: string, params: { ts?: string; thread_ts?: string; channel?: string; user?: string } = {}): Promise<string> {
  const ts = params.ts ?? fakeTs();
  await sendEvent(appMention({ text, ...params, ts }));
  return ts;
}

async function sendForm(form: string, what: string): Promise<AppResponse> {
  return send(form, { contentType: FORM }, what);
}

/** Waits for the n-th chat.postMessage (1-based) recorded since the test began. */
async function nthPost(n: number): Promise<RecordedCall> {
  const calls = await standIn.waitFor('chat.postMessage', n);
  return calls[n - 1]!;
}

async function until(ready: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Block = { type: string; block_id?: string; text?: { type: string; text: string }; elements?: Array<Record<string, unknown>> };
type ButtonElement = { type: string; action_id: string; value?: string; text: { text: string } };

const blocksOf = (message: { blocks?: unknown }): Block[] => (Array.isArray(message.blocks) ? (message.blocks as Block[]) : []);

/** Every piece of text a reader sees: the fallback text, section/header texts, context elements, button labels. */
function visibleTexts(message: { text?: unknown; blocks?: unknown }): string[] {
  const out: string[] = typeof message.text === 'string' ? [message.text] : [];
  for (const b of blocksOf(message)) {
    if (b.text) out.push(b.text.text);
    for (const e of b.elements ?? []) {
      if (typeof e.text === 'string') out.push(e.text);
      else if (typeof (e.text as { text?: unknown } | undefined)?.text === 'string') out.push((e.text as { text: string }).text);
    }
  }
  return out;
}

const allText = (message: { text?: unknown; blocks?: unknown }): string => visibleTexts(message).join('\n');

function buttons(message: { blocks?: unknown }): ButtonElement[] {
  return blocksOf(message)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []) as unknown as ButtonElement[])
    .filter((e) => e.type === 'button');
}

function button(message: { blocks?: unknown }, actionId: string): ButtonElement {
  const found = buttons(message).find((b) => b.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button among ${buttons(message).map((b) => b.action_id).join(', ')}`);
  return found;
}

/** The choice buttons (whosejob_choice_N) whose action asks a question, and the questions they ask. */
function askButtons(message: { blocks?: unknown }): ButtonElement[] {
  return buttons(message).filter((b) => b.action_id.startsWith(`${ACTION.choice}_`) && decodeAction(b.value)?.kind === 'ask');
}

function askedBy(b: ButtonElement): string | undefined {
  const action = decodeAction(b.value);
  return action?.kind === 'ask' ? action.question : undefined;
}

function header(message: { blocks?: unknown }): string {
  return blocksOf(message).find((b) => b.type === 'header')?.text?.text ?? '';
}

/** A deep copy without button `value`s: the opaque data Slack hands back on a click and never displays. */
function withoutButtonValues(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutButtonValues);
  if (typeof x !== 'object' || x === null) return x;
  const o = x as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!(o.type === 'button' && k === 'value')) out[k] = withoutButtonValues(v);
  return out;
}

function errorLines(msg: string): LogLine[] {
  return logLines.filter((l) => l.level === 'error' && l.msg === msg);
}

/** The ephemeral message a slash command gets back in the HTTP response. */
async function slash(text: string, id = `cmd-${fakeTs()}`): Promise<{ res: AppResponse; message: { response_type?: string; text?: string; blocks?: unknown } }> {
  const res = await sendForm(slashCommand({ text, response_url: standIn.responseUrl(id) }), 'slash command');
  expect(res.status).toBe(200);
  return { res, message: res.json as { response_type?: string; text?: string; blocks?: unknown } };
}

/** A click on a button of a message the bot posted in a channel thread. */
function clickInThread(actionId: string, value: string | undefined, reply: RecordedCall, extra: { user?: string; response_url?: string } = {}): string {
  const channel = String(reply.args.channel);
  const message: Record<string, unknown> = { ts: String(reply.response.ts), text: String(reply.args.text ?? '') };
  if (typeof reply.args.thread_ts === 'string') message.thread_ts = reply.args.thread_ts;
  return blockActions({ actions: [{ action_id: actionId, ...(value === undefined ? {} : { value }) }], channel, message, ...extra });
}

// ------------------------------------------------------------------------------------------------------------

describe('the HTTP server around the adapter', () => {
  test('url_verification (signed) → 200 with the challenge', async () => {
    const res = await send(urlVerification('challenge-xyz'), {}, 'url_verification');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'challenge-xyz' });
  });

  test('GET /healthz → 200 JSON naming the Slack route', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ status: 'ok', slack: true, teams: false });
  });

  test('an unknown path → 404, GET /slack/events → 405', async () => {
    const unknown = await fetch(`${base}/nope`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'not found' });
    const get = await fetch(eventsUrl);
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual({ error: 'method not allowed' });
  });

  test('a bad signature → 401 and no reply', async () => {
    const res = await send(eventCallback(appMention({ text: `${BOT} who patches rds?` })), { secret: 'wrong-secret' }, 'bad signature');
    expect(res.status).toBe(401);
    expect(res.text).toBe('');
    await sleep(100);
    expect(standIn.callsTo('chat.postMessage')).toEqual([]);
  });

  test('a timestamp 301 s old → 401, even when correctly signed', async () => {
    const body = eventCallback(appMention({ text: `${BOT} who patches rds?` }));
    const stale = await send(body, { timestamp: nowSeconds() - 301 }, 'stale timestamp');
    expect(stale.status).toBe(401);
    const fresh = await send(body, { timestamp: nowSeconds() - 60 }, 'fresh timestamp');
    expect(fresh.status).toBe(200);
    await nthPost(1); // the accepted one is answered; let it finish inside this test
  });
});

describe('@mentions in channels', () => {
  test('"who patches rds?" → an answer in the thread of the mention: AWS is responsible, fallback text, sources as links', async () => {
    const ts = await mention(`${BOT} who patches rds?`);
    const call = await nthPost(1);
    expect(call.args).toMatchObject({ channel: DEFAULT_CHANNEL, thread_ts: ts, unfurl_links: 'false' });
    expect(call.response.ok).toBe(true);
    const text = String(call.args.text);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(text).toMatch(/^AWS: .*RDS/);
    expect(header(call.args)).toMatch(/Patch management on Amazon RDS/);
    expect(allText(call.args)).toContain('AWS is responsible');
    const sources = blocksOf(call.args).find((b) => b.type === 'context' && /:books:/.test(String(b.elements?.[0]?.text)));
    expect(String(sources?.elements?.[0]?.text)).toMatch(/<https:\/\/(docs\.)?aws\.amazon\.com\/[^|>]+\|[^>]+>/);
    expect(validateMessage(call.args)).toBeUndefined();
  });

  test('a mention inside a thread is answered in that thread (its thread_ts, not its ts)', async () => {
    const parent = fakeTs();
    await mention(`${BOT} who patches rds?`, { thread_ts: parent });
    expect((await nthPost(1)).args.thread_ts).toBe(parent);
  });

  test('a follow-up in the same thread keeps the context: "and for ec2?" → EC2 patching, the customer owns it', async () => {
    const ts = await mention(`${BOT} who patches rds?`);
    await nthPost(1);
    await mention(`${BOT} and for ec2?`, { thread_ts: ts });
    const follow = await nthPost(2);
    expect(follow.args.thread_ts).toBe(ts);
    expect(header(follow.args)).toMatch(/patch.*Amazon EC2/i);
    expect(allText(follow.args)).toContain('You are responsible');
    expect(String(follow.args.text)).toMatch(/^You: /);

    // the same words in another thread have nothing to follow up on
    await mention(`${BOT} and for ec2?`);
    const elsewhere = await nthPost(3);
    expect(header(elsewhere.args)).not.toMatch(/patch/i);
  });

  test('a message the bot cannot answer ("asdfghjkl") still gets a reply with question buttons', async () => {
    const ts = await mention(`${BOT} asdfghjkl`);
    const call = await nthPost(1);
    expect(call.args.thread_ts).toBe(ts);
    expect(header(call.args)).toMatch(/outside what I know|What I can do/);
    const asks = askButtons(call.args);
    expect(asks.length).toBeGreaterThanOrEqual(3);
    expect(asks.map(askedBy)).toContain('Who patches RDS?');
  });

  test('user text cannot smuggle markup: no <!channel>, no live @here, no <https://evil link in what is posted', async () => {
    const text = `${BOT} <!channel> @here <https://evil.example|click me> & who patches rds?`;
    await mention(text);
    const call = await nthPost(1);
    // The whole recorded call as one JSON document (text, blocks, every other argument), minus button values.
    const rendered = JSON.stringify(withoutButtonValues(call.args));
    expect(rendered).not.toContain('<!channel>');
    expect(rendered).not.toContain('<!here>');
    expect(rendered).not.toMatch(/@here/);
    expect(rendered).not.toContain('<https://evil');
    expect(rendered).not.toContain('evil.example|');
    // Button values are not displayed: Slack returns them verbatim on a click. The feedback buttons carry the
    // question there (an encoded action), so the only copy of the user's text is opaque data, never mrkdwn.
    const up = button(call.args, ACTION.feedbackUp);
    // (the bot's own mention is how it was called, so it is not part of the question)
    expect(decodeAction(up.value)).toMatchObject({ kind: 'feedback', vote: 'up', question: text.replace(`${BOT} `, '') });
  });

  test('the same smuggling attempt in a DM and in a slash command is neutralised too', async () => {
    const text = '<!channel> @here <https://evil.example|click me> & who encrypts ebs volumes';
    await sendEvent(directMessage({ text }));
    const dm = await nthPost(1);
    const { message } = await slash(text);
    for (const m of [dm.args, message]) {
      const rendered = JSON.stringify(withoutButtonValues(m));
      expect(rendered).not.toContain('<!channel>');
      expect(rendered).not.toMatch(/@here/);
      expect(rendered).not.toContain('<https://evil');
    }
  });
});

describe('direct messages', () => {
  test('a DM (message.im) → chat.postMessage to the DM channel, not in a thread', async () => {
    await sendEvent(directMessage({ text: 'who patches rds?' }));
    const call = await nthPost(1);
    expect(call.args.channel).toBe(DEFAULT_DM_CHANNEL);
    expect(call.args.thread_ts).toBeUndefined();
    expect(allText(call.args)).toContain('AWS is responsible');
  });

  test('messages with a subtype or a bot_id are ignored', async () => {
    await sendEvent({ ...directMessage({ text: 'who patches rds?' }), subtype: 'message_changed' });
    await sendEvent({ ...directMessage({ text: 'who patches rds?' }), subtype: 'bot_message', bot_id: 'B0OTHER' });
    await sendEvent({ ...directMessage({ text: 'who patches rds?' }), bot_id: 'B0OTHER' });
    await sendEvent({ ...directMessage({ text: 'who patches rds?', user: FAKE_BOT_USER_ID }), bot_id: 'B0BOT' }); // our own echo
    // a plain DM after them is the only one answered
    await sendEvent(directMessage({ text: 'who encrypts ebs volumes' }));
    const call = await nthPost(1);
    expect(header(call.args)).toMatch(/EBS/);
    await sleep(200);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('/whosejob', () => {
  test('/whosejob who encrypts ebs volumes → an ephemeral answer in the HTTP response, with a Share button', async () => {
    const { res, message } = await slash('who encrypts ebs volumes');
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(message.response_type).toBe('ephemeral');
    expect(typeof message.text).toBe('string');
    expect(header(message)).toMatch(/Encryption at rest on Amazon EBS/);
    expect(allText(message)).toContain('You are responsible');
    const share = button(message, ACTION.share);
    expect(share.text.text).toBe('Share in channel');
    // restated, so it stands alone in the channel
    expect(decodeAction(share.value)).toEqual({ kind: 'share', question: 'Who is responsible for encryption at rest on Amazon EBS?' });
    button(message, ACTION.feedbackUp);
    expect(validateMessage(message as Record<string, unknown>)).toBeUndefined();
    // answered in the acknowledgement itself: no Web API call, no response_url post
    await sleep(50);
    expect(standIn.callsTo('chat.postMessage')).toEqual([]);
    expect(standIn.responses).toEqual([]);
  });

  test.each([
    ['empty text', ''],
    ['"help"', 'help'],
  ])('/whosejob with %s → help, without Share', async (_name, text) => {
    const { message } = await slash(text);
    expect(message.response_type).toBe('ephemeral');
    expect(header(message)).toBe('What I can do');
    expect(buttons(message).some((b) => b.action_id === ACTION.share)).toBe(false);
    expect(askButtons(message).length).toBeGreaterThan(0);
  });
});

/** A block_actions click on a button of an ephemeral slash-command answer (Slack sends no `message` for those). */
function ephemeralClick(actionId: string, value: string, responseUrl: string, user = DEFAULT_USER): string {
  const payload = blockActionsPayload({
    actions: [{ action_id: actionId, value }],
    user,
    response_url: responseUrl,
    container: { type: 'message', message_ts: fakeTs(), channel_id: DEFAULT_CHANNEL, is_ephemeral: true },
  });
  delete payload.message;
  return interactionForm(payload);
}

describe('Share in channel', () => {
  test('pressing Share → the answer is posted in the channel, "Shared by <@U…>", and the ephemeral one is deleted', async () => {
    const { message } = await slash('who encrypts ebs volumes');
    const share = button(message, ACTION.share);
    const res = await sendForm(ephemeralClick(ACTION.share, share.value!, standIn.responseUrl('share-1')), 'share');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const posted = await nthPost(1);
    expect(posted.args.channel).toBe(DEFAULT_CHANNEL);
    expect(posted.args.thread_ts).toBeUndefined();
    expect(allText(posted.args)).toContain(`Shared by <@${DEFAULT_USER}>`);
    expect(header(posted.args)).toBe(header(message));
    expect(buttons(posted.args).some((b) => b.action_id === ACTION.share)).toBe(false); // already public
    const [response] = await standIn.waitForResponse(1);
    expect(response).toMatchObject({ id: 'share-1', body: { delete_original: true } });
  });

  test('Share when the bot is not in the channel → an ephemeral hint to /invite it, and the app stays alive', async () => {
    standIn.failNext('chat.postMessage', 'not_in_channel');
    const value = encodeAction({ kind: 'share', question: 'who encrypts ebs volumes' });
    await sendForm(ephemeralClick(ACTION.share, value, standIn.responseUrl('share-2')), 'share');
    const [response] = await standIn.waitForResponse(1);
    const body = response!.body as { response_type?: string; text?: string; delete_original?: boolean };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/\/invite/);
    expect(body.delete_original).toBeUndefined(); // the private answer stays, so Share can be pressed again
    expect(logLines.some((l) => l.msg === 'slack share failed' && l.error === 'not_in_channel')).toBe(true);

    await mention(`${BOT} who patches rds?`);
    const after = await nthPost(2);
    expect(after.response.ok).toBe(true);
  });

  // BUG (src/adapters/slack/listeners/actions/share.ts): Share answers the button's question with
  // bot.answerOnce(), without the conversation the private answer came from. A follow-up asked with the slash
  // command ("/whosejob who patches rds?" then "/whosejob and for ec2?") is shown privately as EC2 patching,
  // but pressing Share posts a different answer for everyone (the question alone has no task).
  test('sharing a follow-up answer posts the same answer the user saw privately', async () => {
    await slash('who patches rds?');
    const { message } = await slash('and for ec2?');
    expect(header(message)).toMatch(/patch.*EC2/i); // what the user saw
    const share = button(message, ACTION.share);
    await sendForm(ephemeralClick(ACTION.share, share.value!, standIn.responseUrl('share-3')), 'share');
    const posted = await nthPost(1);
    await standIn.waitForResponse(1);
    expect(header(posted.args)).toBe(header(message));
  });
});

describe('buttons under answers', () => {
  test('a question button (whosejob_choice_N, an ask action) under a threaded answer → the answer in the same thread', async () => {
    const ts = await mention(`${BOT} who patches rds?`);
    const answer = await nthPost(1);
    const ask = askButtons(answer.args)[0]!;
    expect(askedBy(ask)).toMatch(/\?$/);
    const res = await sendForm(clickInThread(ask.action_id, ask.value, answer), 'ask button');
    expect(res.status).toBe(200);
    const posted = await nthPost(2);
    expect(posted.args).toMatchObject({ channel: DEFAULT_CHANNEL, thread_ts: ts });
    expect(header(posted.args)).not.toBe(header(answer.args));
    expect(header(posted.args)).toMatch(/Amazon RDS|Amazon EC2/);
  });

  test('quiz: "quiz me" then an answer button (whosejob_choice_N, a quiz-answer action) → the verdict, only to the clicker', async () => {
    const ts = await mention(`${BOT} quiz me`);
    const question = await nthPost(1);
    expect(question.args.thread_ts).toBe(ts);
    expect(header(question.args)).toBe('Quiz');
    const answers = buttons(question.args).filter((b) => decodeAction(b.value)?.kind === 'quiz-answer');
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.map((b) => b.action_id)).toEqual(answers.map((_, i) => `${ACTION.choice}_${i}`));
    expect(answers.map((b) => decodeAction(b.value))).toEqual(answers.map((_, i) => ({ kind: 'quiz-answer', questionId: expect.any(String), choice: i })));
    await sendForm(clickInThread(answers[0]!.action_id, answers[0]!.value, question), 'quiz answer');
    const [verdict] = await standIn.waitFor('chat.postEphemeral', 1);
    // In a channel the verdict is the clicker's own: an ephemeral message in the thread, nothing public.
    expect(verdict!.args).toMatchObject({ channel: DEFAULT_CHANNEL, user: DEFAULT_USER, thread_ts: ts });
    expect(header(verdict!.args)).toMatch(/^(Correct!|Not quite)$/);
    expect(allText(verdict!.args)).toMatch(/Correct —|the answer is [A-D]\)/);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  test('quiz: the right answer button → "Correct!", a wrong one → "Not quite" (each to its clicker), and "Another question" asks the next one privately', async () => {
    const pool = new Map(quizPool(kb).map((q) => [q.id, q]));
    const ts = await mention(`${BOT} quiz me`);
    const question = await nthPost(1);
    const answers = buttons(question.args).filter((b) => decodeAction(b.value)?.kind === 'quiz-answer');
    const first = decodeAction(answers[0]!.value);
    if (first?.kind !== 'quiz-answer') throw new Error('not a quiz answer');
    const item = pool.get(first.questionId)!;
    expect(item).toBeDefined();
    expect(String(question.args.text)).toContain(item.question.slice(0, 40));
    const right = answers[item.answer]!;
    const wrong = answers[(item.answer + 1) % answers.length]!;

    await sendForm(clickInThread(right.action_id, right.value, question), 'quiz answer');
    const [correct] = await standIn.waitFor('chat.postEphemeral', 1);
    expect(correct!.args).toMatchObject({ channel: DEFAULT_CHANNEL, user: DEFAULT_USER, thread_ts: ts });
    expect(header(correct!.args)).toBe('Correct!');

    await sendForm(clickInThread(wrong.action_id, wrong.value, question, { user: 'U0OTHER' }), 'quiz answer');
    const notQuite = (await standIn.waitFor('chat.postEphemeral', 2))[1]!;
    expect(notQuite.args.user).toBe('U0OTHER');
    expect(header(notQuite.args)).toBe('Not quite');
    expect(allText(notQuite.args)).toContain(`the answer is ${'ABCD'[item.answer]})`);

    // "Another question" sits on the clicker's ephemeral verdict: the next question comes back privately too.
    const another = buttons(correct!.args).find((b) => decodeAction(b.value)?.kind === 'quiz-next');
    expect(another?.text.text).toBe('Another question');
    await sendForm(ephemeralClick(another!.action_id, another!.value!, standIn.responseUrl('quiz-next')), 'quiz next');
    const [next] = await standIn.waitForResponse(1);
    expect(next).toMatchObject({ id: 'quiz-next', body: { response_type: 'ephemeral' } });
    expect(header(next!.body as { blocks?: unknown })).toBe('Quiz');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  });

  test('quiz under a private slash-command answer: the answer button → the verdict, privately, through response_url', async () => {
    const { message } = await slash('quiz me');
    expect(header(message)).toBe('Quiz');
    const answer = buttons(message).find((b) => decodeAction(b.value)?.kind === 'quiz-answer')!;
    await sendForm(ephemeralClick(answer.action_id, answer.value!, standIn.responseUrl('quiz-ephemeral')), 'quiz answer');
    const [response] = await standIn.waitForResponse(1);
    expect(response).toMatchObject({ id: 'quiz-ephemeral', body: { response_type: 'ephemeral', replace_original: false } });
    expect(header(response!.body as { blocks?: unknown })).toMatch(/^(Correct!|Not quite)$/);
    expect(validateMessage(response!.body as Record<string, unknown>)).toBeUndefined();
    expect(standIn.callsTo('chat.postMessage')).toEqual([]);
  });

  test.each<[string, string | undefined]>([
    ['the question as plain text, as buttons carried before actions were typed', 'Who patches RDS?'],
    ['JSON that is not one of our actions', '{"k":"x","q":"who patches rds?"}'],
    ['a quiz answer out of range', '{"k":"q","i":"fact-rds-guest-os-patching","c":42}'],
    ['an encoded action cut short', encodeAction({ kind: 'ask', question: 'who patches rds?' }).slice(0, 12)],
    ['no value at all', undefined],
  ])('a choice button with a forged value (%s) → ignored: no answer, a warning', async (_name, value) => {
    await mention(`${BOT} who patches rds?`);
    const answer = await nthPost(1);
    const res = await sendForm(clickInThread(`${ACTION.choice}_0`, value, answer, { user: 'U0FORGER' }), 'forged button');
    expect(res.status).toBe(200); // acknowledged all the same, so Slack shows no error to the clicker
    const warned = (): LogLine | undefined => logLines.find((l) => l.level === 'warn' && l.msg === 'slack button with an unreadable value ignored');
    await until(() => warned() !== undefined, 'the warning');
    expect(warned()).toMatchObject({ action: `${ACTION.choice}_0`, user: 'U0FORGER' });
    await mention(`${BOT} who encrypts ebs volumes`); // a sentinel after it
    expect(header((await nthPost(2)).args)).toMatch(/EBS/);
    await sleep(100);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(2);
    expect(standIn.callsTo('chat.postEphemeral')).toEqual([]);
    expect(standIn.callsTo('conversations.open')).toEqual([]);
  });

  test('👍 → a row in SQLite with the question and the vote, and an ephemeral thank-you', async () => {
    const ts = await mention(`${BOT} who patches rds?`);
    const answer = await nthPost(1);
    const up = button(answer.args, ACTION.feedbackUp);
    expect(decodeAction(up.value)).toEqual({ kind: 'feedback', vote: 'up', question: 'who patches rds?', intent: 'responsibility' });
    await sendForm(clickInThread(ACTION.feedbackUp, up.value, answer, { user: 'U0VOTER' }), 'feedback');
    const [thanks] = await standIn.waitFor('chat.postEphemeral');
    expect(thanks!.args).toMatchObject({ channel: DEFAULT_CHANNEL, user: 'U0VOTER', thread_ts: ts });
    expect(String(thanks!.args.text)).toMatch(/thank/i);
    // read back through a second connection to the same file: the vote is on disk, not only in the adapter
    const reader = await openStore({ DATABASE_PATH: dbPath });
    const [row] = await reader.latestFeedback(1);
    await reader.close();
    expect(row).toMatchObject({
      platform: 'slack',
      user: 'U0VOTER',
      conversation: `${DEFAULT_CHANNEL}:${ts}`,
      question: 'who patches rds?',
      intent: 'responsibility',
      vote: 'up',
    });
  });

  test('👍 under a private slash-command answer → the thanks go to its response_url, the vote is stored', async () => {
    const { message } = await slash('who encrypts ebs volumes');
    const up = button(message, ACTION.feedbackUp);
    await sendForm(ephemeralClick(ACTION.feedbackUp, up.value!, standIn.responseUrl('fb-ephemeral')), 'feedback');
    const [response] = await standIn.waitForResponse(1);
    expect(response).toMatchObject({ id: 'fb-ephemeral', body: { response_type: 'ephemeral', replace_original: false, text: expect.stringMatching(/thank/i) } });
    expect(standIn.callsTo('chat.postEphemeral')).toEqual([]);
    const [row] = await store.latestFeedback(1);
    expect(row).toMatchObject({ question: 'who encrypts ebs volumes', intent: 'responsibility', vote: 'up', user: DEFAULT_USER });
    expect(row!.conversation.startsWith(`${DEFAULT_CHANNEL}:`)).toBe(true);
  });

  test('👎 with a forged value is still recorded safely', async () => {
    const answer = await (async () => {
      await mention(`${BOT} who encrypts ebs volumes`);
      return nthPost(1);
    })();
    await sendForm(clickInThread(ACTION.feedbackDown, 'not json at all', answer), 'feedback');
    await standIn.waitFor('chat.postEphemeral');
    const [row] = await store.latestFeedback(1);
    // The vote is the button's own; an unreadable value gives no question, and none of the forged text is kept.
    expect(row).toMatchObject({ vote: 'down', question: '', intent: 'unknown' });
  });

  test('the vote is the button pressed, whatever its value claims', async () => {
    await mention(`${BOT} who encrypts ebs volumes`);
    const answer = await nthPost(1);
    const forged = encodeAction({ kind: 'feedback', vote: 'up', question: 'who encrypts ebs volumes', intent: 'responsibility' });
    await sendForm(clickInThread(ACTION.feedbackDown, forged, answer), 'feedback');
    await standIn.waitFor('chat.postEphemeral');
    const [row] = await store.latestFeedback(1);
    expect(row).toMatchObject({ vote: 'down', question: 'who encrypts ebs volumes', intent: 'responsibility' });
  });
});

describe('the Home tab', () => {
  test('app_home_opened → views.publish of a home view with example buttons', async () => {
    await sendEvent(appHomeOpened({ user: 'U0HOMEUSER' }));
    const [publish] = await standIn.waitFor('views.publish');
    expect(publish!.args.user_id).toBe('U0HOMEUSER');
    const view = publish!.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const examples = askButtons(view);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(examples.map(askedBy)).toContain('Who patches RDS?');
    expect(validateMessage({ blocks: view.blocks })).toBeUndefined();
  });

  test('the Messages tab publishes nothing', async () => {
    await sendEvent(appHomeOpened({ tab: 'messages' }));
    await sendEvent(appHomeOpened({ user: 'U0SENTINEL' }));
    const [publish] = await standIn.waitFor('views.publish');
    expect(publish!.args.user_id).toBe('U0SENTINEL');
    await sleep(100);
    expect(standIn.callsTo('views.publish')).toHaveLength(1);
  });

  test('a Home tab button (view container, no channel) → conversations.open, then the answer in the DM', async () => {
    const value = encodeAction({ kind: 'ask', question: 'Who patches RDS?' });
    const res = await sendForm(blockActions({ actions: [{ action_id: `${ACTION.choice}_0`, value }], user: 'U0HOMEUSER', view: { id: 'V0HOME' } }), 'home button');
    expect(res.status).toBe(200);
    const [open] = await standIn.waitFor('conversations.open');
    expect(open!.args.users).toBe('U0HOMEUSER');
    const dm = (open!.response.channel as { id: string }).id;
    const posted = await nthPost(1);
    expect(posted.args.channel).toBe(dm);
    expect(posted.args.thread_ts).toBeUndefined();
    expect(header(posted.args)).toMatch(/Patch management on Amazon RDS/);
    const order = standIn.calls.map((c) => c.method);
    expect(order.indexOf('conversations.open')).toBeLessThan(order.indexOf('chat.postMessage'));
  });

  test('the Home tab\'s "Quiz me" button (a quiz-next action) → a quiz question in the DM', async () => {
    const view = homeView();
    const quiz = buttons(view).find((b) => decodeAction(b.value)?.kind === 'quiz-next')!;
    expect(quiz.text.text).toBe('Quiz me');
    await sendForm(blockActions({ actions: [{ action_id: quiz.action_id, value: quiz.value }], user: 'U0HOMEUSER', view: { id: 'V0HOME' } }), 'home button');
    const [open] = await standIn.waitFor('conversations.open');
    const posted = await nthPost(1);
    expect(posted.args.channel).toBe((open!.response.channel as { id: string }).id);
    expect(header(posted.args)).toBe('Quiz');
    expect(buttons(posted.args).filter((b) => decodeAction(b.value)?.kind === 'quiz-answer').length).toBeGreaterThanOrEqual(2);
  });
});

describe('Slack retries and duplicates', () => {
  test('a retry of the same event_id (X-Slack-Retry-Num: 1, http_timeout) → exactly one reply', async () => {
    const ts = fakeTs();
    const event = appMention({ text: `${BOT} who patches rds?`, ts });
    const eventId = `EvRETRY${ts.replace('.', '')}`;
    await sendEvent(event, { eventId });
    const retry = await sendEvent(event, { eventId, headers: { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' } });
    expect(retry.status).toBe(200); // acknowledged, so Slack stops retrying
    await mention(`${BOT} who encrypts ebs volumes`); // a sentinel after both
    await nthPost(2);
    await sleep(150);
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
    expect(logLines.some((l) => l.msg === 'slack duplicate skipped' && l.eventId === eventId && l.retryNum === 1)).toBe(true);
  });

  test('the same event_id delivered twice without retry headers → one reply', async () => {
    const ts = fakeTs();
    const event = appMention({ text: `${BOT} who patches rds?`, ts });
    const eventId = `EvDUP${ts.replace('.', '')}`;
    await sendEvent(event, { eventId });
    await sendEvent(event, { eventId });
    await mention(`${BOT} who encrypts ebs volumes`);
    await nthPost(2);
    await sleep(150);
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });
});

describe('two replicas on one database', () => {
  // A second adapter with its own store connection, as another replica behind the load balancer would be.
  let otherStore: Store;
  let other: SlackAdapter;
  let otherServer: Server;
  let otherUrl: string;

  beforeAll(async () => {
    otherStore = await openStore({ DATABASE_PATH: dbPath });
    other = createSlackAdapter({ config, bot: new Bot(kb, { state: otherStore, feedback: otherStore }), store: otherStore, log, retries: 0 });
    await standIn.waitFor('auth.test');
    otherServer = createHttpServer({ slack: other.requestListener }, log);
    await new Promise<void>((resolve) => otherServer.listen(0, '127.0.0.1', resolve));
    otherUrl = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}/slack/events`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => {
      otherServer.close(() => resolve());
      otherServer.closeAllConnections();
    });
    await otherStore.close();
  });

  async function sendToOther(event: SlackEvent, eventId?: string, headers: Record<string, string> = {}): Promise<void> {
    const res = await postToApp(otherUrl, { secret: SECRET, headers, body: eventCallback(event, eventId === undefined ? {} : { eventId }) });
    expect(res.status).toBe(200);
  }

  test('a retry of an event that reaches the other replica → still exactly one reply', async () => {
    const ts = fakeTs();
    const event = appMention({ text: `${BOT} who patches rds?`, ts });
    const eventId = `EvREPLICA${ts.replace('.', '')}`;
    await sendEvent(event, { eventId });
    await nthPost(1);
    await sendToOther(event, eventId, { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' });
    await sendToOther(appMention({ text: `${BOT} who encrypts ebs volumes` })); // a sentinel through the same replica
    await nthPost(2);
    await sleep(150);
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });

  test('a follow-up answered by the other replica keeps the thread\'s context', async () => {
    const ts = await mention(`${BOT} who patches rds?`);
    await nthPost(1);
    await sendToOther(appMention({ text: `${BOT} and for ec2?`, thread_ts: ts }));
    const follow = await nthPost(2);
    expect(follow.args.thread_ts).toBe(ts);
    expect(header(follow.args)).toMatch(/patch.*Amazon EC2/i);
  });
});

describe('when the Web API fails', () => {
  const faults: Array<[string, () => void, RegExp]> = [
    ['channel_not_found', () => standIn.failNext('chat.postMessage', 'channel_not_found'), /^channel_not_found$/],
    ['not_in_channel', () => standIn.failNext('chat.postMessage', 'not_in_channel'), /^not_in_channel$/],
    ['HTTP 500', () => standIn.serverErrorNext('chat.postMessage'), /http|500/i],
    // The error field says only slack_webapi_request_error here; see the BUG test below.
    ['429 with Retry-After 0', () => standIn.rateLimitNext('chat.postMessage', 0), /\S/],
  ];

  test.each(faults)('%s on chat.postMessage → an error log line naming method, channel and error; the app keeps answering', async (_name, inject, error) => {
    inject();
    await mention(`${BOT} who patches rds?`, { channel: 'C0FAULTY' });
    await until(() => errorLines('slack chat.postMessage failed').length > 0, 'the error log line');
    const [line] = errorLines('slack chat.postMessage failed');
    expect(line).toMatchObject({ level: 'error', channel: 'C0FAULTY' });
    expect(String(line!.error)).toMatch(error);
    expect(line!.thread).toEqual(expect.any(String));
    expect(JSON.stringify(line)).not.toContain(TOKEN); // no token in logs

    await mention(`${BOT} who encrypts ebs volumes`);
    await until(() => standIn.callsTo('chat.postMessage').some((c) => c.response.ok === true), 'a successful reply');
    const ok = standIn.callsTo('chat.postMessage').find((c) => c.response.ok === true)!;
    expect(ok.args.channel).toBe(DEFAULT_CHANNEL);
    expect(header(ok.args)).toMatch(/EBS/);
  });

  test('a 429 is at least visible as a rate limit in the log (Bolt\'s own warn line)', async () => {
    standIn.rateLimitNext('chat.postMessage', 0);
    await mention(`${BOT} who patches rds?`);
    await until(() => errorLines('slack chat.postMessage failed').length > 0, 'the error log line');
    expect(logLines.some((l) => l.level === 'warn' && /rate limit was exceeded/.test(l.msg) && /chat\.postMessage/.test(l.msg))).toBe(true);
  });

  // BUG (src/adapters/slack/deps.ts, slackError): @slack/web-api reports a 429 that it gave up on as a
  // WebAPIRequestError (code slack_webapi_request_error) wrapping the rate-limit error in `original`.
  // slackError() reads only data.error / code / message, so the error line of a rate-limited reply says
  // "slack_webapi_request_error", the same as a refused connection, and the rate limit is lost from it.
  test('the error line of a rate-limited chat.postMessage names the rate limit', async () => {
    standIn.rateLimitNext('chat.postMessage', 0);
    await mention(`${BOT} who patches rds?`, { channel: 'C0LIMITED' });
    await until(() => errorLines('slack chat.postMessage failed').length > 0, 'the error log line');
    expect(String(errorLines('slack chat.postMessage failed')[0]!.error)).toMatch(/rate/i);
  });

  test('views.publish failing is logged, not thrown', async () => {
    standIn.failNext('views.publish', 'missing_scope', 1, { needed: 'views:write' });
    await sendEvent(appHomeOpened({ user: 'U0SCOPE' }));
    await until(() => errorLines('slack views.publish failed').length > 0, 'the error log line');
    expect(errorLines('slack views.publish failed')[0]).toMatchObject({ user: 'U0SCOPE', error: 'missing_scope' });
  });
});

describe('acknowledgement', () => {
  // Runs last in this file: every signed POST above went through send(), which timed it.
  // (send() also asserts each one as it happens; this names the kinds that were covered.)
  test(`every signed request was acknowledged within ${ACK_BUDGET_MS} ms`, () => {
    expect(ackTimes.length).toBeGreaterThan(0);
    expect(ackTimes.filter((a) => a.ms >= ACK_BUDGET_MS)).toEqual([]);
    if (ackTimes.length < 30) return; // only part of the file ran (jest -t)
    const kinds = new Set(ackTimes.map((a) => a.what));
    for (const k of ['app_mention', 'message', 'app_home_opened', 'url_verification', 'slash command', 'share', 'feedback', 'ask button', 'quiz answer', 'home button']) {
      expect(kinds).toContain(k);
    }
  });
});
