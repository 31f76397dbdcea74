// Onboarding end to end in Teams: real activities POSTed to /api/messages (botbuilder's CloudAdapter in
// local mode), the Bot Connector stand-in catching every reply, proactive DM and created conversation, the
// store on a real SQLite file or PostgreSQL, a controlled clock. The same scenarios as the Slack test: the
// whole path in a personal chat (a checkpoint missed then right, a restart on the same database, "where
// was I?", the finish), "onboard me" in a channel going to the personal chat, one lesson a day at 09:00
// Berlin across the October clock change, reminders and "stop reminding me", the welcome when someone is
// added to a team (once, and none when off), and a lead's status (paged members, no answers) and invitations.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTeamsAdapter } from '../../src/adapters/teams/adapter';
import { loadConfig } from '../../src/config';
import { Bot } from '../../src/conversation/bot';
import { createHttpServer } from '../../src/http/server';
import { createLogger } from '../../src/log';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { Course } from '../../src/onboarding/course';
import { DailyQuiz, type DailyQuizDeps } from '../../src/quiz/daily';
import { quizPool, type QuizItem } from '../../src/quiz/questions';
import { decodeAction, type Action } from '../../src/reply/action';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';
import { ENGINES, freshDatabase, type EngineName } from '../support/databases';
import {
  BOT,
  cardSubmit,
  channelMention,
  installUpdate,
  nextActivityId,
  personalConversationId,
  personalMessage,
  postActivity,
  TEAM,
  TENANT_ID,
  type Account,
  type InboundActivity,
} from '../stand-ins/teams-activities';
import { ADAPTIVE_CARD, TeamsConnectorStandIn, type ReceivedActivity, type TeamsMember } from '../stand-ins/teams-connector';

const connector = new TeamsConnectorStandIn();
let serviceUrl: string;
let kb: KnowledgeBase;
let bank: QuizItem[];

beforeAll(async () => {
  ({ url: serviceUrl } = await connector.start());
  kb = loadKnowledgeBase();
  bank = quizPool(kb);
});
afterAll(async () => {
  await connector.stop();
});

const NIA: Account = { id: '29:1nia', name: 'Nia' };
const LEAD: Account = { id: '29:1lead', name: 'Lee' };
/** A channel of the team other than General: the bot has never been spoken to in it before. */
const ONBOARDING_CHANNEL = { id: '19:onboarding@thread.tacv2', name: 'Onboarding' };

type Json = Record<string, unknown>;
interface Button {
  title: string;
  type: string;
  verb?: string;
  data: unknown;
  action: Action;
}

const cardOf = (r: ReceivedActivity): Json => {
  const attachment = (r.activity.attachments ?? []).find((a) => a.contentType === ADAPTIVE_CARD);
  if (!attachment) throw new Error(`no Adaptive Card in ${r.activity.type} to ${r.conversationId}: ${r.activity.text ?? ''}`);
  return attachment.content as Json;
};
/** The card's heading (its Large TextBlock), as a person reads it. */
const title = (r: ReceivedActivity): string => {
  const block = (cardOf(r).body as Json[]).find((e) => e.type === 'TextBlock' && e.size === 'Large');
  return String(block?.text ?? '').replace(/\\(.)/g, '$1');
};
const textOf = (r: ReceivedActivity): string => JSON.stringify(cardOf(r)).replace(/\\\\(.)/g, '$1');
/** Every button of a card with the action it carries (the Action.Submit fallback of an Action.Execute is the same button). */
function buttons(r: ReceivedActivity): Button[] {
  const out: Button[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Json;
      if (typeof o.type === 'string' && o.type.startsWith('Action.') && 'data' in o) {
        const action = decodeAction(o.data);
        if (action) out.push({ title: String(o.title), type: o.type, verb: typeof o.verb === 'string' ? o.verb : undefined, data: o.data, action });
      }
      for (const [k, v] of Object.entries(o)) if (k !== 'fallback') walk(v);
    }
  };
  walk(cardOf(r).body);
  walk(cardOf(r).actions);
  return out;
}
const cards = (rs: ReceivedActivity[]): ReceivedActivity[] => rs.filter((r) => r.activity.type === 'message' && (r.activity.attachments ?? []).some((a) => a.contentType === ADAPTIVE_CARD));

