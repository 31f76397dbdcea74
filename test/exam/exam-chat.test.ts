// A pasted practice-exam item in chat, end to end on a real SQLite file: through the real Bolt app (signed
// requests, the Web API stand-in, response_url posts) and through botbuilder (real activities, the Bot
// Connector stand-in). The answer comes short (each option marked ✓/✗/?), its reasons one click away
// (Slack: a "Show why" button whose click replaces the message through response_url; Teams: an
// Action.ShowCard), and "Add to my quiz" puts the item in the person's own spaced-repetition deck, where
// "quiz me" asks it first; a multi-answer item is asked as sets of letters ("A + C").
//
// What the bot answers is read from the bot itself (answerItem), so these tests check the chat flow rather
// than the reasoning; the items are ones whose answer is not in doubt, and that answer is checked too.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/app';
import { ACTION, escapeMrkdwn } from '../../src/adapters/slack/blocks';
import { createTeamsAdapter } from '../../src/adapters/teams/adapter';
import { loadConfig } from '../../src/config';
import { Bot } from '../../src/conversation/bot';
import { parseExamItem } from '../../src/exam/parse';
import { answerItem, type ExamAnswer } from '../../src/exam/reason';
import { createHttpServer } from '../../src/http/server';
import { createLogger } from '../../src/log';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { decodeAction, type Action } from '../../src/reply/action';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';
import { cardActions } from '../adapters/teams/card-actions';
import { blockActions, directMessage, eventCallback, FORM, postToApp } from '../stand-ins/slack-requests';
import { SlackWebApiStandIn, validateMessage, type RecordedCall } from '../stand-ins/slack-web-api';
import {
  ALICE,
  BOB,
  BOT as TEAMS_BOT,
  cardSubmit,
  nextActivityId,
  personalConversationId,
  personalMessage,
  postActivity,
  TENANT_ID,
  type Account,
  type InboundActivity,
} from '../stand-ins/teams-activities';
import { ADAPTIVE_CARD, TeamsConnectorStandIn, validateAdaptiveCard, type ReceivedActivity } from '../stand-ins/teams-connector';

const SECRET = 'exam-secret';

/** The clear single-answer item: only A is the customer's. */
const SINGLE = [
  "Under the AWS shared responsibility model, which of the following is the customer's responsibility?",
  'A. Patching the guest operating system of Amazon EC2 instances',
  'B. Physical security of data centers',
  'C. Maintaining the hypervisor',
  'D. Replacing failed hardware',
].join('\n');

/** Select TWO, the customer's: A and C. */
const MULTI = [
  "Which of the following are the customer's responsibility under the AWS shared responsibility model? (Select TWO.)",
  'A. Patching the guest operating system of Amazon EC2 instances',
  'B. Physical security of data centers',
  'C. Configuring security group rules',
  'D. Maintaining the hypervisor',
].join('\n');

/** Select TWO, AWS's: C and D — the last of the six sets of two letters (A + B, A + C, A + D, B + C, B + D, C + D). */
const MULTI_LAST_SET = [
  'Which of the following are AWS responsibilities under the AWS shared responsibility model? (Select TWO.)',
  'A. Patching the guest operating system of Amazon EC2 instances',
  'B. Configuring security group rules',
  'C. Physical security of data centers',
  'D. Maintaining the hypervisor',
].join('\n');

/** Select TWO of five, AWS's: D and E — the last of the ten sets of two letters. */
const FIVE = [
  'Which of the following are AWS responsibilities under the AWS shared responsibility model? (Select TWO.)',
  'A. Patching the guest operating system of Amazon EC2 instances',
  'B. Configuring security group rules',
  'C. Managing IAM user permissions',
  'D. Physical security of data centers',
  'E. Maintaining the hypervisor',
].join('\n');

/** User text in an option that must never reach a reader as markup: a broadcast, emphasis, a link. */
const EVIL_BITS = '<!channel> *bold* [link](http://x)';
const EVIL = [
  "Under the AWS shared responsibility model, which of the following is the customer's responsibility?",
  `A. Patching the guest operating system of Amazon EC2 instances ${EVIL_BITS}`,
  'B. Physical security of data centers',
  'C. Maintaining the hypervisor',
  'D. Replacing failed hardware',
].join('\n');

