// Proves the Bot Connector stand-in (test/stand-ins/teams-connector.ts) and the activity builders against the
// real botbuilder 4.23 CloudAdapter — including routes whosejob does not use yet (create conversation, members,
// team details, update, delete) — so that a test relying on it is testing the bot, not the double.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, TeamsInfo, TurnContext, type ConversationReference } from 'botbuilder';
import { BOT, channelMention, installUpdate, personalMessage, TEAM, TENANT_ID, type InboundActivity } from '../../stand-ins/teams-activities';
import { ADAPTIVE_CARD, TeamsConnectorStandIn, validateAdaptiveCard } from '../../stand-ins/teams-connector';

const connector = new TeamsConnectorStandIn();
let serviceUrl: string;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const turnErrors: string[] = [];
adapter.onTurnError = async (_context, error) => {
  turnErrors.push(error.message);
};

beforeAll(async () => {
  ({ url: serviceUrl } = await connector.start());
});
afterAll(async () => {
  await connector.stop();
});
beforeEach(() => {
  connector.clear();
  turnErrors.length = 0;
});

/** Runs one inbound activity through CloudAdapter.process in-process (no HTTP), returning the status it set. */
async function process(activity: InboundActivity, logic: (context: TurnContext) => Promise<void>): Promise<{ status: number; body: unknown }> {
  const out = { status: 0, body: undefined as unknown };
  const res = {
    socket: null,
    status: (code: number) => {
      out.status = code;
    },
    header: () => undefined,
    send: (body?: unknown) => {
      out.body = body;
    },
    end: () => undefined,
  };
  await adapter.process({ body: JSON.parse(JSON.stringify(activity)) as Record<string, unknown>, headers: {}, method: 'POST' }, res, logic);
  return out;
}

test('sendActivity → POST /v3/conversations/{id}/activities/{inbound id}, path ids decoded, no Authorization', async () => {
  const inbound = channelMention({ text: '<at>whosejob</at> hello', serviceUrl });
  const { status } = await process(inbound, async (context) => {
    expect(TurnContext.removeRecipientMention(context.activity)).toBe('hello');
    await context.sendActivity('hi there');
  });
  expect(status).toBe(200);
  const [r] = await connector.waitFor(1);
  expect(r).toMatchObject({ route: 'reply', conversationId: inbound.conversation.id, replyToId: inbound.id, activity: { type: 'message', text: 'hi there' } });
  expect(connector.requests[0]!.path).toContain(encodeURIComponent(inbound.conversation.id));
  expect(r!.headers.authorization).toBeUndefined();
  expect(r!.headers['user-agent']).toMatch(/botframework-connector/);
});

test('an ActivityHandler sees the builders as the right events', async () => {
  const seen: string[] = [];
  const handler = new ActivityHandler();
  handler.onMessage(async (_c, next) => {
    seen.push('message');
    await next();
  });
  handler.onMembersAdded(async (c, next) => {
    seen.push(`membersAdded:${(c.activity.membersAdded ?? []).map((m) => m.id).join(',')}`);
    await next();
  });
  await process(personalMessage({ text: 'x', serviceUrl }), (c) => handler.run(c));
  await process(installUpdate({ serviceUrl, conversationType: 'channel' }), (c) => handler.run(c));
  expect(seen).toEqual(['message', `membersAdded:${BOT.id}`]);
});

