// npm run bench:teams — whosejob's Teams adapter against a bare botbuilder bot, both behind node:http and both
// replying through the same local Bot Connector stand-in (test/stand-ins/teams-connector.ts).
//
//   (a) whosejob:  createHttpServer + createTeamsAdapter in unauthenticated mode, SQLite store in a temp dir.
//                  Per message: NLU + answer + Adaptive Card (1 connector call; "typing…" is only sent by
//                  botbuilder's ShowTypingMiddleware for answers slower than 500 ms, and these are instant),
//                  and the conversation reference stored in SQLite when it is new.
//   (b) bare:      CloudAdapter + ActivityHandler whose onMessage does `await context.sendActivity('ok')`
//                  (1 connector call), mounted with the same request shim idea.
//   (b') bare+card: the bare bot replying with a fixed whosejob card (same wire traffic as whosejob, none of
//                  its work: no NLU, no rendering, no SQLite) — shown for reference.
//
// For each: WARMUP personal-message activities (enough for the NLU's code to be optimised, as in a running
// server), then N at CONCURRENCY, timed from the POST to /api/messages until
// its HTTP response (botbuilder answers after the turn, i.e. after the connector accepted the replies); then we
// wait until the connector has recorded every reply. ROUNDS rounds, alternating bots; the median round is shown,
// and each bot's process reports its CPU time per message. PASS when the median of the per-round ratios (whosejob's
// throughput over the bare bot's in the same round) is at least 80 %.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/kb/load';
import { personalMessage, type InboundActivity } from '../test/stand-ins/teams-activities';
import { TeamsConnectorStandIn } from '../test/stand-ins/teams-connector';
import { keepAliveAgent, post } from './keep-alive-post';
import { pinToCore } from './pin-core';
import { loadQuestions } from './question-set';
import { BOT_NAMES, SAMPLE_QUESTION, type BotName, type BotTarget, type FromBots, type ToBots } from './teams-bots-process';

// Teams' connector is another machine in production: the bots get one core, the connector stand-in
// and the load generator the other.
const pin = pinToCore;

const N = Number(process.env.BENCH_TEAMS_N ?? 1000);
const WARMUP = Number(process.env.BENCH_TEAMS_WARMUP ?? 1000);
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_TEAMS_ROUNDS ?? 11);
const CONVERSATIONS = 64;
const TARGET_RATIO = 0.8;
const JSON_HEADERS = { 'content-type': 'application/json' };

type Target = BotTarget;

/** A bot's process, spoken to over IPC. */
class BotProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly target: Target,
    readonly cardBytes: number,
  ) {}

  static async start(name: BotName, pinned: boolean): Promise<BotProcess> {
    const child = fork(join(__dirname, 'teams-bots-process.js'), [name], { execArgv: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    if (pinned && child.pid !== undefined) pin(child.pid, 0);
    const ready = await BotProcess.next(child, 'ready');
    return new BotProcess(child, ready.targets[0]!, ready.cardBytes);
  }

  private static next<T extends FromBots['event']>(child: ChildProcess, event: T): Promise<Extract<FromBots, { event: T }>> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`a bot process exited (${code})`));
      const on = (m: FromBots): void => {
        if (m.event !== event) return;
        child.off('message', on);
        child.off('exit', onExit);
        resolve(m as Extract<FromBots, { event: T }>);
      };
      child.on('message', on);
      child.once('exit', onExit);
    });
  }

  private ask<T extends FromBots['event']>(cmd: ToBots, event: T): Promise<Extract<FromBots, { event: T }>> {
    const reply = BotProcess.next(this.child, event);
    this.child.send(cmd);
    return reply;
  }

  /** CPU time the process has used so far, in microseconds. */
  async cpu(): Promise<number> {
    return (await this.ask({ cmd: 'cpu' }, 'cpu')).micros;
  }

  async errors(): Promise<Record<string, number>> {
    return (await this.ask({ cmd: 'errors' }, 'errors')).counts;
  }

  stop(): void {
    this.child.send({ cmd: 'stop' });
  }
}

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
  /** Time from the last HTTP response until the connector had every reply (0 when it already had them). */
  drainMs: number;
  failures: number;
  /** CPU time of the bot's own process per message, in ms. */
  cpuPerMessage: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = <T>(xs: T[], key: (x: T) => number): T => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;

async function run(target: Target, connector: TeamsConnectorStandIn, activities: InboundActivity[], cpu: () => Promise<number>): Promise<Result> {
  connector.clear();
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const agent = keepAliveAgent(CONCURRENCY);
  const url = new URL(target.url);
  const bodies = activities.map((a) => JSON.stringify(a));
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const t = process.hrtime.bigint();
      try {
        if ((await post(agent, url, JSON_HEADERS, body)) !== 200) failures++;
      } catch {
        failures++;
      }
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  const cpuBefore = await cpu();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const answered = process.hrtime.bigint();
  await connector.waitFor(activities.length, (r) => r.activity.type === 'message', 30_000);
  const done = process.hrtime.bigint();
  const cpuAfter = await cpu();
  agent.destroy();
  const expected = activities.length * target.callsPerMessage;
  if (connector.received.length !== expected)
    throw new Error(`${target.name}: the connector recorded ${connector.received.length} activities, expected ${expected}`);
  latencies.sort((a, b) => a - b);
  return {
    perSecond: activities.length / (Number(done - started) / 1e9),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    drainMs: Number(done - answered) / 1e6,
    failures,
    cpuPerMessage: (cpuAfter - cpuBefore) / 1000 / activities.length,
  };
}