const slack = new SlackWebApiStandIn();
const connector = new TeamsConnectorStandIn();
let kb: KnowledgeBase;
let bot: Bot;
let dir: string;
let store: Store;
let adapter: SlackAdapter;
let server: Server;
let eventsUrl: string;
let teamsUrl: string;
let serviceUrl: string;
/** The one clock of the store and the bot: "due now" is this instant. */
let clock = new Date('2026-12-02T10:00:00.000Z');

beforeAll(async () => {
  await slack.start();
  ({ url: serviceUrl } = await connector.start());
  dir = mkdtempSync(join(tmpdir(), 'whosejob-exam-chat-'));
  const dbPath = join(dir, 'whosejob.db');
  store = await openStore({ DATABASE_PATH: dbPath }, () => clock);
  kb = loadKnowledgeBase();
  const log = createLogger('error', () => undefined);
  bot = new Bot(kb, { state: store, feedback: store, cards: store, exams: store, now: () => clock.getTime() });
  const config = loadConfig(
    { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.url, TEAMS_ENABLED: 'true', DATABASE_PATH: dbPath },
    null,
  );
  adapter = createSlackAdapter({ config, bot, store, log, retries: 0 });
  const teams = createTeamsAdapter(config, { bot, store, log });
  server = createHttpServer({ slack: adapter.requestListener, teams: teams.requestListener }, log);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  eventsUrl = `${base}/slack/events`;
  teamsUrl = `${base}/api/messages`;
});

afterAll(async () => {
  await adapter?.stop();
  if (server !== undefined)
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await store?.close();
  await slack.stop();
  await connector.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  slack.clear();
  connector.clear();
  clock = new Date(clock.getTime() + 60_000);
});

afterEach(() => {
  // Nothing sent to Slack that Slack would reject.
  expect(slack.rejectedByValidator().map((c) => c.problems)).toEqual([]);
  expect(slack.responses.map((r) => validateMessage(r.body as Record<string, unknown>))).toEqual(slack.responses.map(() => undefined));
});

/** How the bot answers an item (answers are deterministic): the picks and each option's reason. */
function answerOf(text: string): ExamAnswer {
  const item = parseExamItem(text);
  if (!item) throw new Error('not read as an exam item');
  return answerItem(kb, bot.interpreter, item);
}

// ------------------------------------------------------------------------------------------------------------
// Slack helpers

type Block = { type: string; text?: { type: string; text: string }; elements?: Array<Record<string, unknown>>; accessory?: Record<string, unknown> };
type SlackButton = { type: string; action_id: string; value?: string; text: { text: string } };
type SlackMessageJson = { text?: unknown; blocks?: unknown };

/** Blocks as Slack received them: a JSON string from some callers, an array from others. */
const blocksOf = (m: SlackMessageJson): Block[] => {
  const raw = typeof m.blocks === 'string' ? (JSON.parse(m.blocks) as unknown) : m.blocks;
  return Array.isArray(raw) ? (raw as Block[]) : [];
};

/** What a reader sees: the fallback text, section/header texts, context elements and button labels. */
function visibleText(m: SlackMessageJson): string {
  const out: string[] = typeof m.text === 'string' ? [m.text] : [];
  for (const b of blocksOf(m)) {
    if (b.text) out.push(b.text.text);
    for (const e of b.elements ?? []) {
      if (typeof e.text === 'string') out.push(e.text);
      else if (typeof (e.text as { text?: unknown } | undefined)?.text === 'string') out.push((e.text as { text: string }).text);
    }
    const accessory = b.accessory as { text?: { text?: string } } | undefined;
    if (typeof accessory?.text?.text === 'string') out.push(accessory.text.text);
  }
  return out.join('\n');
}

const header = (m: SlackMessageJson): string | undefined => blocksOf(m).find((b) => b.type === 'header')?.text?.text;

function slackButtons(m: SlackMessageJson): SlackButton[] {
  const out: SlackButton[] = [];
  for (const b of blocksOf(m)) {
    if (b.type === 'actions') out.push(...((b.elements ?? []) as unknown as SlackButton[]).filter((e) => e.type === 'button'));
    if (b.accessory?.type === 'button') out.push(b.accessory as unknown as SlackButton);
  }
  return out;
}

