// npm run bench:slack — the Slack adapter under load, beside a bare Bolt app.
//
// Two apps live in this process, each mounted the same way (Bolt's HTTPReceiver.requestListener behind
// createHttpServer, on a port of its own):
//   (a) whosejob's full Slack adapter (createSlackAdapter: dedupe middleware, NLU, Block Kit, SQLite store);
//   (b) a bare Bolt app whose app_mention listener only says "ok" in the thread of the mention.
// Slack is played by two child processes, as it is other machines in production: the load generator
// (bench/slack-load-process.ts: signed app_mention events over keep-alive node:http, concurrency 16) and
// the Web API stand-in (bench/slack-stand-in-process.ts around test/stand-ins/slack-web-api.ts). So this
// process runs nothing but the app being measured.
//
// For each app: a warm-up of 200 events, then ROUNDS rounds of N events, the apps alternating round by round
// so that neither always gets the warmer JIT. Per round: acknowledgements per second and p50/p99 time to the
// HTTP 200 (measured by the load generator), and replies per second until the stand-in has recorded all N
// chat.postMessage calls. The table shows the median round; the verdict is the median of the per-round ratios
// (each of whosejob's rounds against the bare app's round beside it).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { RequestListener, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, HTTPReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import { createSlackAdapter } from '../src/adapters/slack/app';
import { loadConfig } from '../src/config';
import { Bot } from '../src/conversation/bot';
import { createHttpServer } from '../src/http/server';
import { loadKnowledgeBase } from '../src/nlu/knowledge-base';
import { PACKAGE_ROOT } from '../src/kb/load';
import { createLogger } from '../src/log';
import { openStore } from '../src/store/open';
import { FAKE_BOT_USER_ID } from '../test/stand-ins/slack-web-api';
import { pinToCore } from './pin-core';
import { loadQuestions } from './question-set';
import type { FromLoad, ToLoad } from './slack-load-process';
import type { FromStandIn, ToStandIn } from './slack-stand-in-process';

// Slack is another machine in production: the load generator and the Web API stand-in get a core of
// their own, and the apps being measured get the other, so neither steals the other's CPU.
const APP_CORE = 0;
const HELPER_CORE = 1;
const pin = pinToCore;
const pinned = pin(process.pid, APP_CORE);


const N = Number(process.env.BENCH_SLACK_N ?? 2000);
const WARM_UP = 200;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_SLACK_ROUNDS ?? 5);
const SECRET = 'bench-secret';
const TOKEN = 'xoxb-bench';
const REPLY_TIMEOUT_MS = 60_000;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

// ------------------------------------------------------------------------------------------------------------
// Child processes, spoken to over IPC with numbered requests

type Reply = { event: string; id?: number };

class Child<To extends object, From extends Reply> {
  private nextId = 0;
  private readonly waiting = new Map<string, (m: From) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: From) => {
      const key = `${m.event}:${m.id ?? ''}`;
      const resolve = this.waiting.get(key);
      this.waiting.delete(key);
      resolve?.(m);
    });
  }

  static async start<To extends object, From extends Reply>(file: string, ready: (m: From) => boolean): Promise<{ child: Child<To, From>; first: From }> {
    const proc = fork(join(__dirname, file), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    if (proc.pid !== undefined) pin(proc.pid, HELPER_CORE);
    const first = await new Promise<From>((resolve, reject) => {
      proc.once('error', reject);
      proc.once('exit', (code) => reject(new Error(`${file} exited early (${code})`)));
      const onMessage = (m: From): void => {
        if (!ready(m)) return;
        proc.off('message', onMessage);
        proc.removeAllListeners('exit');
        resolve(m);
      };
      proc.on('message', onMessage);
    });
    return { child: new Child<To, From>(proc), first };
  }

  id(): number {
    return ++this.nextId;
  }

  send(message: To): void {
    this.child.send(message);
  }

  /** Resolves with the next message `event` answering request `id`. */
  expect<E extends From>(event: E['event'], id: number): Promise<E> {
    return new Promise((resolve) => this.waiting.set(`${event}:${id}`, (m) => resolve(m as E)));
  }
}

// ------------------------------------------------------------------------------------------------------------
// The apps

interface Target {
  name: string;
  url: string;
  /** Texts to mention the bot with, cycled. */
  texts: string[];
  close(): Promise<void>;
  errors(): number;
}

