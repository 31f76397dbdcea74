// whosejob's Teams adapter end to end, in unauthenticated local mode: activities are POSTed to the real HTTP
// server (createHttpServer + createTeamsAdapter + botbuilder's CloudAdapter), and every reply, typing indicator
// and proactive message is caught by the Bot Connector stand-in at the activities' serviceUrl.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTeamsAdapter, type TeamsAdapter } from '../../../src/adapters/teams/adapter';
import { cardActions } from './card-actions';
import { loadConfig } from '../../../src/config';
import { Bot } from '../../../src/conversation/bot';
import { createHttpServer } from '../../../src/http/server';
import { loadKnowledgeBase } from '../../../src/nlu/knowledge-base';
import { createLogger } from '../../../src/log';
import { actionData, decodeAction, type Action } from '../../../src/reply/action';
import { openStore } from '../../../src/store/open';
import type { Store } from '../../../src/store/store';
import {
  ALICE,
  BOT,
  cardSubmit,
  channelMention,
  groupChatMessage,
  installUpdate,
  personalConversationId,
  personalMessage,
  postActivity,
  TENANT_ID,
  type InboundActivity,
} from '../../stand-ins/teams-activities';
import {
  ADAPTIVE_CARD,
  adaptiveCardsOf,
  TeamsConnectorStandIn,
  validateAdaptiveCard,
  type ReceivedActivity,
} from '../../stand-ins/teams-connector';

interface CardJson {
  type: string;
  version: string;
  body: Array<{ type: string; text?: string; [k: string]: unknown }>;
  actions: Array<{ type: string; title: string; data?: Record<string, unknown> }>;
}

const connector = new TeamsConnectorStandIn();
let serviceUrl: string;
let server: Server;
let endpoint: string;
let adapter: TeamsAdapter;
let store: Store;
let dir: string;
const logLines: Array<{ level: string; msg: string; [k: string]: unknown }> = [];