test('continueConversationAsync (proactive): any activity id is accepted on the reply route', async () => {
  const inbound = personalMessage({ text: 'x', serviceUrl });
  let reference: Partial<ConversationReference> = {};
  await process(inbound, async (context) => {
    reference = TurnContext.getConversationReference(context.activity);
  });
  await adapter.continueConversationAsync('', reference, async (context) => {
    await context.sendActivity({ type: 'message', attachments: [{ contentType: ADAPTIVE_CARD, content: { type: 'AdaptiveCard', version: '1.5', body: [] } }] });
  });
  const [r] = await connector.waitFor(1);
  expect(r!.conversationId).toBe(inbound.conversation.id);
  expect(r!.replyToId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(r!.cardProblems).toEqual([]);
});

test('createConversationAsync → POST /v3/conversations, then sends to /activities/{new id}', async () => {
  await adapter.createConversationAsync(
    '',
    'msteams',
    serviceUrl,
    '',
    { isGroup: false, bot: { id: BOT.id, name: BOT.name }, members: [{ id: '29:1alice', name: 'Alice' }], tenantId: TENANT_ID, channelData: { tenant: { id: TENANT_ID } } },
    async (context) => {
      await context.sendActivity('a new chat');
    },
  );
  expect(connector.created).toHaveLength(1);
  expect(connector.created[0]!.parameters).toMatchObject({ members: [{ id: '29:1alice' }], tenantId: TENANT_ID });
  const [r] = await connector.waitFor(1);
  expect(r!.conversationId).toBe(connector.created[0]!.id);
  expect(r!.activity.text).toBe('a new chat');
});

test('TeamsInfo: getMember (personal), getTeamDetails and getPagedMembers (channel)', async () => {
  await process(personalMessage({ text: 'x', serviceUrl }), async (context) => {
    const member = await TeamsInfo.getMember(context, '29:1alice');
    expect(member).toMatchObject({ id: '29:1alice', name: 'Alice', email: 'alice@example.com' });
  });
  await process(channelMention({ text: '<at>whosejob</at> x', serviceUrl }), async (context) => {
    expect(await TeamsInfo.getTeamDetails(context)).toMatchObject({ id: TEAM.id, name: 'Fake Team' });
    const paged = await TeamsInfo.getPagedMembers(context);
    expect(paged.members.map((m) => m.name)).toEqual(['Alice', 'Bob']);
  });
  expect(turnErrors).toEqual([]);
  const calls = connector.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)} ${r.status}`);
  expect(calls).toHaveLength(3);
  expect(calls[0]).toMatch(/^GET \/v3\/conversations\/a:1personal-[^/]+\/members\/29:1alice 200$/);
  expect(calls.slice(1)).toEqual([`GET /v3/teams/${TEAM.id} 200`, `GET /v3/conversations/${TEAM.id}/pagedmembers 200`]);
});

test('updateActivity → PUT, deleteActivity → DELETE', async () => {
  await process(personalMessage({ text: 'x', serviceUrl }), async (context) => {
    const sent = await context.sendActivity('first');
    await context.updateActivity({ id: sent!.id, type: 'message', text: 'edited' });
    await context.deleteActivity(sent!.id!);
  });
  expect(connector.received.map((r) => [r.route, r.activity.text])).toEqual([
    ['reply', 'first'],
    ['update', 'edited'],
  ]);
  expect(connector.received[1]!.replyToId).toBe(connector.received[0]!.id);
  expect(connector.deleted).toEqual([{ conversationId: expect.stringMatching(/^a:1personal-/), activityId: connector.received[0]!.id }]);
});

test('failNext(503) is retried by the connector client and then succeeds; failNext(403) fails the turn', async () => {
  connector.failNext(503, 1);
  await process(personalMessage({ text: 'x', serviceUrl }), async (context) => {
    await context.sendActivity('after a retry');
  });
  expect(connector.requests.map((r) => r.status)).toEqual([503, 200]);
  expect(turnErrors).toEqual([]);

  connector.clear();
  connector.failNext(403, 1);
  await process(personalMessage({ text: 'x', serviceUrl }), async (context) => {
    await context.sendActivity('forbidden');
  });
  expect(connector.requests.map((r) => r.status)).toEqual([403]);
  expect(turnErrors).toHaveLength(1);
  expect(connector.received).toEqual([]);
});

test('waitFor rejects after its timeout, naming what arrived', async () => {
  await expect(connector.waitFor(1, () => true, 50)).rejects.toThrow(/timed out after 50 ms/);
});

test('validateAdaptiveCard flags what Teams would reject', () => {
  const ok = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x' }], actions: [] };
  expect(validateAdaptiveCard(ok)).toEqual([]);
  expect(validateAdaptiveCard({ ...ok, version: '1.6' })).toEqual(['version is "1.6", expected "1.5"']);
  expect(validateAdaptiveCard({ ...ok, body: [{ type: 'Input.Text', id: 'x' }] })).toEqual(['body[0] is Input.Text, not an allowed element']);
  expect(validateAdaptiveCard({ ...ok, body: [{ type: 'Container', items: [{ type: 'Media' }] }] })).toEqual(['body[0].items[0] is Media, not an allowed element']);
  expect(validateAdaptiveCard({ ...ok, actions: [{ type: 'Action.Http', title: 'go' }] })).toEqual(['actions[0] is Action.Http, not an allowed action']);
  expect(validateAdaptiveCard({ ...ok, actions: [{ type: 'Action.Execute', title: 'go' }] })).toEqual(['actions[0] is Action.Execute without a verb']);
  const seven = Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `a${i}` }));
  expect(validateAdaptiveCard({ ...ok, actions: seven })).toEqual(['7 actions (max 6)']);
  const big = { ...ok, body: [{ type: 'TextBlock', text: 'x'.repeat(29 * 1024) }] };
  expect(validateAdaptiveCard(big)[0]).toMatch(/^card is \d+ bytes \(max 28672\)$/);
  expect(validateAdaptiveCard('nope')).toEqual(['card is not an object']);
});