async function listen(listener: RequestListener): Promise<{ url: string; server: Server; errors: () => number }> {
  let errors = 0;
  const log = createLogger('error', () => {
    errors++;
  });
  const server = createHttpServer({ slack: listener }, log);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, server, errors: () => errors };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function whosejobApp(apiUrl: string, dir: string): Promise<Target> {
  let logErrors = 0;
  const config = loadConfig({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl, LOG_LEVEL: 'error', DATABASE_PATH: join(dir, 'bench.db') }, null);
  const log = createLogger(config.LOG_LEVEL, (line) => {
    logErrors++;
    if (logErrors <= 5) process.stderr.write(`[whosejob] ${line}`);
  });
  const store = await openStore({ DATABASE_PATH: config.DATABASE_PATH });
  // As in production: each turn reads and writes its state in the store.
  const adapter = createSlackAdapter({ config, bot: new Bot(loadKnowledgeBase(), { state: store, feedback: store }), store, log, retries: 0 });
  if (!adapter.requestListener) throw new Error('the Slack adapter is not in HTTP mode');
  const { url, server, errors } = await listen(adapter.requestListener);
  return {
    name: 'whosejob',
    url,
    // the project's labelled questions, as Slack delivers a mention
    texts: loadQuestions(PACKAGE_ROOT).map((q) => `<@${FAKE_BOT_USER_ID}> ${q.q}`),
    errors: () => errors() + logErrors,
    close: async () => {
      await closeServer(server);
      await store.close();
    },
  };
}

/** Bolt's logger interface, counting errors and printing nothing. */
function quietBoltLogger(onError: () => void): BoltLogger {
  let level = LogLevel.ERROR;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => onError(),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

async function bareApp(apiUrl: string): Promise<Target> {
  let boltErrors = 0;
  const logger = quietBoltLogger(() => boltErrors++);
  const receiver = new HTTPReceiver({ signingSecret: SECRET, endpoints: '/slack/events', logger });
  const app = new App({ token: TOKEN, receiver, logger, clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 } } });
  app.event('app_mention', async ({ event, say }) => {
    await say({ text: 'ok', thread_ts: event.ts });
  });
  const { url, server, errors } = await listen(receiver.requestListener);
  return {
    name: 'bare Bolt app',
    url,
    texts: [`<@${FAKE_BOT_USER_ID}> who patches rds?`],
    errors: () => errors() + boltErrors,
    close: () => closeServer(server),
  };
}

// ------------------------------------------------------------------------------------------------------------
// Rounds

interface Round {
  ackPerSecond: number;
  p50: number;
  p99: number;
  repliesPerSecond: number;
  non200: number;
  /** Web API calls that failed, or that the stand-in's Block Kit validator rejected. */
  failedCalls: number;
  rejectedCalls: number;
  /** CPU time of this process (where only the app being measured runs) per event, in ms. */
  cpuPerEvent: number;
}

type StandIn = Child<ToStandIn, FromStandIn>;
type Load = Child<ToLoad, FromLoad>;

async function round(target: Target, standIn: StandIn, load: Load, count: number, offset: number): Promise<Round> {
  standIn.send({ cmd: 'clear' });
  const notifyId = standIn.id();
  const replies = standIn.expect<Extract<FromStandIn, { event: 'reached' }>>('reached', notifyId);
  standIn.send({ cmd: 'notify', id: notifyId, method: 'chat.postMessage', count, timeoutMs: REPLY_TIMEOUT_MS });

  const cpuBefore = process.cpuUsage();
  const runId = load.id();
  const started = load.expect('started', runId).then(() => performance.now());
  const done = load.expect<Extract<FromLoad, { event: 'done' }>>('done', runId);
  load.send({ cmd: 'run', id: runId, url: target.url, secret: SECRET, texts: target.texts, count, offset, concurrency: CONCURRENCY });

  const result = await done;
  if (result.error) throw new Error(`load generator: ${result.error}`);
  const reached = await replies;
  const replied = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  if (!reached.ok) throw new Error(`${target.name}: ${reached.error}`);

  const statsId = standIn.id();
  const statsReply = standIn.expect<Extract<FromStandIn, { event: 'stats' }>>('stats', statsId);
  standIn.send({ cmd: 'stats', id: statsId });
  const stats = await statsReply;

  const latencies = [...result.latencies].sort((a, b) => a - b);
  return {
    ackPerSecond: count / result.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    repliesPerSecond: count / ((replied - (await started)) / 1000),
    non200: result.non200,
    failedCalls: stats.failed,
    rejectedCalls: stats.rejected,
    cpuPerEvent: (cpu.user + cpu.system) / 1000 / count,
  };
}