beforeAll(async () => {
  ({ url: serviceUrl } = await connector.start());
  dir = mkdtempSync(join(tmpdir(), 'whosejob-teams-'));
  store = await openStore({ DATABASE_PATH: join(dir, 'whosejob.db') });
  const log = createLogger('debug', (line) => logLines.push(JSON.parse(line) as { level: string; msg: string }));
  const config = loadConfig({ TEAMS_ENABLED: 'true', DATABASE_PATH: join(dir, 'whosejob.db') }, null);
  expect(config.MicrosoftAppId).toBeUndefined(); // unauthenticated local mode
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

beforeEach(() => {
  connector.clear();
  logLines.length = 0;
});

afterEach(() => {
  // Every card whosejob sent in any test must be one Teams accepts.
  expect(connector.invalidCards().map((r) => r.cardProblems)).toEqual([]);
});

/** POSTs an inbound activity; the HTTP answer comes once the turn (and its connector calls) finished. */
async function send(activity: InboundActivity): Promise<ReceivedActivity[]> {
  const res = await postActivity(endpoint, activity);
  expect(res.status).toBe(200);
  return connector.received.filter((r) => r.activity.replyToId === activity.id || r.replyToId === activity.id);
}

/** The one Adaptive Card of a reply, after checking the attachment's content type. */
function cardOf(r: ReceivedActivity | undefined): CardJson {
  expect(r).toBeDefined();
  const attachments = r!.activity.attachments ?? [];
  expect(attachments).toHaveLength(1);
  expect(attachments[0]!.contentType).toBe(ADAPTIVE_CARD);
  return attachments[0]!.content as CardJson;
}

/** What a card button does, read back as whosejob reads it. */
const actionOf = (a: CardJson['actions'][number]): Action | undefined => decodeAction(a.data);
const isFeedback = (a: CardJson['actions'][number]): boolean => actionOf(a)?.kind === 'feedback';
const askedBy = (a: CardJson['actions'][number]): string | undefined => {
  const action = actionOf(a);
  return action?.kind === 'ask' ? action.question : undefined;
};

/** Every button of a card, wherever it is: the body's choices, then 👍/👎. */
const choices = (card: CardJson): CardJson['actions'] => cardActions<CardJson['actions'][number]>(card);
const texts = (card: CardJson): string[] => card.body.filter((e) => e.type === 'TextBlock').map((e) => e.text ?? '');
const messages = (rs: ReceivedActivity[]): ReceivedActivity[] => rs.filter((r) => r.activity.type === 'message');

/** The message card sent in answer to `text` in a fresh (or given) personal conversation. */
async function ask(text: string, conversationId = personalConversationId()): Promise<CardJson> {
  const replies = await send(personalMessage({ text, serviceUrl, conversationId }));
  return cardOf(messages(replies)[0]);
}

describe('personal chat', () => {
  // Typing comes from botbuilder's ShowTypingMiddleware, only for answers slower than 500 ms; these are instant.
  test('a question → an Adaptive Card 1.5 answer in reply to the inbound activity', async () => {
    const inbound = personalMessage({ text: 'who patches rds?', serviceUrl });
    const res = await postActivity(endpoint, inbound);
    expect(res.status).toBe(200);
    const got = await connector.waitFor(1);
    expect(got.map((r) => r.activity.type)).toEqual(['message']);
    for (const r of got) {
      expect(r.conversationId).toBe(inbound.conversation.id);
      expect(r.replyToId).toBe(inbound.id);
      expect(r.activity.replyToId).toBe(inbound.id);
      expect(r.activity.conversation?.id).toBe(inbound.conversation.id);
      expect(r.activity.recipient?.id).toBe(ALICE.id);
      expect(r.activity.from?.id).toBe(BOT.id);
      expect(r.headers.authorization).toBeUndefined(); // unauthenticated mode: no token is fetched or sent
    }
    const card = cardOf(got[0]);
    expect(card.type).toBe('AdaptiveCard');
    expect(card.version).toBe('1.5');
    const lines = texts(card);
    expect(lines[0]).toBe('AWS IS RESPONSIBLE');
    expect(lines.join('\n')).toMatch(/AWS is responsible for patch management on Amazon RDS/);
    expect(lines.join('\n')).toContain('RDS');
    // The fallback text for notifications names the owner too.
    expect(got[0]!.activity.summary).toMatch(/^AWS: /);
    // A responsibility answer carries 👍/👎 with the question and the intent.
    const feedback = card.actions.filter(isFeedback);
    expect(feedback.map((a) => a.data)).toEqual([
      { k: 'f', v: 'up', q: 'who patches rds?', i: 'responsibility' },
      { k: 'f', v: 'down', q: 'who patches rds?', i: 'responsibility' },
    ]);
    expect(feedback.map(actionOf)).toEqual([
      { kind: 'feedback', vote: 'up', question: 'who patches rds?', intent: 'responsibility' },
      { kind: 'feedback', vote: 'down', question: 'who patches rds?', intent: 'responsibility' },
    ]);
  });

  test('a follow-up in the same conversation keeps the context: "and for ec2?"', async () => {
    const conversationId = personalConversationId();
    const first = await ask('who patches rds?', conversationId);
    expect(texts(first)[1]).toBe('Patch management on Amazon RDS');
    const second = await ask('and for ec2?', conversationId);
    expect(texts(second)[0]).toBe('YOU ARE RESPONSIBLE');
    expect(texts(second)[1]).toBe('Patch management on Amazon EC2');
    // …while a different conversation has no context to borrow from.
    const elsewhere = await ask('and for ec2?');
    expect(texts(elsewhere)[1]).not.toBe('Patch management on Amazon EC2');
  });

  test.each(['hi', 'hello', 'help'])('"%s" → a useful card with question buttons', async (text) => {
    const card = await ask(text);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const asks = choices(card).filter((a) => a.type === 'Action.Submit' && actionOf(a)?.kind === 'ask');
    expect(asks.length).toBeGreaterThanOrEqual(3);
    expect(asks.map(askedBy)).toContain('Who patches RDS?');
    expect(texts(card).join(' ')).toMatch(/AWS/);
  });

  test('the conversation reference of a personal chat is stored (for later proactive messages)', async () => {
    const inbound = personalMessage({ text: 'who patches rds?', serviceUrl });
    await send(inbound);
    const stored = await store.getConversationRef('teams', inbound.conversation.id);
    expect(stored).toBeDefined();
    const ref = JSON.parse(stored!.reference) as { serviceUrl: string; conversation: { id: string }; user: { id: string } };
    expect(ref.serviceUrl).toBe(serviceUrl);
    expect(ref.conversation.id).toBe(inbound.conversation.id);
    expect(ref.user.id).toBe(ALICE.id);
  });
});

describe('channels and group chats', () => {
  test('an @mention in a channel: the mention is removed before matching, the reply stays in the reply chain', async () => {
    const inbound = channelMention({ text: '<at>whosejob</at> who patches rds?', serviceUrl });
    expect(inbound.conversation.id).toMatch(/^19:abc@thread\.tacv2;messageid=\d+$/);
    const replies = await send(inbound);
    expect(replies.map((r) => r.activity.type)).toEqual(['message']);
    const reply = messages(replies)[0]!;
    expect(reply.conversationId).toBe(inbound.conversation.id); // ;messageid=… kept: same thread
    expect(reply.replyToId).toBe(inbound.id);
    const card = cardOf(reply);
    expect(texts(card)[0]).toBe('AWS IS RESPONSIBLE');
    expect(texts(card)[1]).toBe('Patch management on Amazon RDS');
    // The question the feedback buttons carry is the one without the mention.
    const up = card.actions.find(isFeedback);
    expect(actionOf(up!)).toMatchObject({ question: 'who patches rds?' });
    // Channel conversations are not stored as proactive targets.
    expect(await store.getConversationRef('teams', inbound.conversation.id)).toBeUndefined();
  });

  test('a reply in an existing thread goes to that thread', async () => {
    const inbound = channelMention({ text: '<at>whosejob</at> who encrypts ebs volumes?', serviceUrl, threadId: '1699999999999' });
    const reply = messages(await send(inbound))[0]!;
    expect(reply.conversationId).toBe('19:abc@thread.tacv2;messageid=1699999999999');
    expect(texts(cardOf(reply))[0]).toBe('YOU ARE RESPONSIBLE');
  });

  test('a group chat @mention is answered in the group chat', async () => {
    const inbound = groupChatMessage({ text: '<at>whosejob</at> do we encrypt S3 or does AWS?', serviceUrl });
    const reply = messages(await send(inbound))[0]!;
    expect(reply.conversationId).toBe(inbound.conversation.id);
    expect(texts(cardOf(reply))[0]).toBe('SHARED RESPONSIBILITY');
  });
});

describe('card actions (Action.Submit)', () => {
  test('an "ask" button ({k:\'a\', q:\'who patches rds?\'}) → an answer card for the question', async () => {
    const inbound = cardSubmit({ value: { k: 'a', q: 'who patches rds?' }, replyToId: '1800000000000', serviceUrl });
    expect(inbound.text).toBeUndefined();
    const replies = await send(inbound);
    expect(replies.map((r) => r.activity.type)).toEqual(['message']);
    const card = cardOf(messages(replies)[0]);
    expect(texts(card)[0]).toBe('AWS IS RESPONSIBLE');
    expect(texts(card)[1]).toBe('Patch management on Amazon RDS');
    // The question the button asked is the one its answer's 👍/👎 carry.
    expect(card.actions.filter(isFeedback).map(actionOf)).toEqual([
      { kind: 'feedback', vote: 'up', question: 'who patches rds?', intent: 'responsibility' },
      { kind: 'feedback', vote: 'down', question: 'who patches rds?', intent: 'responsibility' },
    ]);
  });

  test('a button of a card whosejob sent, pressed → its question answered', async () => {
    const card = await ask('help');
    const button = choices(card).find((a) => askedBy(a) === 'Who patches RDS?')!;
    // Teams merges the card's inputs into `data`; keys that are not ours are dropped, not refused.
    const replies = await send(cardSubmit({ value: { ...button.data, someInput: 'x' }, replyToId: '1800000000001', serviceUrl }));
    expect(texts(cardOf(messages(replies)[0]))[1]).toBe('Patch management on Amazon RDS');
  });

  test('an "ask" button → the question is answered', async () => {
    const inbound = cardSubmit({ value: actionData({ kind: 'ask', question: 'who encrypts ebs volumes' }), replyToId: '1800000000001', serviceUrl });
    expect(inbound.text).toBeUndefined();
    const replies = await send(inbound);
    expect(replies.map((r) => r.activity.type)).toEqual(['message']);
    const card = cardOf(messages(replies)[0]);
    expect(texts(card)[0]).toBe('YOU ARE RESPONSIBLE');
    expect(texts(card)[1]).toBe('Encryption at rest on Amazon EBS');
  });

  test('quiz: "quiz me", then an answer button → the verdict; "Another question" → the next question', async () => {
    const conversationId = personalConversationId();
    const question = await ask('quiz me', conversationId);
    expect(texts(question)[0]).toBe('Quiz');
    const answers = choices(question).filter((a) => actionOf(a)?.kind === 'quiz-answer');
    expect(answers.length).toBeGreaterThanOrEqual(2);
    const conversation = { id: conversationId, conversationType: 'personal' as const, tenantId: TENANT_ID };
    const verdict = cardOf(messages(await send(cardSubmit({ value: answers[0]!.data, replyToId: 'q1', serviceUrl, conversation })))[0]);
    expect(texts(verdict)[0]).toMatch(/^(Correct!|Not quite)$/);
    expect(texts(verdict).join('\n')).toMatch(/Correct —|the answer is [A-D]\)/);
    const another = choices(verdict).find((a) => actionOf(a)?.kind === 'quiz-next');
    expect(another?.title).toBe('Another question');
    const next = cardOf(messages(await send(cardSubmit({ value: another!.data, replyToId: 'q2', serviceUrl, conversation })))[0]);
    expect(texts(next)[0]).toBe('Quiz');
    expect(choices(next).filter((a) => actionOf(a)?.kind === 'quiz-answer').length).toBeGreaterThanOrEqual(2);
  });

  test('a feedback button → a row in SQLite and a thank-you text', async () => {
    const inbound = cardSubmit({
      value: { k: 'f', v: 'up', q: 'who patches rds?', i: 'responsibility' },
      replyToId: '1800000000002',
      serviceUrl,
    });
    const replies = await send(inbound);
    expect(replies.map((r) => r.activity.type)).toEqual(['message']);
    expect(replies[0]!.activity.text).toBe('Thanks for the feedback!');
    const [row] = await store.latestFeedback(1);
    expect(row).toMatchObject({
      platform: 'teams',
      user: ALICE.id,
      conversation: inbound.conversation.id,
      question: 'who patches rds?',
      intent: 'responsibility',
      vote: 'up',
    });
  });

  test('a 👎 is stored as down and answered with the "noted" text', async () => {
    const inbound = cardSubmit({ value: actionData({ kind: 'feedback', vote: 'down', question: 'who patches rds?', intent: 'responsibility' }), replyToId: 'x', serviceUrl });
    const replies = await send(inbound);
    expect(replies[0]!.activity.text).toMatch(/noted/);
    expect((await store.latestFeedback(1))[0]).toMatchObject({ vote: 'down', conversation: inbound.conversation.id });
  });

  test.each<[string, unknown]>([
    ['an unknown shape', { something: 'else' }],
    ['an unknown kind', { k: 'x', q: 'who patches rds?' }],
    ['a field out of range', { k: 'q', i: 'fact-rds-guest-os-patching', c: 42 }],
    ['a string that is not JSON', 'who patches rds?'],
  ])('a value that is not one of our actions (%s) with no text → ignored with a warning, not an error', async (_name, value) => {
    const replies = await send(cardSubmit({ value, replyToId: 'x', serviceUrl }));
    expect(replies).toEqual([]);
    expect(connector.received).toEqual([]);
    expect(logLines.filter((l) => l.level === 'warn').map((l) => l.msg)).toContain('teams card action with unreadable data ignored');
    expect(logLines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('duplicate deliveries', () => {
  test('the same activity delivered twice → answered once', async () => {
    const inbound = personalMessage({ text: 'who patches rds?', serviceUrl });
    expect(messages(await send(inbound))).toHaveLength(1);
    const again = await postActivity(endpoint, inbound);
    expect(again.status).toBe(200);
    expect(messages(await send(personalMessage({ text: 'help', serviceUrl, conversationId: inbound.conversation.id })))).toHaveLength(1); // a sentinel after it
    expect(connector.received.filter((r) => r.replyToId === inbound.id || r.activity.replyToId === inbound.id)).toHaveLength(1);
    expect(logLines.some((l) => l.msg === 'teams duplicate activity skipped' && l.id === inbound.id)).toBe(true);
  });

  test('a card click delivered twice → one vote stored', async () => {
    const inbound = cardSubmit({ value: { k: 'f', v: 'up', q: 'who encrypts ebs volumes', i: 'responsibility' }, replyToId: 'dup', serviceUrl });
    await send(inbound);
    await send(inbound);
    const votes = (await store.latestFeedback(5)).filter((r) => r.conversation === inbound.conversation.id);
    expect(votes).toHaveLength(1);
  });
});

describe('install and proactive messages', () => {
  test('conversationUpdate install → a welcome card naming who added the bot, and a stored reference', async () => {
    const inbound = installUpdate({ serviceUrl, membersAdded: [{ id: BOT.id }], from: { ...ALICE, name: 'Alice' }, conversationType: 'channel' });
    const replies = await send(inbound);
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]);
    expect(texts(card).join('\n')).toContain('Alice added me here.');
    expect(choices(card).length).toBeGreaterThan(0);
    expect(replies[0]!.conversationId).toBe(inbound.conversation.id);

    const stored = await store.getConversationRef('teams', inbound.conversation.id);
    expect(stored).toBeDefined();
    const ref = JSON.parse(stored!.reference) as { serviceUrl: string; conversation: { id: string; tenantId?: string }; bot: { id: string } };
    expect(ref).toMatchObject({ serviceUrl, conversation: { id: inbound.conversation.id, tenantId: TENANT_ID }, bot: { id: BOT.id } });

    // Proactive: adapter.post() continues the stored conversation; botbuilder replies to a random activity id.
    connector.clear();
    const reply = new Bot(loadKnowledgeBase()).answerOnce('who patches rds?').reply;
    expect(await adapter.post(inbound.conversation.id, reply)).toBe(true);
    const [proactive] = await connector.waitFor(1);
    expect(proactive!.conversationId).toBe(inbound.conversation.id);
    expect(proactive!.route).toBe('reply');
    expect(proactive!.replyToId).toMatch(/^[0-9a-f-]{36}$/); // the synthetic continueConversation event's UUID
    expect(proactive!.replyToId).not.toBe(inbound.id);
    const pcard = cardOf(proactive);
    expect(texts(pcard)[1]).toBe('Patch management on Amazon RDS');
    // Nobody asked a question here, so no feedback buttons.
    expect(pcard.actions.some(isFeedback)).toBe(false);
  });

  test('a member (not the bot) joining gets no welcome', async () => {
    const replies = await send(installUpdate({ serviceUrl, membersAdded: [{ id: '29:1bob' }], conversationType: 'channel' }));
    expect(replies).toEqual([]);
    expect(connector.received).toEqual([]);
  });

  test('a personal install without a name is welcomed without one', async () => {
    const inbound = installUpdate({ serviceUrl, from: { id: '29:1anon' }, conversationType: 'personal' });
    const card = cardOf((await send(inbound))[0]);
    expect(texts(card).join('\n')).toContain('Thanks for adding me.');
  });

  test('post() to a conversation the bot never saw → false, nothing sent', async () => {
    const reply = new Bot(loadKnowledgeBase()).answerOnce('who patches rds?').reply;
    expect(await adapter.post('a:never-seen', reply)).toBe(false);
    expect(connector.received).toEqual([]);
  });
});

describe('card validity', () => {
  const KINDS = [
    'who patches rds?', // responsibility, aws
    'who encrypts ebs volumes', // responsibility, customer
    'do we encrypt S3 or does AWS?', // responsibility, shared
    'what am I responsible for on lambda?', // service
    'compare ec2 and lambda', // compare
    'what does security in the cloud mean?', // concept
    'quiz me', // quiz
    'onboard me', // onboarding
    'help',
    'thanks',
    'what is the capital of france', // unknown
    'who pathces rdss', // misspelt
  ];

  test('every reply kind is a valid Teams card: AdaptiveCard 1.5, allowed elements/actions, ≤ 6 actions, ≤ 28 KB', async () => {
    for (const text of KINDS) {
      const card = await ask(text);
      expect({ text, problems: validateAdaptiveCard(card) }).toEqual({ text, problems: [] });
      expect(choices(card).length).toBeLessThanOrEqual(6);
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(28 * 1024);
    }
  });

  test('"why?" after an answer is a valid card too', async () => {
    const conversationId = personalConversationId();
    await ask('who patches rds?', conversationId);
    const why = await ask('why?', conversationId);
    expect(validateAdaptiveCard(why)).toEqual([]);
    expect(texts(why)[1]).toMatch(/^Why: /);
  });

  test('a huge message (100 kB of text) still yields a card ≤ 28 KB', async () => {
    const text = `who patches rds? ${'lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(1800)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(100_000);
    const card = await ask(text);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(28 * 1024);
  });
});

describe('escaping', () => {
  const EVIL = '<at>Everyone</at> **bold** [click](https://evil.example)';

  test('user text never appears unescaped in the card', async () => {
    const inbound = personalMessage({ text: EVIL, serviceUrl });
    const replies = await send(inbound);
    const json = JSON.stringify(cardOf(messages(replies)[0]));
    expect(json).not.toContain('](https://evil');
    expect(json).not.toContain('[click]');
    expect(json).not.toContain('<at>Everyone</at>');
    expect(json).not.toContain('**bold**');
    for (const r of replies) expect(r.activity.summary ?? '').not.toContain('[click]');
  });

  test('mixed with a real question, no rendered text (TextBlocks, button titles, fallback) carries the markup', async () => {
    const text = `who patches rds? ${EVIL}`;
    const reply = messages(await send(personalMessage({ text, serviceUrl })))[0]!;
    const card = cardOf(reply);
    const rendered = [...texts(card), ...choices(card).map((a) => a.title), reply.activity.summary ?? ''].join('\n');
    expect(rendered).not.toContain('](https://evil');
    expect(rendered).not.toContain('[click]');
    expect(rendered).not.toContain('<at>Everyone</at>');
    // The question does travel back in the feedback buttons' `data` — Teams never renders Action.Submit data, it
    // only returns it to the bot in activity.value, where whosejob treats it as a question again.
    expect(actionOf(card.actions.find(isFeedback)!)).toMatchObject({ question: text });
  });
});

describe('failures and bad requests', () => {
  test(
    'a connector that keeps failing (503) → the error is logged, and the server answers the next message',
    async () => {
      connector.failNext(503, 10);
      const first = personalMessage({ text: 'who patches rds?', serviceUrl });
      const res = await postActivity(endpoint, first);
      expect([200, 500]).toContain(res.status);
      const errors = logLines.filter((l) => l.level === 'error').map((l) => l.msg);
      expect(errors.some((m) => m === 'teams turn failed' || m === 'teams error reply failed')).toBe(true);
      expect(connector.requests.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(2); // retried

      connector.clear(); // no faults left
      const next = personalMessage({ text: 'who encrypts ebs volumes', serviceUrl });
      const replies = await send(next);
      expect(texts(cardOf(messages(replies)[0]))[0]).toBe('YOU ARE RESPONSIBLE');
    },
    20_000,
  );

  test('a 403 from the connector (bot removed from the conversation) is logged, the server keeps going', async () => {
    connector.failNext(403, 2); // 4xx are not retried: one for the answer, one for the apology
    const res = await postActivity(endpoint, personalMessage({ text: 'who patches rds?', serviceUrl }));
    expect(res.status).toBe(200);
    const errors = logLines.filter((l) => l.level === 'error').map((l) => l.msg);
    expect(errors).toEqual(expect.arrayContaining(['teams turn failed', 'teams error reply failed']));
    expect(connector.pendingFaults).toBe(0);
    const replies = await send(personalMessage({ text: 'help', serviceUrl }));
    expect(messages(replies)).toHaveLength(1);
  });

  test('malformed JSON → 400, nothing sent', async () => {
    const res = await postActivity(endpoint, '{"type": "message", ');
    expect(res.status).toBe(400);
    expect(connector.received).toEqual([]);
  });

  test('a JSON value that is not an object → 400', async () => {
    expect((await postActivity(endpoint, '[1,2,3]')).status).toBe(400);
    expect((await postActivity(endpoint, '"message"')).status).toBe(400);
  });

  test('GET /api/messages → 405', async () => {
    const res = await fetch(endpoint);
    expect(res.status).toBe(405);
  });

  // Regression guard (fixed): an activity without a `type` (a client error) is answered 500 and logged at error level as "teams request
  // failed". botbuilder's validateAndFixActivity() throws a plain Error('missing activity type') from
  // CloudAdapter.process(); src/adapters/teams/adapter.ts turns every rejection of process() into a 500. The
  // adapter should check `typeof body.type === 'string'` itself (as it checks for a JSON object) and answer 400.
  test('an activity without a type is rejected with 400', async () => {
    const activity: Partial<InboundActivity> = personalMessage({ text: 'who patches rds?', serviceUrl });
    delete activity.type;
    expect((await postActivity(endpoint, activity)).status).toBe(400);
  });

  test('an activity without a type reaches nobody and leaves the server up (whatever the status)', async () => {
    const activity: Partial<InboundActivity> = personalMessage({ text: 'who patches rds?', serviceUrl });
    delete activity.type;
    const res = await postActivity(endpoint, activity);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(connector.received).toEqual([]);
    expect(messages(await send(personalMessage({ text: 'help', serviceUrl })))).toHaveLength(1);
  });

  // Regression guard (fixed): a body over 256 KB never gets its 413 — the client sees the connection reset (fetch: "read ECONNRESET").
  // In readJson() (src/adapters/teams/adapter.ts) the size check calls req.destroy(), which destroys the socket
  // shared with the response, and only afterwards (in the rejected promise's handler) writes 413 to that dead
  // socket. Fix: stop buffering but keep draining (or pause), write the 413 with `connection: close`, and end the
  // socket after the response is flushed.
  test('a body over 256 KB → 413', async () => {
    const activity = personalMessage({ text: 'x'.repeat(300 * 1024), serviceUrl });
    const res = await postActivity(endpoint, activity);
    expect(res.status).toBe(413);
  });

  test('a body over 256 KB is refused: nothing reaches the connector and the server keeps answering', async () => {
    const activity = personalMessage({ text: 'x'.repeat(300 * 1024), serviceUrl });
    const outcome = await postActivity(endpoint, activity).then(
      (res) => res.status,
      (err: unknown) => String((err as { cause?: unknown }).cause ?? err),
    );
    expect(outcome === 413 || /ECONNRESET|EPIPE|socket/i.test(String(outcome))).toBe(true);
    expect(connector.received).toEqual([]);
    expect(messages(await send(personalMessage({ text: 'help', serviceUrl })))).toHaveLength(1);
  });

  test('a body just under 256 KB is still answered', async () => {
    const activity = personalMessage({ text: `who patches rds? ${'y '.repeat(120 * 1024)}`, serviceUrl });
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(256 * 1024);
    const reply = messages(await send(activity))[0];
    expect(validateAdaptiveCard(cardOf(reply))).toEqual([]);
  });

  test('after all of the above the server is still healthy', async () => {
    const res = await fetch(endpoint.replace('/api/messages', '/healthz'));
    expect(await res.json()).toEqual({ status: 'ok', slack: false, teams: true });
    expect(adaptiveCardsOf(messages(await send(personalMessage({ text: 'hi', serviceUrl })))[0]!.activity)).toHaveLength(1);
  });
});
