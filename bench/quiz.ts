// npm run bench:quiz (also run by npm run bench): quiz answers recorded per second through the store
// (a SQLite file on disk, and PostgreSQL), and the time to post a day's question to 1,000 channels
// through the Slack Web API stand-in, without 429s (bounded by our code) and with them.
import { WebClient } from '@slack/web-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slackOutbox } from '../src/adapters/slack/outbox';
import { createLogger } from '../src/log';
import { loadKnowledgeBase } from '../src/nlu/knowledge-base';
import { DailyQuiz } from '../src/quiz/daily';
import { quizPool } from '../src/quiz/questions';
import { parseSchedule } from '../src/quiz/schedule';
import { openStore } from '../src/store/open';
import type { Store } from '../src/store/store';
import { freshPostgresUrl } from '../test/support/databases';
import { startPostgres, stopPostgres } from '../test/support/postgres';
import { SlackWebApiStandIn } from '../test/stand-ins/slack-web-api';

const ANSWERS = 20_000;
const CHANNELS = 1000;
const fmt = (n: number, digits = 0): string => n.toFixed(digits);


/** Answers as people give them: many people on a few posts, a few in flight at once (clicks arrive together). */
async function recordAnswers(store: Store, inFlight: number): Promise<number> {
  const posts: number[] = [];
  for (let d = 0; d < 20; d++) posts.push((await store.claimPost({ platform: 'slack', channel: 'C1', localDate: `2026-11-${String(d + 1).padStart(2, '0')}`, questionId: 'q' }, 60_000))!.id);
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (;;) {
        const i = next++;
        if (i >= ANSWERS) return;
        await store.recordAnswer({ postId: posts[i % posts.length]!, user: `U${Math.floor(i / posts.length)}`, choice: i % 3, correct: i % 3 === 0, at: new Date().toISOString() });
      }
    }),
  );
  return ANSWERS / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function postToChannels(standIn: SlackWebApiStandIn, rateLimits: number): Promise<{ seconds: number; retries: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-bench-quiz-'));
  let clock = new Date('2026-12-01T07:00:00.000Z');
  const store = await openStore({ DATABASE_PATH: join(dir, 'bench.db') }, () => clock);
  try {
    const client = new WebClient('xoxb-bench', { slackApiUrl: standIn.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    // The queue's waits are real here: a 429 costs the Retry-After it names.
    const quiz = new DailyQuiz({ store, outboxes: { slack: slackOutbox(client) }, bank: quizPool(loadKnowledgeBase()), now: () => clock, log: createLogger('error', () => undefined), concurrency: 16 });
    for (let i = 0; i < CHANNELS; i++) await quiz.schedule('slack', `C${i}`, parseSchedule('09:00 Europe/Berlin'));
    clock = new Date('2026-12-01T08:00:00.000Z');
    standIn.clear();
    for (let i = 0; i < rateLimits; i++) standIn.rateLimitNext('chat.postMessage', 1);
    const started = process.hrtime.bigint();
    await quiz.tick(CHANNELS);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const ok = standIn.callsTo('chat.postMessage').filter((c) => c.status === 200).length;
    if (ok !== CHANNELS) throw new Error(`posted ${ok} of ${CHANNELS}`);
    return { seconds, retries: standIn.callsTo('chat.postMessage').length - ok };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchQuiz(): Promise<void> {
  startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-bench-answers-'));
  try {
    console.log('\nquiz answers recorded (one INSERT … ON CONFLICT DO NOTHING each):');
    const sqlite = await openStore({ DATABASE_PATH: join(dir, 'answers.db') });
    const s = await recordAnswers(sqlite, 8);
    await sqlite.close();
    console.log(`  SQLite file:  ${fmt(s)} answers/s (target ≥ 5,000: ${s >= 5000 ? 'met' : 'NOT MET'})`);
    const pg = await openStore({ DATABASE_PATH: ':unused:', DATABASE_URL: await freshPostgresUrl() });
    const p = await recordAnswers(pg, 8);
    await pg.close();
    console.log(`  PostgreSQL:   ${fmt(p)} answers/s (8 in flight, local socket)`);

    const standIn = new SlackWebApiStandIn();
    await standIn.start();
    console.log(`\nthe day's question to ${CHANNELS} channels due at the same minute (16 in flight):`);
    const clean = await postToChannels(standIn, 0);
    console.log(`  no 429s:            ${fmt(clean.seconds, 2)} s (${fmt(CHANNELS / clean.seconds)} posts/s: our code's own bound)`);
    const limited = await postToChannels(standIn, 3);
    console.log(`  three 429s (1 s):   ${fmt(limited.seconds, 2)} s, ${limited.retries} calls retried, every channel posted once`);
    await standIn.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    stopPostgres();
  }
}

if (require.main === module)
  benchQuiz().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
