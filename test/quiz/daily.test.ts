// The daily quiz end to end below the chat adapters: the real Slack outbox (WebClient) against the
// local Web API stand-in, the real store on a SQLite file or PostgreSQL, and a controlled clock (the
// queue's waits advance it; nothing sleeps).
import { WebClient } from '@slack/web-api';
import { slackOutbox } from '../../src/adapters/slack/outbox';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { createLogger } from '../../src/log';
import { DailyQuiz } from '../../src/quiz/daily';
import { quizPool, type QuizItem } from '../../src/quiz/questions';
import { parseSchedule } from '../../src/quiz/schedule';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';
import { ENGINES, freshDatabase, type EngineName } from '../support/databases';
import { SlackWebApiStandIn } from '../stand-ins/slack-web-api';

const standIn = new SlackWebApiStandIn();
let client: WebClient;
let bank: QuizItem[];

beforeAll(async () => {
  await standIn.start();
  client = new WebClient('xoxb-test', { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  bank = quizPool(loadKnowledgeBase());
});
afterAll(async () => {
  await standIn.stop();
});
beforeEach(() => standIn.clear());

describe.each(ENGINES)('the daily quiz on %s', (engine: EngineName) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let clock: Date;
  const stores: Store[] = [];
  const logs: Array<{ level: string; msg: string }> = [];

  /** A process: its own store connection and DailyQuiz, sharing the database and the clock. */
  async function replica(options: { claimLeaseMs?: number } = {}): Promise<{ quiz: DailyQuiz; store: Store }> {
    const store = await openStore(db, () => clock);
    stores.push(store);
    const log = createLogger('debug', (l) => logs.push(JSON.parse(l) as { level: string; msg: string }));
    const quiz = new DailyQuiz({
      store,
      outboxes: { slack: slackOutbox(client) },
      bank,
      now: () => clock,
      log,
      sleep: async (ms) => {
        clock = new Date(clock.getTime() + ms);
      },
      ...options,
    });
    return { quiz, store };
  }

  beforeEach(async () => {
    db = await freshDatabase(engine);
    clock = new Date('2026-12-01T07:00:00.000Z'); // 08:00 in Berlin, a Tuesday
    logs.length = 0;
  });
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    db.cleanup();
  });

  const posts = () => standIn.callsTo('chat.postMessage');
  const at = (iso: string) => (clock = new Date(iso));

  test('posted at 09:00 local, once however often the scheduler runs; the next day reveals it and posts the next', async () => {
    const { quiz } = await replica();
    await quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin weekdays'));
    await quiz.tick();
    expect(posts()).toHaveLength(0); // 08:00 Berlin: not yet
    at('2026-12-01T08:00:00.000Z');
    await quiz.tick();
    await quiz.tick();
    at('2026-12-01T08:00:30.000Z');
    await quiz.tick();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.args.channel).toBe('C1');
    expect(String(posts()[0]!.args.text)).toContain('Question of the day');
    at('2026-12-02T08:00:00.000Z');
    await quiz.tick();
    expect(posts()).toHaveLength(2);
    const [reveal] = standIn.callsTo('chat.update');
    expect(reveal!.args).toMatchObject({ channel: 'C1', ts: posts()[0]!.response?.ts ?? expect.any(String) });
    expect(String(reveal!.args.text)).toContain('the answer');
    // Two different questions on the two days.
    expect(posts()[0]!.args.text).not.toBe(posts()[1]!.args.text);
  });

  test('a restart in the posting minute, and two replicas due at once: one post', async () => {
    const a = await replica();
    const b = await replica();
    await a.quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin'));
    at('2026-12-01T08:00:00.000Z');
    await Promise.all([a.quiz.tick(), b.quiz.tick(), a.quiz.tick()]);
    const restarted = await replica();
    await restarted.quiz.tick();
    expect(posts()).toHaveLength(1);
  });

  test('a crash between the claim and the send: the post goes out once, after the lease', async () => {
    const { quiz, store } = await replica({ claimLeaseMs: 60_000 });
    await quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin'));
    at('2026-12-01T08:00:00.000Z');
    // The process that claimed today's post died before sending it (the claim is all it left).
    await store.claimPost({ platform: 'slack', channel: 'C1', localDate: '2026-12-01', questionId: bank[0]!.id }, 60_000);
    await quiz.tick();
    expect(posts()).toHaveLength(0); // within the lease the claimant may still be sending
    at('2026-12-01T08:01:01.000Z');
    await quiz.tick();
    at('2026-12-01T08:05:00.000Z');
    await quiz.tick();
    expect(posts()).toHaveLength(1);
    expect(String(posts()[0]!.args.text)).toContain(bank[0]!.question.slice(0, 40));
  });

  test('down at posting time: posted late the same day, never for a day already gone', async () => {
    const { quiz } = await replica();
    await quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin'));
    at('2026-12-01T14:00:00.000Z'); // back up at 15:00 Berlin
    await quiz.tick();
    expect(posts()).toHaveLength(1);
    at('2026-12-03T09:30:00.000Z'); // down all of the 2nd; back on the 3rd after 09:00
    await quiz.tick();
    expect(posts()).toHaveLength(2); // the 3rd's question only
    await quiz.tick();
    expect(posts()).toHaveLength(2);
  });

  test('removed from the channel: the schedule pauses and says so, instead of retrying forever', async () => {
    const { quiz } = await replica();
    await quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin'));
    at('2026-12-01T08:00:00.000Z');
    standIn.failNext('chat.postMessage', 'not_in_channel');
    await quiz.tick();
    expect(await quiz.status('slack', 'C1')).toMatch(/paused.*not_in_channel/);
    expect(logs.some((l) => l.level === 'warn' && /paused/.test(l.msg))).toBe(true);
    at('2026-12-02T08:00:00.000Z');
    await quiz.tick();
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1); // the failed attempt only
  });

  test('a set reveal hour: the answer at 17:00 local the same day, once', async () => {
    const { quiz } = await replica();
    await quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin reveal 17:00'));
    expect(await quiz.status('slack', 'C1')).toContain('answer at 17:00');
    at('2026-12-01T08:00:00.000Z');
    await quiz.tick();
    const reveals = () => standIn.callsTo('chat.update').filter((c) => String(c.args.text).includes('the answer'));
    at('2026-12-01T15:59:00.000Z'); // 16:59 Berlin
    await quiz.tick();
    expect(reveals()).toHaveLength(0);
    at('2026-12-01T16:00:00.000Z'); // 17:00 Berlin
    await quiz.tick();
    await quiz.tick();
    expect(reveals()).toHaveLength(1);
    expect(reveals()[0]!.args.ts).toBe(posts()[0]!.response.ts);
    at('2026-12-02T08:00:00.000Z');
    await quiz.tick(); // the next question does not reveal the first again
    expect(reveals()).toHaveLength(1);
  });

  test('a restart mid-day loses no answer: the new process knows who answered what', async () => {
    const first = await replica();
    await first.quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin'));
    at('2026-12-01T08:00:00.000Z');
    await first.quiz.tick();
    const [post] = await first.store.channelPosts('slack', 'C1', 1);
    expect((await first.quiz.answer(post!.id, 'U1', 0)).recorded).toBe(true);
    await first.store.close();
    stores.splice(stores.indexOf(first.store), 1);
    at('2026-12-01T12:00:00.000Z');
    const second = await replica();
    const again = await second.quiz.answer(post!.id, 'U1', 1);
    expect(again.recorded).toBe(false);
    expect(again.reply.summary).toMatch(/^You already answered A\)/);
    expect(await second.store.answersTo(post!.id)).toHaveLength(1);
  });

  test('each person answers once, even with concurrent clicks; a second click says which answer they gave', async () => {
    const { quiz, store } = await replica();
    await quiz.schedule('slack', 'C1', parseSchedule('09:00 Europe/Berlin'));
    at('2026-12-01T08:00:00.000Z');
    await quiz.tick();
    const [post] = await store.channelPosts('slack', 'C1', 1);
    const clicks = await Promise.all([0, 1, 0, 1, 0].map((choice) => quiz.answer(post!.id, 'U1', choice)));
    expect(clicks.filter((c) => c.recorded)).toHaveLength(1);
    const again = await quiz.answer(post!.id, 'U1', 1);
    expect(again.reply.summary).toMatch(/^You already answered [A-D]\)/);
    expect(await store.answersTo(post!.id)).toHaveLength(1);
    // The count on the post is updated, and not again within the throttle.
    expect(await quiz.refreshCount(post!)).toBe(true);
    expect(await quiz.refreshCount(post!)).toBe(false);
    expect(String(standIn.callsTo('chat.update')[0]!.args.text)).toContain('Question of the day');
  });
});

