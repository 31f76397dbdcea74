// The daily quiz in Teams, end to end through botbuilder and the local connector stand-in: scheduled by
// an @mention in a channel, the proactive daily post, answers by Action.Execute (the verdict card goes
// back to the clicker alone, in the invoke response), the card refreshed for those who answered, the
// reveal edit the next day.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeamsAdapter } from '../../src/adapters/teams/adapter';
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
import { ALICE, BOB, CHANNEL, channelMention, nextActivityId, postActivity, TENANT_ID } from '../stand-ins/teams-activities';
import { TeamsConnectorStandIn } from '../stand-ins/teams-connector';

const connector = new TeamsConnectorStandIn();
let serviceUrl: string;
let server: Server;
let endpoint: string;
let store: Store;
let dir: string;
let daily: DailyQuiz;
let clock = new Date('2026-12-01T07:30:00.000Z');

type Json = Record<string, unknown>;

beforeAll(async () => {
  ({ url: serviceUrl } = await connector.start());
  dir = mkdtempSync(join(tmpdir(), 'whosejob-teams-quiz-'));
  store = await openStore({ DATABASE_PATH: join(dir, 'whosejob.db') }, () => clock);
  const log = createLogger('error', () => undefined);
  const kb = loadKnowledgeBase();
  const outboxes: DailyQuizDeps['outboxes'] = {};
  daily = new DailyQuiz({ store, outboxes, bank: quizPool(kb), now: () => clock, log, sleep: async () => undefined });
  const config = loadConfig({ TEAMS_ENABLED: 'true', DATABASE_PATH: join(dir, 'whosejob.db') }, null);
  const adapter = createTeamsAdapter(config, { bot: new Bot(kb, { state: store, feedback: store, cards: store, daily, now: () => clock.getTime() }), store, log });
  outboxes.teams = adapter.outbox;
  server = createHttpServer({ teams: adapter.requestListener }, log);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await connector.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every action on a card, wherever it sits (action bar, action sets, row selectActions). */
function actionsOf(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => actionsOf(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && 'data' in o) out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback') actionsOf(v, out);
  }
  return out;
}

const cardOf = (activity: { attachments?: Array<{ content?: unknown }> }): Json => activity.attachments![0]!.content as Json;
const textOf = (card: unknown): string => JSON.stringify(card);

/** An Action.Execute click: Teams sends an adaptiveCard/action invoke; the HTTP answer is the invoke response. */
async function execute(data: unknown, from: { id: string; name: string } = ALICE): Promise<Json> {
  const res = await postActivity(endpoint, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: nextActivityId(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from,
    recipient: { id: '28:00000000-0000-0000-0000-0000000b0700', name: 'whosejob' },
    conversation: { id: CHANNEL.id, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    value: { action: { type: 'Action.Execute', verb: 'whosejob', data }, trigger: 'manual' },
    channelData: { tenant: { id: TENANT_ID } },
  });
  expect(res.status).toBe(200);
  return res.json as Json;
}

test('scheduled by an @mention, posted to the channel, answered privately by Action.Execute, refreshed, revealed', async () => {
  const scheduled = await postActivity(endpoint, channelMention({ text: '<at>whosejob</at> quiz daily 09:00 Europe/Berlin weekdays', serviceUrl }));
  expect(scheduled.status).toBe(200);
  expect(textOf(connector.received.at(-1)!.activity)).toContain('Daily quiz scheduled');
  connector.clear();

  clock = new Date('2026-12-01T08:00:10.000Z');
  await daily.tick();
  const [post] = connector.received;
  expect(post).toMatchObject({ route: 'send', conversationId: CHANNEL.id }); // the channel, not the thread it was asked in
  const card = cardOf(post!.activity);
  const answers = actionsOf(card).filter((a) => decodeAction(a.data)?.kind === 'quiz-answer');
  expect(answers.length).toBeGreaterThanOrEqual(2);
  expect(answers.every((a) => a.type === 'Action.Execute' && a.verb === 'whosejob')).toBe(true);
  expect((card.refresh as Json).userIds).toEqual([]);
  connector.clear();

  const verdict = await execute(answers[0]!.data);
  expect(verdict).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(textOf(verdict.value)).toMatch(/Correct!|Not quite/);
  const again = await execute(answers[1]!.data);
  expect(textOf(again.value)).toMatch(/already answered A\)/);
  await execute(answers[1]!.data, BOB);
  expect(connector.received.filter((r) => r.route === 'send')).toHaveLength(0); // nothing posted for everyone

  // The post was edited with the count, and those who answered get their own view on refresh.
  const update = connector.received.find((r) => r.route === 'update')!;
  expect(update.replyToId).toBe(post!.id);
  expect((cardOf(update.activity).refresh as Json).userIds).toEqual([ALICE.id]);
  const view = await execute(((cardOf(update.activity).refresh as Json).action as Json).data);
  expect(textOf(view.value)).toMatch(/You answered A\)/);

  connector.clear();
  clock = new Date('2026-12-02T08:00:10.000Z');
  await daily.tick();
  const reveal = connector.received.find((r) => r.route === 'update' && textOf(r.activity).includes('the answer'));
  expect(reveal?.replyToId).toBe(post!.id);
  expect(textOf(reveal!.activity)).toMatch(/50 %/);
  expect(connector.received.filter((r) => r.route === 'send')).toHaveLength(1); // the new day's question
});