function slackButton(m: SlackMessageJson, label: string): SlackButton {
  const found = slackButtons(m).find((b) => b.text.text === label);
  if (!found) throw new Error(`no "${label}" button among ${slackButtons(m).map((b) => `"${b.text.text}"`).join(', ')}`);
  return found;
}

/** A DM to the bot; resolves with the message the bot posts in answer (the n-th chat.postMessage of the test). */
async function dm(text: string, user: string, n: number): Promise<RecordedCall> {
  const res = await postToApp(eventsUrl, { body: eventCallback(directMessage({ text, user, channel: dmOf(user) })), secret: SECRET });
  expect(res.status).toBe(200);
  const calls = await slack.waitFor('chat.postMessage', n, 10_000);
  return calls[n - 1]!;
}

const dmOf = (user: string): string => `D${user}`;

/** A click on a button of a message the bot posted in the user's DM, with a response_url from the stand-in. */
async function click(posted: RecordedCall, b: SlackButton, user: string, responseId: string): Promise<void> {
  const body = blockActions({
    actions: [{ action_id: b.action_id, value: b.value, text: b.text.text }],
    user,
    channel: dmOf(user),
    message: { ts: String(posted.response.ts), text: String(posted.args.text ?? ''), blocks: blocksOf(posted.args) },
    response_url: slack.responseUrl(responseId),
  });
  const res = await postToApp(eventsUrl, { body, contentType: FORM, secret: SECRET });
  expect(res.status).toBe(200);
}

// ------------------------------------------------------------------------------------------------------------
// Teams helpers

type CardJson = { type: string; body: Array<Record<string, unknown>>; actions: Array<Record<string, unknown>> };
type CardAction = { type: string; title: string; data?: unknown; card?: { body?: Array<Record<string, unknown>> } };

/** POSTs an inbound activity; the HTTP answer comes once the turn (and its connector calls) finished. */
async function teamsSend(activity: InboundActivity): Promise<ReceivedActivity[]> {
  const res = await postActivity(teamsUrl, activity);
  expect(res.status).toBe(200);
  return connector.received.filter((r) => r.activity.type === 'message' && (r.activity.replyToId === activity.id || r.replyToId === activity.id));
}

function cardOf(r: ReceivedActivity | undefined): CardJson {
  expect(r).toBeDefined();
  const attachments = r!.activity.attachments ?? [];
  expect(attachments).toHaveLength(1);
  expect(attachments[0]!.contentType).toBe(ADAPTIVE_CARD);
  return attachments[0]!.content as CardJson;
}

/** Every TextBlock's text in a list of card elements, wherever it sits. */
function textBlocks(elements: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
      for (const [k, v] of Object.entries(o)) if (k !== 'card' && k !== 'fallback') walk(v);
    }
  };
  walk(elements);
  return out;
}

/** What the stand-in's checks found wrong with the cards received (it checks a folded card as a card too). */
function cardProblems(): string[] {
  return connector.received.flatMap((r) => r.cardProblems);
}

/** The folded card of an Action.ShowCard checked as a card of its own: known elements only. */
const showCardProblems = (a: CardAction): string[] =>
  validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: a.card?.body ?? [] });

/** An Action.Execute click (a quiz answer): Teams sends an adaptiveCard/action invoke; the HTTP answer is the card for the clicker. */
async function execute(data: unknown, from: Account, conversationId: string): Promise<Record<string, unknown>> {
  const res = await postActivity(teamsUrl, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: nextActivityId(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from,
    recipient: { ...TEAMS_BOT },
    conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT_ID },
    value: { action: { type: 'Action.Execute', verb: 'whosejob', data }, trigger: 'manual' },
    channelData: { tenant: { id: TENANT_ID } },
  });
  expect(res.status).toBe(200);
  return res.json as Record<string, unknown>;
}

const actionOf = (a: { data?: unknown }): Action | undefined => decodeAction(a.data);

// ------------------------------------------------------------------------------------------------------------

describe('the items themselves', () => {
  test('the bot answers the items these tests paste as the model says', () => {
    expect(answerOf(SINGLE).choices).toEqual(['A']);
    expect([...answerOf(MULTI).choices].sort()).toEqual(['A', 'C']);
    expect([...answerOf(MULTI_LAST_SET).choices].sort()).toEqual(['C', 'D']);
    expect(answerOf(EVIL).choices).toEqual(['A']);
  });
});

