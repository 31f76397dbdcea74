// The daily quiz in Slack, end to end: `/whosejob quiz daily …` through Bolt with signed requests, the
// post through the Web API stand-in, private answers by block_actions (ephemeral verdicts, one answer
// each), the "N answered" edit, the reveal edit the next day, the leaderboard and `whosejob quiz post`.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/app';
import { loadConfig } from '../../src/config';
import { Bot } from '../../src/conversation/bot';
import { createHttpServer } from '../../src/http/server';
import { createLogger } from '../../src/log';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { DailyQuiz, type DailyQuizDeps } from '../../src/quiz/daily';
import { quizPool } from '../../src/quiz/questions';
import { decodeAction } from '../../src/reply/action';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';
import { runCli } from '../support/run-cli';
import { appHomeOpened, blockActions, eventCallback, FORM, JSON_TYPE, postToApp, slashCommand } from '../stand-ins/slack-requests';
import { SlackWebApiStandIn } from '../stand-ins/slack-web-api';

const SECRET = 'quiz-secret';
const standIn = new SlackWebApiStandIn();
let dir: string;
let dbPath: string;
let store: Store;
let adapter: SlackAdapter;
let server: Server;
let eventsUrl: string;
let daily: DailyQuiz;
let clock = new Date('2026-12-01T07:59:00.000Z');

beforeAll(async () => {
  await standIn.start();
  dir = mkdtempSync(join(tmpdir(), 'whosejob-slack-quiz-'));
  dbPath = join(dir, 'whosejob.db');
  store = await openStore({ DATABASE_PATH: dbPath }, () => clock);
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.url, DATABASE_PATH: dbPath }, null);
  const log = createLogger('error', () => undefined);
  const kb = loadKnowledgeBase();
  const outboxes: DailyQuizDeps['outboxes'] = {};
  daily = new DailyQuiz({ store, outboxes, bank: quizPool(kb), now: () => clock, log, sleep: async () => undefined });
  const bot = new Bot(kb, { state: store, feedback: store, cards: store, daily, now: () => clock.getTime() });
  adapter = createSlackAdapter({ config, bot, store, log, retries: 0 });
  outboxes.slack = adapter.outbox;
  server = createHttpServer({ slack: adapter.requestListener }, log);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await store.close();
  await standIn.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Blocks as Slack received them: a JSON string from some callers, an array from WebClient's others. */
const blocksOf = (args: Record<string, unknown>): unknown => (typeof args.blocks === 'string' ? JSON.parse(args.blocks) : args.blocks);

async function command(text: string, channel = 'C0QUIZ'): Promise<string> {
  const res = await postToApp(eventsUrl, { body: slashCommand({ text, channel_id: channel, response_url: standIn.responseUrl('r') }), contentType: FORM, secret: SECRET });
  expect(res.status).toBe(200);
  return JSON.stringify(res.json ?? res.text);
}

async function click(value: string, user: string, ts: string, channel = 'C0QUIZ'): Promise<void> {
  const res = await postToApp(eventsUrl, { body: blockActions({ actions: [{ action_id: 'whosejob_choice_0', value }], user, channel, message: { ts } }), contentType: FORM, secret: SECRET });
  expect(res.status).toBe(200);
}

test('schedule, post at 09:00, private answers once each, the count, the reveal next day, the leaderboard', async () => {
  expect(await command('quiz daily 09:00 Europe/Berlin weekdays')).toContain('Daily quiz scheduled');
  expect(await command('quiz status')).toMatch(/09:00 Europe\/Berlin, Monday to Friday/);
  expect(await command('quiz daily 9 o’clock')).toContain('24-hour time');

  await daily.tick();
  expect(standIn.callsTo('chat.postMessage')).toHaveLength(0);
  clock = new Date('2026-12-01T08:00:05.000Z');
  await daily.tick();
  const [post] = standIn.callsTo('chat.postMessage');
  expect(post!.args.channel).toBe('C0QUIZ');
  const ts = String(post!.response.ts);
  const blocks = blocksOf(post!.args) as Array<{ type: string; elements?: Array<{ value?: string }> }>;
  const buttons = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).map((e) => decodeAction(e.value)).filter((a) => a?.kind === 'quiz-answer');
  expect(buttons.length).toBeGreaterThanOrEqual(2);
  const answer = buttons[0]!;
  if (answer.kind !== 'quiz-answer') throw new Error('not a quiz answer');
  const value = (choice: number) => JSON.stringify({ k: 'q', i: answer.questionId, c: choice, p: answer.postId });

  await click(value(0), 'UANA', ts);
  await click(value(1), 'UANA', ts); // a second click: no second answer
  await click(value(1), 'UBEN', ts);
  const ephemerals = standIn.callsTo('chat.postEphemeral');
  expect(ephemerals.map((e) => e.args.user)).toEqual(['UANA', 'UANA', 'UBEN']);
  expect(String(ephemerals[0]!.args.text)).toMatch(/Correct|Not quite/);
  expect(String(ephemerals[1]!.args.text)).toMatch(/already answered A\)/);
  expect(standIn.callsTo('chat.postMessage')).toHaveLength(1); // nothing public from the answers
  const countEdit = standIn.callsTo('chat.update')[0]!;
  expect(countEdit.args).toMatchObject({ channel: 'C0QUIZ', ts });
  expect(JSON.stringify(blocksOf(countEdit.args))).toContain('1 answered');
  expect((await store.answersTo(Number(answer.postId))).map((a) => a.user).sort()).toEqual(['UANA', 'UBEN']);

  clock = new Date('2026-12-02T08:00:05.000Z');
  await daily.tick();
  expect(standIn.callsTo('chat.postMessage')).toHaveLength(2);
  const reveal = standIn.callsTo('chat.update').find((u) => JSON.stringify(blocksOf(u.args)).includes('the answer'))!;
  expect(reveal.args.ts).toBe(ts);
  expect(JSON.stringify(blocksOf(reveal.args))).toMatch(/50 %/); // two answers, one per option: shares, never names
  expect(JSON.stringify(blocksOf(reveal.args))).not.toMatch(/UANA|UBEN/);

  const board = await command('quiz leaderboard week');
  expect(board).toMatch(/UANA|UBEN/);
  expect(await command('quiz me stats')).toMatch(/You have not answered|points/);

  // Each person's own figures on their Home tab.
  const home = await postToApp(eventsUrl, { body: eventCallback(appHomeOpened({ user: 'UANA' })), contentType: JSON_TYPE, secret: SECRET });
  expect(home.status).toBe(200);
  const [published] = await standIn.waitFor('views.publish', 1);
  expect(JSON.stringify(published!.args.view)).toMatch(/Your daily quiz.*<#C0QUIZ>.*1 answered|Your daily quiz.*<#C0QUIZ>/);
  expect(await command('quiz stop')).toContain('stopped');
});

test('`whosejob quiz post` posts today’s question once, then says it is already there', async () => {
  // The server's own settings: the same .env serves `npm start` and this command.
  const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.url, DATABASE_PATH: dbPath };
  standIn.clear();
  const first = await runCli(['quiz', 'post', '--platform', 'slack', '--channel', 'C0CLI'], env);
  expect(first).toMatchObject({ code: 0 });
  expect(first.stdout).toMatch(/^Posted today's question to C0CLI/);
  const second = await runCli(['quiz', 'post', '--platform', 'slack', '--channel', 'C0CLI'], env);
  expect(second.stdout).toMatch(/already posted in C0CLI/);
  expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
  const bad = await runCli(['quiz', 'post', '--platform', 'irc', '--channel', 'x'], env);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/^whosejob: --platform must be slack or teams/);
});
