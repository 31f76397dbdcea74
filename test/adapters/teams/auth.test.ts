// Authenticated mode (MicrosoftAppId + MicrosoftAppPassword): botbuilder checks the inbound JWT before any bot
// code runs. Offline we can only exercise the rejections that need no network:
//   * no Authorization header → JwtTokenValidation throws 401 straight away (auth is not disabled);
//   * "Bearer x.y.z" → jsonwebtoken cannot decode it, so hasAllowedIssuer() is false and the identity is null → 401,
//     again before the OpenID metadata (login.botframework.com) would be fetched.
// A well-formed JWT with an allowed issuer WOULD make botbuilder fetch the OpenID metadata and signing keys; with
// no network that fetch fails or hangs for its own timeout, so no such token is sent here. Accepting a genuinely
// signed token (and fetching an outbound token from login.microsoftonline.com) can only be tested in a real tenant.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeamsAdapter } from '../../../src/adapters/teams/adapter';
import { loadConfig } from '../../../src/config';
import { Bot } from '../../../src/conversation/bot';
import { createHttpServer } from '../../../src/http/server';
import { loadKnowledgeBase } from '../../../src/nlu/knowledge-base';
import { createLogger } from '../../../src/log';
import { openStore } from '../../../src/store/open';
import type { Store } from '../../../src/store/store';
import { personalMessage, postActivity } from '../../stand-ins/teams-activities';
import { TeamsConnectorStandIn } from '../../stand-ins/teams-connector';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

const connector = new TeamsConnectorStandIn();
let serviceUrl: string;
let server: Server;
let endpoint: string;
let store: Store;
let dir: string;
let consoleError: jest.SpyInstance;
const logLines: string[] = [];

beforeAll(async () => {
  ({ url: serviceUrl } = await connector.start());
  dir = mkdtempSync(join(tmpdir(), 'whosejob-teams-auth-'));
  store = await openStore({ DATABASE_PATH: join(dir, 'whosejob.db') });
  const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' }, null);
  expect(config.MicrosoftAppId).toBe(APP_ID);
  const log = createLogger('debug', (line) => logLines.push(line));
  const adapter = createTeamsAdapter(config, { bot: new Bot(loadKnowledgeBase(), { state: store, feedback: store }), store, log });
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

beforeEach(() => {
  connector.clear();
  // CloudAdapter.process() console.error()s every rejected request; keep the test output readable.
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  consoleError.mockRestore();
});

/** Gives any stray turn a moment to reach the connector before asserting that nothing did. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

test('an unsigned POST (no Authorization header) → 401, nothing reaches the connector', async () => {
  const res = await postActivity(endpoint, personalMessage({ text: 'who patches rds?', serviceUrl }));
  expect(res.status).toBe(401);
  await settle();
  expect(connector.requests).toEqual([]);
});

test('a bogus "Bearer x.y.z" → 401, nothing reaches the connector', async () => {
  const res = await postActivity(endpoint, personalMessage({ text: 'who patches rds?', serviceUrl }), { authorization: 'Bearer x.y.z' });
  expect(res.status).toBe(401);
  await settle();
  expect(connector.requests).toEqual([]);
});

test('other non-JWT schemes and empty bearers → 401', async () => {
  for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'x.y.z', 'Bearer a.b']) {
    const res = await postActivity(endpoint, personalMessage({ text: 'who patches rds?', serviceUrl }), { authorization });
    expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
  }
  await settle();
  expect(connector.requests).toEqual([]);
});

test('a rejected conversationUpdate (install) stores no conversation reference', async () => {
  const activity = personalMessage({ text: 'hi', serviceUrl });
  const res = await postActivity(endpoint, { ...activity, type: 'conversationUpdate', membersAdded: [{ id: activity.recipient.id }] });
  expect(res.status).toBe(401);
  expect(await store.getConversationRef('teams', activity.conversation.id)).toBeUndefined();
});

test('the request size and JSON checks still come first: malformed JSON → 400 without an auth check', async () => {
  expect((await postActivity(endpoint, '{not json')).status).toBe(400);
});

test('no secret is written to the log', () => {
  expect(logLines.join('\n')).not.toContain('not-a-real-secret');
});