test('300 channels due at once through a stand-in that answers 429 now and then: each posted exactly once', async () => {
  const db = await freshDatabase('sqlite');
  let clock = new Date('2026-12-01T07:00:00.000Z');
  const store = await openStore(db, () => clock);
  try {
    const quiz = new DailyQuiz({
      store,
      outboxes: { slack: slackOutbox(client) },
      bank,
      now: () => clock,
      log: createLogger('error', () => undefined),
      sleep: async (ms) => {
        clock = new Date(clock.getTime() + ms);
      },
    });
    const channels = Array.from({ length: 300 }, (_, i) => `C${String(i).padStart(4, '0')}`);
    for (const c of channels) await quiz.schedule('slack', c, parseSchedule('09:00 Europe/Berlin'));
    clock = new Date('2026-12-01T08:00:00.000Z');
    for (let i = 0; i < 6; i++) standIn.rateLimitNext('chat.postMessage', 1 + (i % 3));
    await quiz.tick();
    const ok = standIn.callsTo('chat.postMessage').filter((c) => c.status === 200 && c.response?.ok === true);
    expect(ok.map((c) => c.args.channel).sort()).toEqual(channels);
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.status === 429).length).toBeGreaterThan(0);
  } finally {
    await store.close();
    db.cleanup();
  }
});
