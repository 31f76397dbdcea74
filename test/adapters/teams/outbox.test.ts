// The Teams outbox through botbuilder against the local connector stand-in: a post into a conversation
// whose reference was stored when someone talked to the bot, its edit, a DM by user id, and the
// failures a scheduler must tell apart.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeamsAdapter, type TeamsAdapter } from '../../../src/adapters/teams/adapter';
import { loadConfig } from '../../../src/config';
import { Bot } from '../../../src/conversation/bot';
import { createHttpServer } from '../../../src/http/server';
import { loadKnowledgeBase } from '../../../src/nlu/knowledge-base';
import { createLogger } from '../../../src/log';
import { OutboxError } from '../../../src/reply/outbox';
import { notice } from '../../../src/reply/reply';
import { openStore } from '../../../src/store/open';
import type { Store } from '../../../src/store/store';
import { ALICE, personalMessage } from '../../stand-ins/teams-activities';
import { TeamsConnectorStandIn } from '../../stand-ins/teams-connector';

const connector = new TeamsConnectorStandIn();
let serviceUrl: string;
let server: Server;
let endpoint: string;
let adapter: TeamsAdapter;
let store: Store;
let dir: string;

beforeAll(async () => {
  ({ url: serviceUrl } = await connector.start());
  dir = mkdtempSync(join(tmpdir(), 'whosejob-teams-outbox-'));
  store = await openStore({ DATABASE_PATH: join(dir, 'whosejob.db') });
  const log = createLogger('error', () => undefined);
  const config = loadConfig({ TEAMS_ENABLED: 'true', DATABASE_PATH: join(dir, 'whosejob.db') }, null);
  adapter = createTeamsAdapter(config, { bot: new Bot(loadKnowledgeBase(), { state: store, feedback: store }), store, log });
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

beforeEach(() => connector.clear());

/** Alice says something in her personal chat: the bot stores the conversation's reference. */
async function aliceTalks(): Promise<string> {
  const inbound = personalMessage({ text: 'who patches rds?', serviceUrl, from: ALICE });
  const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(inbound) });
  expect(res.status).toBe(200);
  connector.clear();
  return inbound.conversation.id;
}

test('post into a known conversation, then edit that message', async () => {
  const conversation = await aliceTalks();
  const ref = await adapter.outbox.post({ channel: conversation }, notice('Question of the day'));
  expect(ref.channel).toBe(conversation);
  const [sent] = connector.received;
  expect(sent).toMatchObject({ route: 'send', conversationId: conversation, id: ref.id });
  await adapter.outbox.update(ref, notice('Question of the day: 3 answered'));
  const update = connector.received.find((r) => r.route === 'update');
  expect(update).toMatchObject({ conversationId: conversation, replyToId: ref.id });
  expect(JSON.stringify(update!.activity.attachments)).toContain('3 answered');
});

test('a DM finds the person’s own chat by their id', async () => {
  const conversation = await aliceTalks();
  await adapter.outbox.dm(ALICE.id, notice('Your lesson for today'));
  expect(connector.received[0]).toMatchObject({ route: 'send', conversationId: conversation });
});

test('a conversation the bot was never in, or a person who never talked to it → "gone"', async () => {
  await expect(adapter.outbox.post({ channel: 'a:never-seen' }, notice('x'))).rejects.toMatchObject({ failure: 'gone' });
  await expect(adapter.outbox.dm('29:stranger', notice('x'))).rejects.toBeInstanceOf(OutboxError);
});

test.each([403, 404])('the connector answering %i (the bot was removed) → "gone"', async (status) => {
  const conversation = await aliceTalks();
  connector.failNext(status, 5); // a removed bot is refused every time, retries included
  await expect(adapter.outbox.post({ channel: conversation }, notice('x'))).rejects.toMatchObject({ failure: 'gone' });
});