describe('Slack', () => {
  test('a pasted item in a DM → the short answer with Show why and Add to my quiz; Show why replaces it with every reason; Add to my quiz, then quiz me asks it, and the right answer is Correct', async () => {
    const user = 'U0EXAM1';
    const answer = answerOf(SINGLE);
    const short = await dm(SINGLE, user, 1);
    expect(short.args.channel).toBe(dmOf(user));
    expect(header(short.args)).toBe('Practice question: A');
    const seen = visibleText(short.args);
    expect(seen).toContain('The answer is A.');
    // Each option marked, one line each…
    expect(seen).toContain('✓ A) Patching the guest operating system of Amazon EC2 instances');
    expect(seen).toContain('✗ B) Physical security of data centers');
    expect(seen).toContain('✗ C) Maintaining the hypervisor');
    expect(seen).toContain('✗ D) Replacing failed hardware');
    // …and no reason yet: not on screen, nor in any button's value.
    for (const o of answer.options) {
      expect(o.reason.length).toBeGreaterThan(0);
      expect(JSON.stringify(short.args)).not.toContain(o.reason);
    }
    const why = slackButton(short.args, 'Show why');
    const save = slackButton(short.args, 'Add to my quiz');
    for (const b of [why, save]) expect(b.action_id).toMatch(new RegExp(`^${ACTION.choice}_\\d+$`));
    const whyAction = decodeAction(why.value);
    const saveAction = decodeAction(save.value);
    expect(whyAction).toEqual({ kind: 'exam-why', itemId: expect.any(String) });
    expect(saveAction).toEqual({ kind: 'exam-save', itemId: expect.any(String) });
    if (whyAction?.kind !== 'exam-why' || saveAction?.kind !== 'exam-save') throw new Error('unexpected actions');
    expect(saveAction.itemId).toBe(whyAction.itemId);
    expect(await store.getExamItem(whyAction.itemId)).toBe(SINGLE); // kept, so the buttons work on any replica

    // Show why: the full answer in the short one's place, through the click's response_url.
    await click(short, why, user, 'why-1');
    const [full] = await slack.waitForResponse(1, 10_000);
    expect(full!.id).toBe('why-1');
    const body = full!.body as SlackMessageJson & { replace_original?: unknown; response_type?: unknown };
    expect(body.replace_original).toBe(true);
    expect(body.response_type).not.toBe('in_channel');
    const fullText = visibleText(body);
    for (const o of answer.options) expect(fullText).toContain(escapeMrkdwn(o.reason));
    // Each option's reason is a section of its own, headed by the option.
    const sections = blocksOf(body).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
    for (const o of answer.options) expect(sections.filter((s) => s.includes(`${o.letter}) `) && s.includes(escapeMrkdwn(o.reason)))).toHaveLength(1);
    expect(slackButtons(body).map((b) => b.text.text)).not.toContain('Show why');
    expect(slackButtons(body).map((b) => b.text.text)).toContain('Add to my quiz');
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1); // replaced, not posted again

    // Add to my quiz: said so in the DM.
    await click(short, save, user, 'save-1');
    const added = (await slack.waitFor('chat.postMessage', 2, 10_000))[1]!;
    expect(added.args.channel).toBe(dmOf(user));
    expect(visibleText(added.args)).toMatch(/Added to your quiz/);

    // quiz me: the saved item first (its card is due now), its options as the answers.
    clock = new Date(clock.getTime() + 1000);
    const question = await dm('quiz me', user, 3);
    expect(header(question.args)).toBe('Quiz');
    const stem = parseExamItem(SINGLE)!.stem;
    expect(visibleText(question.args)).toContain(stem);
    const answers = slackButtons(question.args).filter((b) => decodeAction(b.value)?.kind === 'quiz-answer');
    expect(answers.map((b) => b.text.text)).toEqual([
      'A) Patching the guest operating system of Amazon EC2 instances',
      'B) Physical security of data centers',
      'C) Maintaining the hypervisor',
      'D) Replacing failed hardware',
    ]);
    expect(answers.map((b) => decodeAction(b.value))).toEqual(answers.map((_, i) => ({ kind: 'quiz-answer', questionId: `x:${whyAction.itemId}`, choice: i })));

    await click(question, answers[0]!, user, 'answer-1');
    const verdict = (await slack.waitFor('chat.postMessage', 4, 10_000))[3]!;
    expect(header(verdict.args)).toBe('Correct!');
    expect(visibleText(verdict.args)).toContain('Correct — A) Patching the guest operating system of Amazon EC2 instances');
  });

  test('Add to my quiz a second time → it is in the quiz already; a wrong answer → Not quite, with the answer', async () => {
    const user = 'U0EXAM2';
    const short = await dm(SINGLE, user, 1);
    const save = slackButton(short.args, 'Add to my quiz');
    await click(short, save, user, 'save-2a');
    expect(visibleText((await slack.waitFor('chat.postMessage', 2, 10_000))[1]!.args)).toMatch(/Added to your quiz/);
    await click(short, save, user, 'save-2b');
    expect(visibleText((await slack.waitFor('chat.postMessage', 3, 10_000))[2]!.args)).toMatch(/in your quiz already/);

    const question = await dm('quiz me', user, 4);
    expect(visibleText(question.args)).toContain(parseExamItem(SINGLE)!.stem);
    const wrong = slackButton(question.args, 'B) Physical security of data centers');
    await click(question, wrong, user, 'answer-2');
    const verdict = (await slack.waitFor('chat.postMessage', 5, 10_000))[4]!;
    expect(header(verdict.args)).toBe('Not quite');
    expect(visibleText(verdict.args)).toContain('the answer is A) Patching the guest operating system of Amazon EC2 instances');
  });

  test('a (Select TWO.) item answered with two picks → saved → quiz me asks it with sets of letters ("A + C"), and A + C is Correct', async () => {
    const user = 'U0EXAM3';
    const short = await dm(MULTI, user, 1);
    expect(header(short.args)).toBe('Practice question: A, C');
    expect(visibleText(short.args)).toContain('The answers are A and C.');
    await click(short, slackButton(short.args, 'Add to my quiz'), user, 'save-3');
    expect(visibleText((await slack.waitFor('chat.postMessage', 2, 10_000))[1]!.args)).toMatch(/Added to your quiz/);

    const question = await dm('quiz me', user, 3);
    expect(header(question.args)).toBe('Quiz');
    const seen = visibleText(question.args);
    expect(seen).toContain(parseExamItem(MULTI)!.stem);
    // The options are listed in the question itself, since the buttons carry only letters.
    expect(seen).toContain('A) Patching the guest operating system of Amazon EC2 instances');
    expect(seen).toContain('C) Configuring security group rules');
    const labels = slackButtons(question.args)
      .filter((b) => decodeAction(b.value)?.kind === 'quiz-answer')
      .map((b) => b.text.text);
    expect(labels).toEqual(expect.arrayContaining(['A + B', 'A + C', 'A + D']));
    for (const l of labels) expect(l).toMatch(/^[A-D] \+ [A-D]$/);

    await click(question, slackButton(question.args, 'A + C'), user, 'answer-3');
    const verdict = (await slack.waitFor('chat.postMessage', 4, 10_000))[3]!;
    expect(header(verdict.args)).toBe('Correct!');
    expect(visibleText(verdict.args)).toContain('Correct — A + C');
  });

  test('a multi-answer item in the quiz: a button for every set of letters, so whatever the answer it can be clicked (here C + D, the sixth of six)', async () => {
    const user = 'U0EXAM4';
    const short = await dm(MULTI_LAST_SET, user, 1);
    expect(header(short.args)).toBe('Practice question: C, D');
    await click(short, slackButton(short.args, 'Add to my quiz'), user, 'save-4');
    expect(visibleText((await slack.waitFor('chat.postMessage', 2, 10_000))[1]!.args)).toMatch(/Added to your quiz/);

    const question = await dm('quiz me', user, 3);
    expect(visibleText(question.args)).toContain(parseExamItem(MULTI_LAST_SET)!.stem);
    const labels = slackButtons(question.args)
      .filter((b) => decodeAction(b.value)?.kind === 'quiz-answer')
      .map((b) => b.text.text);

    // Typed letters are an answer too.
    const typed = await dm('C and D', user, 4);
    expect(header(typed.args)).toBe('Correct!');

    // Six sets fit Slack's buttons (25 to an actions block): the right one, the last, must be among them.
    expect(labels).toContain('C + D');
    expect(labels).toEqual(['A + B', 'A + C', 'A + D', 'B + C', 'B + D', 'C + D']);
  });

  test('user text in an option is never echoed as markup: not in the short answer, not in the full one', async () => {
    const user = 'U0EXAM5';
    const short = await dm(EVIL, user, 1);
    expect(header(short.args)).toBe('Practice question: A');
    const why = slackButton(short.args, 'Show why');
    await click(short, why, user, 'why-5');
    const [full] = await slack.waitForResponse(1, 10_000);
    for (const m of [short.args as SlackMessageJson, full!.body as SlackMessageJson]) {
      // Everything that is displayed (fallback text and blocks), button values aside: Slack returns those
      // verbatim on a click and never renders them.
      const shown = JSON.stringify({ text: m.text, blocks: blocksOf(m).map((b) => ({ ...b, elements: b.elements?.map((e) => ({ ...e, value: undefined })) })) });
      expect(shown).not.toContain('<!channel>');
      expect(shown).not.toMatch(/<!(channel|here|everyone)/);
      expect(shown).not.toContain('<http://x'); // no Slack link made of the user's text
      // The text still shows, as typed.
      expect(visibleText(m)).toContain('&lt;!channel&gt; *bold* [link](http://x)');
    }
  });
});