describe.each(ENGINES)('onboarding in Teams on %s', (engine: EngineName) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let clock: Date;
  let app: { store: Store; server: Server; endpoint: string; course: Course } | undefined;
  /** Each person's personal chat with the bot (one id per person, as Teams keeps it). */
  let chats: Map<string, string>;
  const chatOf = (who: Account): string => {
    if (!chats.has(who.id)) chats.set(who.id, personalConversationId());
    return chats.get(who.id)!;
  };

  /** Starts the app on the database (again, for a restart): a new store, Course, Bot and Teams adapter. */
  async function start(onboardNewMembers = true): Promise<void> {
    const store = await openStore(db, () => clock);
    const log = createLogger('error', () => undefined);
    const config = loadConfig({ TEAMS_ENABLED: 'true', DATABASE_PATH: db.DATABASE_PATH }, null);
    const outboxes: DailyQuizDeps['outboxes'] = {};
    const course = new Course({ store, lessons: kb.lessons, bank, outboxes, now: () => clock, log });
    const daily = new DailyQuiz({ store, outboxes, bank, now: () => clock, log, sleep: async () => undefined });
    const bot = new Bot(kb, { state: store, feedback: store, cards: store, daily, course, now: () => clock.getTime() });
    const adapter = createTeamsAdapter(config, { bot, store, log, onboardNewMembers });
    outboxes.teams = adapter.outbox;
    const server = createHttpServer({ teams: adapter.requestListener }, log);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    app = { store, server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, course };
  }
  async function stop(): Promise<void> {
    if (!app) return;
    const { server, store } = app;
    app = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await store.close();
  }

  beforeEach(async () => {
    db = await freshDatabase(engine);
    clock = new Date('2026-10-01T10:00:00.000Z');
    chats = new Map();
    connector.clear();
    connector.maxPageSize = undefined;
    await start();
  });
  afterEach(async () => {
    await stop();
    db.cleanup();
    // Every card the bot sent is one Teams accepts.
    expect(connector.invalidCards().map((r) => r.cardProblems)).toEqual([]);
  });

  /** POSTs an activity; the HTTP answer comes once the turn and its connector calls are done. */
  async function send(activity: InboundActivity): Promise<ReceivedActivity[]> {
    const res = await postActivity(app!.endpoint, activity);
    expect(res.status).toBe(200);
    return cards(connector.received.filter((r) => r.activity.replyToId === activity.id || r.replyToId === activity.id));
  }
  /** The one card answering an activity. */
  async function answerTo(activity: InboundActivity): Promise<ReceivedActivity> {
    const replies = await send(activity);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  }
  /** Says something in the person's personal chat with the bot. */
  const say = (text: string, who: Account = NIA, timeZone?: string | null): Promise<ReceivedActivity> =>
    answerTo(personalMessage({ text, serviceUrl, from: who, conversationId: chatOf(who), timeZone }));
  /** Presses a button of a card in the person's personal chat: an Action.Submit carrying the button's data. */
  async function click(on: ReceivedActivity, pick: (a: Action) => boolean, who: Account = NIA): Promise<ReceivedActivity> {
    const button = buttons(on).find((b) => pick(b.action));
    if (!button) throw new Error(`no such button on "${title(on)}": ${buttons(on).map((b) => b.title).join(', ')}`);
    return answerTo(cardSubmit({ value: button.data, replyToId: on.id, serviceUrl, from: who, conversation: { id: on.conversationId, conversationType: 'personal', tenantId: TENANT_ID } }));
  }
  /** What reached a person's personal chat (or a chat created for them), in order. */
  const cardsIn = (conversationId: string): ReceivedActivity[] => cards(connector.received.filter((r) => r.conversationId === conversationId));
  /** Conversations the bot created with this person alone. */
  const createdFor = (user: string): string[] =>
    connector.created.filter((c) => JSON.stringify((c.parameters.members as Json[] | undefined)?.map((m) => m.id)) === JSON.stringify([user])).map((c) => c.id);
  const checkOf = (lessonIndex: number): QuizItem => bank.find((q) => q.id === kb.lessons[lessonIndex]!.check)!;

  test('the whole path in a personal chat: start, a checkpoint missed then right, restart, resume, finish with the score', async () => {
    const total = kb.lessons.length;
    let screen = await say('onboard me');
    expect(title(screen)).toBe(`Lesson 1 of ${total}: ${kb.lessons[0]!.title}`);
    expect(screen.conversationId).toBe(chatOf(NIA)); // answered in the personal chat itself
    screen = await click(screen, (a) => a.kind === 'lesson' && a.step === 1); // Next: check yourself
    expect(title(screen)).toMatch(/^Check yourself: lesson 1 of/);
    const check = checkOf(0);
    const answers = buttons(screen).filter((b) => b.action.kind === 'quiz-answer');
    expect(answers).toHaveLength(check.choices.length);
    const wrong = check.choices.findIndex((_, i) => i !== check.answer);
    const verdict = await click(screen, (a) => a.kind === 'quiz-answer' && a.choice === wrong);
    expect(title(verdict)).toBe('Not quite');
    // A miss offers the lesson again.
    expect(buttons(verdict).map((b) => b.title)).toContain('Read the lesson again');
    const again = await click(verdict, (a) => a.kind === 'lesson' && a.lessonId === kb.lessons[0]!.id && a.step === 0);
    expect(title(again)).toMatch(/^Lesson 1 of/);
    const recheck = await click(again, (a) => a.kind === 'lesson' && a.step === 1);
    const right = await click(recheck, (a) => a.kind === 'quiz-answer' && a.choice === check.answer);
    expect(title(right)).toBe('Correct!');
    const lesson2 = await click(right, (a) => a.kind === 'lesson' && a.lessonId === kb.lessons[1]!.id);
    expect(title(lesson2)).toBe(`Lesson 2 of ${total}: ${kb.lessons[1]!.title}`);

    // The app stops and starts again on the same database: "where was I?" resumes at lesson 2.
    await stop();
    await start();
    let resumed = await say('where was I?');
    expect(title(resumed)).toBe(`Lesson 2 of ${total}: ${kb.lessons[1]!.title}`);

    // Through to the end, answering every checkpoint right.
    for (let guard = 0; guard < 3 * total && title(resumed) !== 'Onboarding complete'; guard++) {
      const checkpoint = buttons(resumed).find((b) => b.action.kind === 'quiz-answer');
      if (checkpoint?.action.kind === 'quiz-answer') {
        const q = bank.find((x) => x.id === (checkpoint.action as { questionId: string }).questionId)!;
        resumed = await click(resumed, (a) => a.kind === 'quiz-answer' && a.choice === q.answer);
      } else {
        // The first button goes on: "Next: check yourself", "Next: <lesson>" or "Finish".
        const go = JSON.stringify(buttons(resumed)[0]!.action);
        resumed = await click(resumed, (a) => JSON.stringify(a) === go);
      }
    }
    expect(title(resumed)).toBe('Onboarding complete');
    const checked = kb.lessons.filter((l) => l.check).length;
    expect(textOf(resumed)).toContain(`${checked - 1} of ${checked} checkpoints right first time`);
    expect(textOf(resumed)).toContain(kb.lessons[0]!.title); // the missed lesson, to revisit
    expect(buttons(resumed).map((b) => b.title)).toContain(`Revisit: ${kb.lessons[0]!.title}`);
    // Everything went to the personal chat, nothing anywhere else.
    expect(new Set(connector.received.map((r) => r.conversationId))).toEqual(new Set([chatOf(NIA)]));
  });

  test('a checkpoint answered by Action.Execute: the verdict comes back in the invoke response', async () => {
    const lesson = await say('onboard me');
    const checkpoint = await click(lesson, (a) => a.kind === 'lesson' && a.step === 1);
    const check = checkOf(0);
    const button = buttons(checkpoint).find((b) => b.action.kind === 'quiz-answer' && b.action.choice === check.answer)!;
    expect(button.type).toBe('Action.Execute');
    const before = connector.received.length;
    const res = await postActivity(app!.endpoint, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: nextActivityId(),
      timestamp: clock.toISOString(),
      serviceUrl,
      channelId: 'msteams',
      from: NIA,
      recipient: BOT,
      replyToId: checkpoint.id,
      conversation: { id: chatOf(NIA), conversationType: 'personal', tenantId: TENANT_ID },
      value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
      channelData: { tenant: { id: TENANT_ID } },
    });
    expect(res.status).toBe(200);
    const body = res.json as { statusCode: number; type: string; value: Json };
    expect(body).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD });
    expect(JSON.stringify(body.value)).toContain('Correct!');
    expect(connector.received.length).toBe(before); // nothing else posted
    expect((await app!.store.getProgress('teams', NIA.id))?.passed).toEqual([kb.lessons[0]!.id]);
  });

  test('"onboard me" @mentioning the bot in a channel sends the first lesson to the personal chat and says so', async () => {
    await say('hello'); // the person's personal chat is known from here on
    connector.clear();
    const mention = channelMention({ text: '<at>whosejob</at> onboard me', serviceUrl, from: NIA });
    const [inChannel] = await send(mention);
    expect(inChannel!.conversationId).toBe(mention.conversation.id); // the answer in the channel's thread
    expect(textOf(inChannel!)).toMatch(/direct message/);
    expect(title(inChannel!)).not.toMatch(/^Lesson/);
    const dm = cardsIn(chatOf(NIA));
    expect(dm).toHaveLength(1);
    expect(title(dm[0]!)).toBe(`Lesson 1 of ${kb.lessons.length}: ${kb.lessons[0]!.title}`);
    expect(dm[0]!.route).toBe('send'); // a new message in the chat, not a reply to an old one
    // Its buttons go on in the personal chat.
    const check = await click(dm[0]!, (a) => a.kind === 'lesson' && a.step === 1);
    expect(title(check)).toMatch(/^Check yourself: lesson 1/);
  });

  test('one lesson a day at 09:00 Berlin (the zone from clientInfo), across the October clock change', async () => {
    clock = new Date('2026-10-23T10:00:00.000Z'); // Friday, summer time (UTC+2)
    await say('onboard me', NIA, null); // no clientInfo: the zone is not known yet
    const pace = await say('one lesson a day', NIA, 'Europe/Berlin');
    expect(textOf(pace)).toMatch(/every day at 09:00 \(Europe\/Berlin\)/);
    expect((await app!.store.getProgress('teams', NIA.id))?.timeZone).toBe('Europe/Berlin');
    const lessons = (): ReceivedActivity[] => cardsIn(chatOf(NIA)).filter((r) => r.route === 'send' && /^Lesson \d+ of/.test(title(r)));
    for (const [iso, expected] of [
      ['2026-10-24T06:59:00.000Z', 0], // Saturday 08:59 Berlin (summer time)
      ['2026-10-24T07:00:00.000Z', 1], // Saturday 09:00 Berlin
      ['2026-10-24T07:00:30.000Z', 1], // the same minute again: no second lesson
      ['2026-10-25T06:59:00.000Z', 1], // Sunday 07:59 Berlin: winter time began at 03:00
      ['2026-10-25T07:00:00.000Z', 1], // Sunday 08:00 Berlin (09:00 had the clocks not changed)
      ['2026-10-25T07:59:00.000Z', 1], // Sunday 08:59 Berlin
      ['2026-10-25T08:00:00.000Z', 2], // Sunday 09:00 Berlin is 08:00 UTC now
      ['2026-10-25T20:00:00.000Z', 2],
      ['2026-10-26T07:59:00.000Z', 2], // Monday 08:59 Berlin
      ['2026-10-26T08:00:00.000Z', 3], // Monday 09:00 Berlin
    ] as const) {
      clock = new Date(iso);
      await app!.course.tick();
      expect([iso, lessons().length]).toEqual([iso, expected]);
    }
    // Each went through the connector to the person's own chat, nowhere else.
    expect(connector.received.every((r) => r.conversationId === chatOf(NIA))).toBe(true);
  });

  test('a gentle reminder after three quiet days, at most two; none after "stop reminding me"', async () => {
    const SLOW: Account = { id: '29:1slow', name: 'Sam' };
    const QUIET: Account = { id: '29:1quiet', name: 'Quinn' };
    await say('onboard me', SLOW);
    await say('onboard me', QUIET);
    const remindersTo = (who: Account): number => cardsIn(chatOf(who)).filter((r) => title(r) === 'Shall we go on?').length;
    clock = new Date('2026-10-04T09:59:59.000Z'); // one second short of three days
    await app!.course.tick();
    expect([remindersTo(SLOW), remindersTo(QUIET)]).toEqual([0, 0]);
    clock = new Date('2026-10-04T10:00:01.000Z'); // three days
    await app!.course.tick();
    await app!.course.tick();
    expect([remindersTo(SLOW), remindersTo(QUIET)]).toEqual([1, 1]);
    const reminder = cardsIn(chatOf(SLOW)).find((r) => title(r) === 'Shall we go on?')!;
    expect(buttons(reminder).map((b) => b.title)).toEqual(expect.arrayContaining(['Carry on', 'Stop reminding me']));
    await say('stop reminding me', QUIET);
    for (const days of [6, 9, 12, 15, 30]) {
      clock = new Date(Date.parse('2026-10-01T10:00:01.000Z') + days * 24 * 3600 * 1000);
      await app!.course.tick();
    }
    expect(remindersTo(SLOW)).toBe(2);
    expect(remindersTo(QUIET)).toBe(1); // the first came before "stop reminding me", none after
  });

  test('someone added to a team gets one welcome in a 1:1 chat the bot creates, however often Teams says so', async () => {
    const JOINER: Account = { id: '29:1joiner', name: 'Jo' };
    const added = (): InboundActivity => installUpdate({ serviceUrl, conversationType: 'channel', membersAdded: [{ id: JOINER.id }], from: NIA });
    expect(await send(added())).toEqual([]); // nothing said in the team's channel
    expect(connector.created).toHaveLength(1);
    expect(connector.created[0]!.parameters).toMatchObject({ isGroup: false, members: [{ id: JOINER.id }], tenantId: TENANT_ID, bot: { id: BOT.id } });
    const welcome = cardsIn(connector.created[0]!.id);
    expect(welcome).toHaveLength(1);
    expect(textOf(welcome[0]!)).toMatch(/short course/);
    // Its buttons start the lessons.
    expect(buttons(welcome[0]!).map((b) => b.action)).toEqual(expect.arrayContaining([{ kind: 'ask', question: 'onboard me' }]));

    await send(added()); // Teams tells again (or they are added to a second team)
    expect(connector.created).toHaveLength(1);
    expect(cards(connector.received)).toHaveLength(1);
  });

  // KNOWN BUG (src/adapters/teams/bot.ts onMembersAdded): every added member but this bot is welcomed, other
  // bots ("28:…") included: a 1:1 conversation is created with the bot and the invitation sent to it. Slack
  // skips is_bot. Remove `.failing` once fixed.
  test('another bot added to a team gets no welcome', async () => {
    expect(await send(installUpdate({ serviceUrl, conversationType: 'channel', membersAdded: [{ id: '28:another-bot' }], from: NIA }))).toEqual([]);
    expect(connector.created).toEqual([]);
    expect(cards(connector.received)).toEqual([]);
  });

  test('no welcome when ONBOARD_NEW_MEMBERS is off', async () => {
    await stop();
    await start(false);
    expect(await send(installUpdate({ serviceUrl, conversationType: 'channel', membersAdded: [{ id: '29:1joiner2' }], from: NIA }))).toEqual([]);
    expect(connector.created).toEqual([]);
    expect(connector.received).toEqual([]);
  });

  const ANA: TeamsMember = { id: '29:1ana', name: 'Ana' };
  const BEN: TeamsMember = { id: '29:1ben', name: 'Ben' };
  const CY: TeamsMember = { id: '29:1cy', name: 'Cy' };
  const DAN: TeamsMember = { id: '29:1dan', name: 'Dan' };
  const inChannel = (text: string): InboundActivity => channelMention({ text: `<at>whosejob</at> ${text}`, serviceUrl, from: LEAD, channel: ONBOARDING_CHANNEL, team: TEAM });

  /** Ana at lesson 1, Ben stuck at lesson 4 for six days after missing a checkpoint, Cy not started. */
  async function teamWithProgress(): Promise<void> {
    connector.members = [ANA, BEN, CY, { id: LEAD.id, name: LEAD.name! }];
    connector.maxPageSize = 2; // the roster comes in two pages
    await say('onboard me', ANA);
    await say('onboard me', BEN);
    const ben = (await app!.store.getProgress('teams', BEN.id))!;
    await app!.store.updateProgress({ ...ben, lesson: 3, movedAt: '2026-09-25T10:00:00.000Z', missed: [kb.lessons[0]!.id] });
  }
  function expectStatus(status: ReceivedActivity): void {
    const text = textOf(status);
    // People by the names the roster gives them.
    expect(text).toContain(`${ANA.name}: at lesson 1 of`);
    expect(text).toContain(`${BEN.name}: stuck for 6 days, at lesson 4 of`);
    expect(text).toContain(`${CY.name}: not started`);
    expect(text).not.toMatch(/Not quite|Correct|wrong|right first time/i); // never anyone's answers
    expect(text).not.toContain(kb.lessons[0]!.title); // not even which checkpoint was missed
  }

  test('a lead: "onboarding status" lists the team’s people from paged members (never their answers)', async () => {
    await teamWithProgress();
    await answerTo(inChannel('hello')); // the bot has been spoken to in this channel before
    connector.clear();
    const status = await answerTo(inChannel('onboarding status'));
    expect(connector.requests.filter((r) => r.method === 'GET' && /\/pagedmembers$/.test(r.path))).toHaveLength(2);
    expectStatus(status);
  });

  // KNOWN BUG (src/adapters/teams/bot.ts answer): the channel's conversation reference is stored only after the
  // turn's reply, and the outbox's members() needs it, so the first "onboarding status" in a channel answers "I
  // could not list the members of this channel" without asking the connector. Remove `.failing` once fixed.
  test('a lead: "onboarding status" as the first words to the bot in a channel', async () => {
    await teamWithProgress();
    connector.clear();
    const status = await answerTo(inChannel('onboarding status'));
    expect(connector.requests.filter((r) => r.method === 'GET' && /\/pagedmembers$/.test(r.path))).toHaveLength(2);
    expectStatus(status);
  });

  const invitationsTo = (who: Account): ReceivedActivity[] =>
    [chatOf(who), ...createdFor(who.id)].flatMap((c) => cardsIn(c)).filter((r) => /short course/.test(textOf(r)));
  async function invite(): Promise<ReceivedActivity> {
    const activity = inChannel('onboarding invite <at>Cy</at> <at>Dan</at>');
    // The mention entities carry the people's ids.
    expect((activity.entities ?? []).filter((e) => e.type === 'mention').map((e) => (e.mentioned as { id: string }).id)).toEqual([BOT.id, CY.id, DAN.id]);
    return answerTo(activity);
  }

  test('a lead: "onboarding invite @a @b" sends each an invitation by direct message', async () => {
    connector.members = [CY, DAN, { id: LEAD.id, name: LEAD.name! }];
    await say('hello', CY);
    await say('hello', DAN);
    connector.clear();
    const confirm = await invite();
    expect(textOf(confirm)).toMatch(/Sent 2 invitations by direct message\./);
    expect(invitationsTo(CY)).toHaveLength(1);
    expect(invitationsTo(DAN)).toHaveLength(1);
    expect(buttons(invitationsTo(DAN)[0]!).map((b) => b.action)).toEqual(expect.arrayContaining([{ kind: 'ask', question: 'onboard me' }]));
  });

  // KNOWN BUG (src/onboarding/course.ts invite → src/adapters/teams/outbox.ts dm): a Teams DM needs the stored
  // reference of the person's personal chat, so someone who never wrote to the bot (the usual invitee) is "could
  // not reach"; the newcomer welcome creates the 1:1 conversation for such a person, invitations do not.
  // Remove `.failing` once fixed.
  test('a lead: "onboarding invite" reaches someone who never wrote to the bot', async () => {
    connector.members = [CY, DAN, { id: LEAD.id, name: LEAD.name! }];
    await say('hello', CY); // Cy has talked to the bot before; Dan never has
    connector.clear();
    const confirm = await invite();
    expect(textOf(confirm)).toMatch(/Sent 2 invitations by direct message\./);
    expect(invitationsTo(CY)).toHaveLength(1);
    expect(invitationsTo(DAN)).toHaveLength(1);
  });
});
