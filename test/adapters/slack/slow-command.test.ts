// A slash command whose answer takes longer than Slack's 3 s (a lead's overview of a big channel): the
// acknowledgement goes out at once ("Working on it…") and the answer follows through response_url. A quick
// one still travels in the acknowledgement. Real Bolt app, signed requests, the Web API stand-in, SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter } from '../../../src/adapters/slack/app';
import { loadConfig } from '../../../src/config';
import { Bot, type Message, type Turn } from '../../../src/conversation/bot';
import { createHttpServer } from '../../../src/http/server';
import { loadKnowledgeBase } from '../../../src/nlu/knowledge-base';
import { createLogger } from '../../../src/log';
import { openStore } from '../../../src/store/open';
import type { Store } from '../../../src/store/store';
import { FORM, postToApp, slashCommand } from '../../stand-ins/slack-requests';
import { SlackWebApiStandIn } from '../../stand-ins/slack-web-api';

const SECRET = 'test-secret';

/** A bot whose answers wait until the test lets them go: "slow" without sleeping. */
class HeldBot extends Bot {
  held = false;
  private release?: () => void;

  override async handle(message: Message): Promise<Turn> {
    if (this.held) await new Promise<void>((resolve) => (this.release = resolve));
    return super.handle(message);
  }

  letGo(): void {
    this.release?.();
  }
}

const standIn = new SlackWebApiStandIn();
let dir: string;
let store: Store;
let server: Server;
let url: string;
let bot: HeldBot;

beforeAll(async () => {
  await standIn.start();
  dir = mkdtempSync(join(tmpdir(), 'whosejob-slow-command-'));
  const dbPath = join(dir, 'w.db');
  store = await openStore({ DATABASE_PATH: dbPath });
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.url, DATABASE_PATH: dbPath }, null);
  const log = createLogger('error', () => undefined);
  bot = new HeldBot(loadKnowledgeBase(), { state: store });
  // A short budget keeps the test quick; production waits 2 s of Slack's 3.
  const adapter = createSlackAdapter({ config, bot, store, log, retries: 0, commandAckMs: 50 });
  server = createHttpServer({ slack: adapter.requestListener }, log);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
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

beforeEach(() => standIn.clear());

test('a quick answer travels in the acknowledgement itself', async () => {
  bot.held = false;
  const res = await postToApp(url, { secret: SECRET, contentType: FORM, body: slashCommand({ text: 'who patches rds?', response_url: standIn.responseUrl('quick') }) });
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.json)).toContain('Patch management');
  expect(standIn.responses).toEqual([]);
});

test('a slow answer: "Working on it…" within Slack\'s 3 s, then the answer in its place through response_url', async () => {
  bot.held = true;
  const res = await postToApp(url, { secret: SECRET, contentType: FORM, body: slashCommand({ text: 'who patches rds?', response_url: standIn.responseUrl('slow') }) });
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
  expect(standIn.responses).toEqual([]);
  bot.letGo();
  const [response] = await standIn.waitForResponse(1);
  expect(response!.id).toBe('slow');
  const body = response!.body as { replace_original?: boolean; response_type?: string; blocks?: unknown };
  expect(body.replace_original).toBe(true);
  expect(body.response_type).toBe('ephemeral');
  expect(JSON.stringify(body.blocks)).toContain('Patch management');
});
