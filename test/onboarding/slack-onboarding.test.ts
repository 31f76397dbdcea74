// Onboarding end to end in Slack: signed requests into the real Bolt app, the Web API stand-in, the store
// on a real SQLite file or PostgreSQL, a controlled clock. The whole path (start, a checkpoint missed
// then right, a restart of the app on the same database, resume, finish), one lesson a day across a
// daylight-saving change, reminders and "stop reminding me", the welcome on joining (once, and none
// when the option is off), and a lead's status listing and invitations.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSlackAdapter } from '../../src/adapters/slack/app';
import { loadConfig } from '../../src/config';
import { Bot } from '../../src/conversation/bot';
import { createHttpServer } from '../../src/http/server';
import { createLogger } from '../../src/log';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { Course } from '../../src/onboarding/course';
import { DailyQuiz, type DailyQuizDeps } from '../../src/quiz/daily';
import { quizPool } from '../../src/quiz/questions';
import { decodeAction, type Action } from '../../src/reply/action';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';
import { ENGINES, freshDatabase, type EngineName } from '../support/databases';
import { appMention, blockActions, directMessage, eventCallback, FORM, JSON_TYPE, postToApp } from '../stand-ins/slack-requests';
import { FAKE_BOT_USER_ID, SlackWebApiStandIn, type RecordedCall } from '../stand-ins/slack-web-api';

const SECRET = 'onboarding-secret';
const standIn = new SlackWebApiStandIn();
let kb: KnowledgeBase;

beforeAll(async () => {
  await standIn.start();
  kb = loadKnowledgeBase();
});
afterAll(async () => {
  await standIn.stop();
});