describe('Teams', () => {
  test('a pasted item → a card with the options marked and an Action.ShowCard "Show why" holding every reason; Add to my quiz (Action.Submit) → added; quiz me asks it', async () => {
    const conversationId = personalConversationId();
    const answer = answerOf(SINGLE);
    const inbound = personalMessage({ text: SINGLE, serviceUrl, conversationId, from: ALICE });
    const [reply] = await teamsSend(inbound);
    const card = cardOf(reply);
    const body = textBlocks(card.body);
    expect(body).toContain('Practice question: A');
    expect(body).toContain('The answer is A.');
    expect(body.join('\n')).toContain('✓ A) Patching the guest operating system of Amazon EC2 instances');
    expect(body.join('\n')).toContain('✗ D) Replacing failed hardware');
    for (const o of answer.options) expect(body.join('\n')).not.toContain(o.reason); // folded away

    const showCards = (card.actions as CardAction[]).filter((a) => a.type === 'Action.ShowCard');
    expect(showCards.map((a) => a.title)).toEqual(['Show why']);
    const folded = textBlocks(showCards[0]!.card?.body).join('\n');
    for (const o of answer.options) expect(folded).toContain(o.reason);
    for (const o of answer.options) expect(folded).toContain(`${o.letter}) `);
    expect(showCardProblems(showCards[0]!)).toEqual([]);

    const buttons = cardActions<CardAction>(card as never);
    const save = buttons.find((a) => a.title === 'Add to my quiz');
    expect(save?.type).toBe('Action.Submit');
    const saveAction = actionOf(save!);
    expect(saveAction).toEqual({ kind: 'exam-save', itemId: expect.any(String) });
    expect(buttons.every((a) => a.type !== 'Action.Submit' || actionOf(a) !== undefined)).toBe(true);
    expect(reply!.activity.summary ?? '').not.toContain(answer.options[0]!.reason);

    // Teams sends the button's data back as the activity's value.
    const conversation = { id: conversationId, conversationType: 'personal' as const, tenantId: TENANT_ID };
    const [added] = await teamsSend(cardSubmit({ value: save!.data, replyToId: reply!.id, serviceUrl, conversation, from: ALICE }));
    expect(JSON.stringify(added!.activity)).toMatch(/Added to your quiz/);

    clock = new Date(clock.getTime() + 1000);
    const quizCard = cardOf((await teamsSend(personalMessage({ text: 'quiz me', serviceUrl, conversationId, from: ALICE })))[0]);
    expect(textBlocks(quizCard.body).join('\n')).toContain(parseExamItem(SINGLE)!.stem);
    const answers = cardActions<CardAction>(quizCard as never).filter((a) => actionOf(a)?.kind === 'quiz-answer');
    expect(answers.map((a) => a.title)).toEqual([
      'A) Patching the guest operating system of Amazon EC2 instances',
      'B) Physical security of data centers',
      'C) Maintaining the hypervisor',
      'D) Replacing failed hardware',
    ]);
    const verdict = await execute(answers[0]!.data, ALICE, conversationId);
    expect(JSON.stringify(verdict.value)).toContain('Correct!');

    expect(cardProblems()).toEqual([]);
  });

  test('a (Select TWO.) item saved from Teams → quiz me offers every set of letters', async () => {
    const conversationId = personalConversationId();
    const [reply] = await teamsSend(personalMessage({ text: MULTI_LAST_SET, serviceUrl, conversationId, from: BOB }));
    const card = cardOf(reply);
    expect(textBlocks(card.body)).toContain('Practice question: C, D');
    const save = cardActions<CardAction>(card as never).find((a) => a.title === 'Add to my quiz')!;
    const conversation = { id: conversationId, conversationType: 'personal' as const, tenantId: TENANT_ID };
    const [added] = await teamsSend(cardSubmit({ value: save.data, replyToId: reply!.id, serviceUrl, conversation, from: BOB }));
    expect(JSON.stringify(added!.activity)).toMatch(/Added to your quiz/);
    const quizCard = cardOf((await teamsSend(personalMessage({ text: 'quiz me', serviceUrl, conversationId, from: BOB })))[0]);
    const labels = cardActions<CardAction>(quizCard as never)
      .filter((a) => actionOf(a)?.kind === 'quiz-answer')
      .map((a) => a.title);
    expect(labels).toEqual(['A + B', 'A + C', 'A + D', 'B + C', 'B + D', 'C + D']);
    expect(cardProblems()).toEqual([]);
  });

  test('a five-option (Select TWO.) item whose answer is D + E, the last of ten sets → quiz me can be answered by a click', async () => {
    const conversationId = personalConversationId();
    const from = { id: '29:1carol', name: 'Carol', aadObjectId: '00000000-0000-0000-0000-0000000ca201' };
    expect([...answerOf(FIVE).choices].sort()).toEqual(['D', 'E']);
    const [reply] = await teamsSend(personalMessage({ text: FIVE, serviceUrl, conversationId, from }));
    const save = cardActions<CardAction>(cardOf(reply) as never).find((a) => a.title === 'Add to my quiz')!;
    const conversation = { id: conversationId, conversationType: 'personal' as const, tenantId: TENANT_ID };
    const [added] = await teamsSend(cardSubmit({ value: save.data, replyToId: reply!.id, serviceUrl, conversation, from }));
    expect(JSON.stringify(added!.activity)).toMatch(/Added to your quiz/);
    const quizCard = cardOf((await teamsSend(personalMessage({ text: 'quiz me', serviceUrl, conversationId, from })))[0]);
    expect(textBlocks(quizCard.body).join('\n')).toContain(parseExamItem(FIVE)!.stem);
    const labels = cardActions<CardAction>(quizCard as never)
      .filter((a) => actionOf(a)?.kind === 'quiz-answer')
      .map((a) => a.title);
    expect(labels).toContain('D + E');
    expect(cardProblems()).toEqual([]);
  });

  test('user text in an option is escaped in the card and in its folded reasons', async () => {
    const [reply] = await teamsSend(personalMessage({ text: EVIL, serviceUrl }));
    const card = cardOf(reply);
    const showCard = (card.actions as CardAction[]).find((a) => a.type === 'Action.ShowCard')!;
    expect(showCard).toBeDefined();
    const rendered = [
      ...textBlocks(card.body),
      ...textBlocks(showCard.card?.body),
      ...cardActions<CardAction>(card as never).map((a) => a.title),
      reply!.activity.summary ?? '',
      reply!.activity.text ?? '',
    ];
    const joined = rendered.join('\n');
    // The option shows, as typed: every markdown character backslash-escaped.
    expect(joined).toContain('\\<!channel\\> \\*bold\\* \\[link\\](http://x)');
    for (const text of rendered) {
      expect(text).not.toMatch(/(^|[^\\])<!channel/);
      expect(text).not.toMatch(/(^|[^\\])\*bold/);
      expect(text).not.toMatch(/(^|[^\\])\[link/);
      expect(text).not.toMatch(/(^|[^\\])\]\(http:\/\/x\)/);
    }
    expect(cardProblems()).toEqual([]);
  });
});