function medianRound(rounds: Round[]): Round {
  const sum = (f: (r: Round) => number): number => rounds.reduce((n, r) => n + f(r), 0);
  return {
    ackPerSecond: median(rounds.map((r) => r.ackPerSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    repliesPerSecond: median(rounds.map((r) => r.repliesPerSecond)),
    non200: sum((r) => r.non200),
    failedCalls: sum((r) => r.failedCalls),
    rejectedCalls: sum((r) => r.rejectedCalls),
    cpuPerEvent: median(rounds.map((r) => r.cpuPerEvent)),
  };
}

async function main(): Promise<void> {
  const began = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-bench-slack-'));
  const { child: standIn, first } = await Child.start<ToStandIn, FromStandIn>('slack-stand-in-process.js', (m) => m.event === 'ready');
  const apiUrl = (first as Extract<FromStandIn, { event: 'ready' }>).url;
  const { child: load } = await Child.start<ToLoad, FromLoad>('slack-load-process.js', (m) => m.event === 'ready');
  const targets = [await whosejobApp(apiUrl, dir), await bareApp(apiUrl)];
  try {
    for (const t of targets) await round(t, standIn, load, WARM_UP, 0);
    const results = new Map<string, Round[]>(targets.map((t) => [t.name, []]));
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) results.get(t.name)!.push(await round(t, standIn, load, N, WARM_UP + r * N));
    }
    const [ours, bare] = targets.map((t) => medianRound(results.get(t.name)!)) as [Round, Round];
    // This machine's speed drifts between rounds by more than the gap measured; each round of whosejob is
    // paired with the bare app's round next to it, and the verdict is the median of those ratios.
    const [ourRounds, bareRounds] = targets.map((t) => results.get(t.name)!) as [Round[], Round[]];
    const paired = (f: (r: Round) => number): number[] => ourRounds.map((r, i) => f(r) / f(bareRounds[i]!));
    const ackRatio = median(paired((r) => r.ackPerSecond));
    const replyRatio = median(paired((r) => r.repliesPerSecond));
    const row = (name: string, r: Round): string =>
      `${name.padEnd(16)}${fmt(r.ackPerSecond, 0).padStart(10)}${fmt(r.p50, 2).padStart(10)}${fmt(r.p99, 2).padStart(10)}${fmt(r.repliesPerSecond, 0).padStart(14)}${fmt(r.cpuPerEvent, 3).padStart(12)}`;
    const lines = [
      `Slack adapter benchmark — node ${process.version}, ${N} app_mention events per round, concurrency ${CONCURRENCY}, warm-up ${WARM_UP}, median of ${ROUNDS} rounds`,
      '',
      `${''.padEnd(16)}${'events/s'.padStart(10)}${'p50 ack'.padStart(10)}${'p99 ack'.padStart(10)}${'replies/s'.padStart(14)}${'CPU/event'.padStart(12)}`,
      `${''.padEnd(16)}${'(acks)'.padStart(10)}${'(ms)'.padStart(10)}${'(ms)'.padStart(10)}${'(end to end)'.padStart(14)}${'(app, ms)'.padStart(12)}`,
      row('whosejob', ours),
      row('bare Bolt app', bare),
      `${'whosejob / bare'.padEnd(16)}${`${fmt(100 * ackRatio, 0)} %`.padStart(10)}${''.padStart(20)}${`${fmt(100 * replyRatio, 0)} %`.padStart(14)}   (median of the per-round ratios)`,
      `per round (replies/s): ${paired((r) => r.repliesPerSecond).map((x) => `${fmt(100 * x, 0)} %`).join(', ')}`,
      '',
      `throughput >= 80 % of the bare app (events/s)    ${fmt(100 * ackRatio, 0).padStart(4)} %   ${verdict(ackRatio >= 0.8)}`,
      `throughput >= 80 % of the bare app (replies/s)   ${fmt(100 * replyRatio, 0).padStart(4)} %   ${verdict(replyRatio >= 0.8)}`,
      `whosejob p99 ack < 50 ms                      ${fmt(ours.p99, 2).padStart(7)} ms   ${verdict(ours.p99 < 50)}`,
      '',
      `measured rounds, whosejob / bare: non-200 acks ${ours.non200} / ${bare.non200}; failed Web API calls ${ours.failedCalls} / ${bare.failedCalls}; ` +
        `rejected by the Block Kit validator ${ours.rejectedCalls} / ${bare.rejectedCalls}; error log lines ${targets[0]!.errors()} / ${targets[1]!.errors()}`,
      `wall time ${fmt((performance.now() - began) / 1000, 1)} s; load generator and Web API stand-in run in child processes, the apps alone in this one${pinned ? ' (apps pinned to core 0, the rest to core 1)' : ''}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (ours.non200 + bare.non200 + ours.failedCalls + bare.failedCalls + ours.rejectedCalls + bare.rejectedCalls > 0) process.exitCode = 1;
  } finally {
    for (const t of targets) await t.close();
    standIn.send({ cmd: 'stop' });
    load.send({ cmd: 'stop' });
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:slack failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