type Json = Record<string, unknown>;
const blocksOf = (args: Json): Json[] => (typeof args.blocks === 'string' ? (JSON.parse(args.blocks) as Json[]) : ((args.blocks as Json[]) ?? []));
const header = (args: Json): string => String(((blocksOf(args).find((b) => b.type === 'header')?.text as Json) ?? {}).text ?? '');
/** Every button of a message with its decoded action. */
function actions(args: Json): Array<{ id: string; value: string; action: Action; label: string }> {
  const out: Array<{ id: string; value: string; action: Action; label: string }> = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Json;
      if (o.type === 'button' && typeof o.value === 'string') {
        const action = decodeAction(o.value);
        if (action) out.push({ id: String(o.action_id), value: o.value, action, label: String((o.text as Json)?.text ?? '') });
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(blocksOf(args));
  return out;
}

describe.each(ENGINES)('onboarding in Slack on %s', (engine: EngineName) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let clock: Date;
  let app: { store: Store; server: Server; url: string; course: Course } | undefined;

  /** Starts the app on the database (again, for a restart). */
  async function start(onboardNewMembers = true): Promise<void> {
    const store = await openStore(db, () => clock);
    const log = createLogger('error', () => undefined);
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.url, DATABASE_PATH: db.DATABASE_PATH }, null);
    const outboxes: DailyQuizDeps['outboxes'] = {};
    const course = new Course({ store, lessons: kb.lessons, bank: quizPool(kb), outboxes, now: () => clock, log });
    const daily = new DailyQuiz({ store, outboxes, bank: quizPool(kb), now: () => clock, log });
    const bot = new Bot(kb, { state: store, feedback: store, cards: store, daily, course, now: () => clock.getTime() });
    const adapter = createSlackAdapter({ config, bot, store, log, retries: 0, onboardNewMembers });
    outboxes.slack = adapter.outbox;
    const server = createHttpServer({ slack: adapter.requestListener }, log);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    app = { store, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, course };
  }
  async function stop(): Promise<void> {
    if (!app) return;
    const { server, store } = app;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await store.close();
    app = undefined;
  }

  beforeEach(async () => {
    db = await freshDatabase(engine);
    clock = new Date('2026-03-26T10:00:00.000Z');
    standIn.clear();
    await start();
  });
  afterEach(async () => {
    await stop();
    db.cleanup();
  });

  const post = async (body: unknown, contentType = JSON_TYPE): Promise<void> => {
    const res = await postToApp(app!.url, { body: body as string | object, contentType, secret: SECRET });
    expect(res.status).toBe(200);
  };
  /** Says something in the person's DM with the bot; the reply is the newest postMessage. */
  async function dm(text: string, user = 'UNEW'): Promise<RecordedCall> {
    const before = standIn.callsTo('chat.postMessage').length;
    await post(eventCallback(directMessage({ text, user, channel: `D${user}` })));
    return (await standIn.waitFor('chat.postMessage', before + 1)).at(-1)!;
  }
  async function click(on: RecordedCall, pick: (a: Action) => boolean, user = 'UNEW'): Promise<RecordedCall> {
    const button = actions(on.args).find((b) => pick(b.action));
    if (!button) throw new Error(`no such button on "${header(on.args)}": ${actions(on.args).map((b) => b.label).join(', ')}`);
    const before = standIn.callsTo('chat.postMessage').length;
    await post(blockActions({ actions: [{ action_id: button.id, value: button.value }], user, channel: String(on.args.channel), message: { ts: String(on.response.ts) } }), FORM);
    return (await standIn.waitFor('chat.postMessage', before + 1)).at(-1)!;
  }

  test('the whole path: start, a checkpoint missed then right, restart, resume, finish with the score', async () => {
    const total = kb.lessons.length;
    let screen = await dm('onboard me');
    expect(header(screen.args)).toBe(`Lesson 1 of ${total}: ${kb.lessons[0]!.title}`);
    // Next: check yourself
    screen = await click(screen, (a) => a.kind === 'lesson' && a.step === 1);
    expect(header(screen.args)).toMatch(/^Check yourself: lesson 1/);
    const answers = actions(screen.args).filter((b) => b.action.kind === 'quiz-answer');
    const check = quizPool(kb).find((q) => q.id === kb.lessons[0]!.check)!;
    const wrongChoice = answers.map((b) => (b.action.kind === 'quiz-answer' ? b.action.choice : -1)).find((c) => c >= 0 && c !== check.answer)!;
    const verdict = await click(screen, (a) => a.kind === 'quiz-answer' && a.choice === wrongChoice);
    expect(header(verdict.args)).toBe('Not quite');
    // A miss offers the lesson again.
    expect(actions(verdict.args).map((b) => b.label)).toContain('Read the lesson again');
    const again = await click(verdict, (a) => a.kind === 'lesson' && a.lessonId === kb.lessons[0]!.id && a.step === 0);
    expect(header(again.args)).toMatch(/^Lesson 1 of/);
    const recheck = await click(again, (a) => a.kind === 'lesson' && a.step === 1);
    const right = await click(recheck, (a) => a.kind === 'quiz-answer' && a.choice === check.answer);
    expect(header(right.args)).toBe('Correct!');
    const lesson2 = await click(right, (a) => a.kind === 'lesson' && a.lessonId === kb.lessons[1]!.id);
    expect(header(lesson2.args)).toMatch(/^Lesson 2 of/);

    // The app stops and starts again on the same database: "where was I?" resumes at lesson 2.
    await stop();
    await start();
    let resumed = await dm('where was I?');
    expect(header(resumed.args)).toMatch(/^Lesson 2 of/);

    // Through to the end, answering every checkpoint right.
    for (let guard = 0; guard < 3 * total && !/complete/.test(header(resumed.args)); guard++) {
      const buttons = actions(resumed.args);
      const checkpoint = buttons.find((b) => b.action.kind === 'quiz-answer');
      if (checkpoint && checkpoint.action.kind === 'quiz-answer') {
        const q = quizPool(kb).find((x) => x.id === (checkpoint.action as { questionId: string }).questionId)!;
        resumed = await click(resumed, (a) => a.kind === 'quiz-answer' && a.choice === q.answer);
      } else {
        // The first button goes on: "Next: check yourself", "Next: <lesson>" or "Finish".
        const go = buttons[0]!.value;
        resumed = await click(resumed, (a) => JSON.stringify(a) === JSON.stringify(decodeAction(go)));
      }
    }
    expect(header(resumed.args)).toBe('Onboarding complete');
    const finish = JSON.stringify(blocksOf(resumed.args));
    const checked = kb.lessons.filter((l) => l.check).length;
    expect(finish).toContain(`${checked - 1} of ${checked} checkpoints right first time`);
    expect(finish).toContain(kb.lessons[0]!.title); // the missed lesson, to revisit
  });

  test('two clicks on Next at once move one step', async () => {
    const first = await dm('onboard me');
    const button = actions(first.args).find((b) => b.action.kind === 'lesson')!;
    const form = blockActions({ actions: [{ action_id: button.id, value: button.value }], user: 'UNEW', channel: 'DUNEW', message: { ts: String(first.response.ts) } });
    await Promise.all([post(form, FORM), post(form, FORM)]);
    await standIn.waitFor('chat.postMessage', 3);
    const progress = await app!.store.getProgress('slack', 'UNEW');
    expect(progress).toMatchObject({ lesson: 0, step: 1 });
  });

  test('"onboard me" in a channel sends the first lesson by DM', async () => {
    await post(eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> onboard me`, user: 'UNEW' })));
    const [first, second] = await standIn.waitFor('chat.postMessage', 2);
    const lesson = [first!, second!].find((c) => /^Lesson 1/.test(header(c.args)))!;
    expect(String(lesson.args.channel)).toMatch(/^D/);
    expect([first!, second!].some((c) => /direct message/.test(String(c.args.text)))).toBe(true);
  });

  test('one lesson a day at 09:00 in the person’s zone, across the March clock change', async () => {
    // The person's zone comes from Slack's users.info.
    standIn.respondTo('users.info', (args) => ({ ok: true, user: { id: String(args.user), name: 'new', tz: 'Europe/Berlin', is_bot: false, deleted: false } }));
    await dm('onboard me');
    clock = new Date('2026-03-26T10:00:00.000Z');
    const pace = await dm('one lesson a day');
    expect(String(pace.args.text)).toMatch(/every day at 09:00 \(Europe\/Berlin\)/);
    expect(await app!.store.getProgress('slack', 'UNEW')).toMatchObject({ timeZone: 'Europe/Berlin', nextAt: '2026-03-27T08:00:00.000Z' });
    const sent = (): number => standIn.callsTo('chat.postMessage').length;
    const at = sent();
    for (const [iso, expected] of [
      ['2026-03-27T07:59:00.000Z', 0], // 08:59 Berlin (winter time)
      ['2026-03-27T08:00:00.000Z', 1], // 09:00 Berlin
      ['2026-03-28T08:00:00.000Z', 2], // Saturday 09:00 Berlin
      ['2026-03-29T06:59:00.000Z', 2], // Sunday 08:59 Berlin: summer time began at 02:00
      ['2026-03-29T07:00:00.000Z', 3], // Sunday 09:00 Berlin is 07:00 UTC now
      ['2026-03-29T07:30:00.000Z', 3],
    ] as const) {
      clock = new Date(iso);
      await app!.course.tick();
      expect(sent() - at).toBe(expected);
    }
  });

  test('a gentle reminder after three days without progress, at most twice; "stop reminding me"', async () => {
    await dm('onboard me', 'USLOW');
    await dm('onboard me', 'UQUIET');
    // Reminders go through conversations.open, which names the DM channel the stand-in gave each person.
    const channelOf = (user: string): unknown => standIn.callsTo('conversations.open').find((c) => c.args.users === user)?.response.channel;
    const remindersTo = (user: string): number =>
      standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === (channelOf(user) as { id?: string } | undefined)?.id && /Shall we go on/.test(String(c.args.text))).length;
    clock = new Date('2026-03-29T09:00:00.000Z'); // two days, 23 hours
    await app!.course.tick();
    expect(remindersTo('USLOW')).toBe(0);
    clock = new Date('2026-03-29T10:00:01.000Z'); // three days
    await app!.course.tick();
    await app!.course.tick();
    expect(remindersTo('USLOW')).toBe(1);
    await dm('stop reminding me', 'UQUIET');
    for (const days of [6, 9, 12, 15]) {
      clock = new Date(Date.parse('2026-03-26T10:00:01.000Z') + days * 24 * 3600 * 1000);
      await app!.course.tick();
    }
    expect(remindersTo('USLOW')).toBe(2);
    expect(remindersTo('UQUIET')).toBe(1); // the first came before "stop reminding me", none after
  });

  test('a newcomer gets one welcome DM, however often Slack says so', async () => {
    const join = (id: string) => eventCallback({ type: 'team_join', user: { id, name: id.toLowerCase(), is_bot: false, deleted: false } });
    await post(join('UJOIN'));
    await post(join('UJOIN')); // a second delivery with a new event id
    await standIn.waitFor('chat.postMessage', 1);
    const welcomes = standIn.callsTo('chat.postMessage').filter((c) => /short course/.test(String(c.args.text)));
    expect(welcomes).toHaveLength(1);
    expect(standIn.callsTo('conversations.open')[0]!.args).toMatchObject({ users: 'UJOIN' });
  });

  test('no welcome when ONBOARD_NEW_MEMBERS is off', async () => {
    await stop();
    await start(false);
    await post(eventCallback({ type: 'team_join', user: { id: 'UJOIN2', name: 'x', is_bot: false, deleted: false } }));
    await post(eventCallback(directMessage({ text: 'hello', user: 'UOTHER', channel: 'DUOTHER' })));
    await standIn.waitFor('chat.postMessage', 1); // the hello's answer: everything before it was handled
    expect(standIn.callsTo('chat.postMessage').filter((c) => /short course/.test(String(c.args.text)))).toHaveLength(0);
  });

  test('a lead: "onboarding status" lists the channel’s people (not their answers), "onboarding invite" DMs each', async () => {
    standIn.respondTo('conversations.members', () => ({ ok: true, members: ['UANA', 'UBEN', 'UCY', FAKE_BOT_USER_ID], response_metadata: { next_cursor: '' } }));
    const names: Record<string, string> = { UANA: 'Ana', UBEN: 'Ben', UCY: 'Cy' };
    standIn.respondTo('users.info', (args) => ({ ok: true, user: { id: String(args.user), name: 'x', real_name: names[String(args.user)] ?? 'x', is_bot: args.user === FAKE_BOT_USER_ID, deleted: false } }));
    await dm('onboard me', 'UANA');
    await dm('onboard me', 'UBEN');
    const ben = (await app!.store.getProgress('slack', 'UBEN'))!;
    await app!.store.updateProgress({ ...ben, lesson: 3, movedAt: '2026-03-20T10:00:00.000Z', missed: ['big-idea'] });
    await post(eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> onboarding status`, user: 'ULEAD', channel: 'CTEAM' })));
    const status = (await standIn.waitFor('chat.postMessage', 3)).at(-1)!;
    const text = JSON.stringify(blocksOf(status.args));
    // People by their names in Slack.
    expect(text).toContain('Ana: at lesson 1 of');
    expect(text).toMatch(/Ben: stuck for 6 days, at lesson 4 of/);
    expect(text).toContain('Cy: not started');
    expect(text).not.toContain(FAKE_BOT_USER_ID);
    expect(text).not.toMatch(/big-idea|Not quite|wrong/i); // never anyone's answers

    await post(eventCallback(appMention({ text: `<@${FAKE_BOT_USER_ID}> onboarding invite <@UCY> <@UDAN|dan>`, user: 'ULEAD', channel: 'CTEAM' })));
    const confirm = (await standIn.waitFor('chat.postMessage', 6)).find((c) => /Sent 2 invitations/.test(String(c.args.text)));
    expect(confirm).toBeDefined();
    expect(standIn.callsTo('conversations.open').map((c) => c.args.users)).toEqual(expect.arrayContaining(['UCY', 'UDAN']));
  });
});