async function main(): Promise<void> {
  const begun = Date.now();
  const connector = new TeamsConnectorStandIn();
  connector.validateCards = false; // its cost would be charged to whosejob's cards
  const { url: serviceUrl } = await connector.start();
  const questions = loadQuestions(PACKAGE_ROOT).map((q) => q.q);
  const conversations = Array.from({ length: CONVERSATIONS }, (_, i) => `a:1bench-${i}`);
  const batch = (n: number, offset: number): InboundActivity[] =>
    Array.from({ length: n }, (_, i) =>
      personalMessage({ text: questions[(offset + i) % questions.length]!, serviceUrl, conversationId: conversations[(offset + i) % CONVERSATIONS] }),
    );

  const pinned = pin(process.pid, 1);
  // One process per bot, all on the bots' core; only the one being measured is busy at any time.
  const bots = await Promise.all(BOT_NAMES.map((name) => BotProcess.start(name, pinned)));
  const targets = bots.map((b) => b.target);
  const botOf = new Map(bots.map((b) => [b.target.name, b]));
  const cardBytes = bots[0]!.cardBytes;
  const results = new Map<string, Result[]>(targets.map((t) => [t.name, []]));
  let errorCounts: Record<string, number> = {};
  try {
    for (const t of targets) await run(t, connector, batch(WARMUP, 0), () => botOf.get(t.name)!.cpu());
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) results.get(t.name)!.push(await run(t, connector, batch(N, WARMUP + round * N), () => botOf.get(t.name)!.cpu()));
    }
    for (const b of bots) Object.assign(errorCounts, await b.errors());
  } finally {
    for (const b of bots) b.stop();
    await connector.stop();
  }

  const pick = (name: string): Result => median(results.get(name)!, (r) => r.perSecond);
  const ours = pick('whosejob');
  const base = pick('bare botbuilder');
  const withCard = pick('bare+card');
  // The verdict compares the bots round by round (each pair ran back to back, so the machine's drift
  // between rounds, often larger than the gap measured, cancels out), then takes the median ratio.
  const pairedRatios = results.get('whosejob')!.map((r, i) => r.perSecond / results.get('bare botbuilder')![i]!.perSecond);
  const ratio = median(pairedRatios, (x) => x);
  const row = (name: string, calls: number, r: Result, errors: number): string =>
    `${name.padEnd(18)}${String(calls).padStart(6)}${r.perSecond.toFixed(0).padStart(14)}${r.p50.toFixed(2).padStart(10)}${r.p99.toFixed(2).padStart(10)}` +
    `${r.drainMs.toFixed(1).padStart(10)}${String(r.failures + errors).padStart(8)}${r.cpuPerMessage.toFixed(3).padStart(12)}`;
  const errs = (name: string): number => errorCounts[name] ?? 0;
  const lines = [
    `Teams adapter benchmark — node ${process.version}; ${N} personal messages per round after ${WARMUP} warm-up, ` +
      `concurrency ${CONCURRENCY}, ${ROUNDS} rounds (median shown), local Bot Connector stand-in`,
    '',
    `${'bot'.padEnd(18)}${'calls'.padStart(6)}${'activities/s'.padStart(14)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'drain ms'.padStart(10)}${'errors'.padStart(8)}${'CPU/msg ms'.padStart(12)}`,
    row('whosejob', 1, ours, errs('whosejob')),
    row('bare botbuilder', 1, base, errs('bare botbuilder')),
    row('bare+card (ref)', 1, withCard, errs('bare+card')),
    '',
    `calls = connector calls per message (whosejob sends an Adaptive Card; the bare bot sends 'ok').`,
    `card = the bare bot replying with whosejob's card for "${SAMPLE_QUESTION}" (${cardBytes} bytes of activity JSON).`,
    pinned ? 'each bot in a process of its own, pinned to core 0; the connector stand-in and the load generator on core 1.' : 'cores shared (no taskset).',
    `all rounds (activities/s): ${targets.map((t) => `${t.name} ${results.get(t.name)!.map((r) => r.perSecond.toFixed(0)).join('/')}`).join('; ')}`,
    `whosejob vs bare+card (same wire traffic; the rest is NLU + rendering + SQLite): ${((100 * ours.perSecond) / withCard.perSecond).toFixed(0)} %`,
    `whosejob / bare botbuilder per round: ${pairedRatios.map((x) => `${(100 * x).toFixed(0)} %`).join(', ')}`,
    `whosejob throughput vs bare botbuilder (median of the rounds): ${(100 * ratio).toFixed(0)} %   target >= ${TARGET_RATIO * 100} %   ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
    `(${((Date.now() - begun) / 1000).toFixed(1)} s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (ratio < TARGET_RATIO) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:teams failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
