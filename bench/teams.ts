// npm run bench:teams — whosejob's Teams adapter against a bare botbuilder bot, both behind node:http and both
// replying through the same local Bot Connector stand-in (test/stand-ins/teams-connector.ts).
//
//   (a) whosejob:  createHttpServer + createTeamsAdapter in unauthenticated mode, SQLite store in a temp dir.
//                  Per message: NLU + answer + Adaptive Card, a typing activity AND the card (2 connector calls),
//                  and the conversation reference upserted in SQLite (personal chat).
//   (b) bare:      CloudAdapter + ActivityHandler whose onMessage does `await context.sendActivity('ok')`
//                  (1 connector call), mounted with the same request shim idea.
//   (b') bare+typing: the bare bot sending a typing activity first, as whosejob does (2 connector calls) — shown
//                  for reference, so the cost of the extra call is visible apart from whosejob's own work.
//   (b'') bare+typing+card: the same, replying with a fixed whosejob card (same wire traffic as whosejob, none of
//                  its work: no NLU, no rendering, no SQLite) — what is left is whosejob's own cost.
//
// For each: WARMUP personal-message activities, then N at CONCURRENCY, timed from the POST to /api/messages until
// its HTTP response (botbuilder answers after the turn, i.e. after the connector accepted the replies); then we
// wait until the connector has recorded every reply. ROUNDS rounds, alternating bots; the median round is shown.
// PASS when whosejob's throughput is at least 80 % of the bare bot's.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createTeamsAdapter } from '../src/adapters/teams/adapter';
import { cardActivity } from '../src/adapters/teams/bot';
import { loadConfig } from '../src/config';
import { Bot } from '../src/conversation/bot';
import { createHttpServer } from '../src/http/server';
import { loadKnowledgeBase, PACKAGE_ROOT } from '../src/kb/load';
import { createLogger } from '../src/log';
import { SqliteStore } from '../src/store/sqlite';
import { personalMessage, type InboundActivity } from '../test/stand-ins/teams-activities';
import { TeamsConnectorStandIn } from '../test/stand-ins/teams-connector';
import { loadQuestions } from './question-set';

const N = 1000;
const WARMUP = 100;
const CONCURRENCY = 16;
const ROUNDS = 5;
const CONVERSATIONS = 64;
const TARGET_RATIO = 0.8;

interface Target {
  name: string;
  url: string;
  /** Connector calls each message causes (typing + reply, or just the reply). */
  callsPerMessage: number;
  close(): Promise<void>;
  errors(): number;
}

interface Result {
  perSecond: number;
  p50: number;
  p99: number;
  /** Time from the last HTTP response until the connector had every reply (0 when it already had them). */
  drainMs: number;
  failures: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const median = <T>(xs: T[], key: (x: T) => number): T => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function whosejob(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-bench-teams-'));
  const store = new SqliteStore(join(dir, 'whosejob.db'));
  let errors = 0;
  const log = createLogger('warn', (line) => {
    if (line.includes('"level":"error"')) errors++;
  });
  const config = loadConfig({ TEAMS_ENABLED: 'true', DATABASE_PATH: join(dir, 'whosejob.db') }, null);
  const adapter = createTeamsAdapter(config, { bot: new Bot(loadKnowledgeBase()), store, log });
  const server = createHttpServer({ teams: adapter.requestListener }, log);
  return {
    name: 'whosejob',
    url: await listen(server),
    callsPerMessage: 2,
    errors: () => errors,
    close: async () => {
      await close(server);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A minimal botbuilder bot: CloudAdapter + ActivityHandler behind node:http with an Express-like response shim.
 * Replies 'ok' — or, given a card activity, a copy of that card; optionally after a typing activity.
 */
async function bare(typing: boolean, card?: object): Promise<Target> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  let errors = 0;
  adapter.onTurnError = async () => {
    errors++;
  };
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    if (typing) await context.sendActivity({ type: ActivityTypes.Typing });
    await context.sendActivity(card ? (structuredClone(card) as Parameters<typeof context.sendActivity>[0]) : 'ok');
    await next();
  });
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400).end();
        return;
      }
      const shim = {
        socket: res.socket,
        status: (code: number) => {
          res.statusCode = code;
        },
        header: (name: string, value: unknown) => {
          res.setHeader(name, String(value));
        },
        send: (b?: unknown) => {
          if (b === undefined) return;
          res.write(typeof b === 'object' && !Buffer.isBuffer(b) ? JSON.stringify(b) : (b as string | Buffer));
        },
        end: () => {
          res.end();
        },
      };
      adapter.process({ body, headers: req.headers, method: req.method }, shim, (context) => bot.run(context)).catch(() => {
        errors++;
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  return {
    name: card ? 'bare+typing+card' : typing ? 'bare+typing' : 'bare botbuilder',
    url: await listen(server),
    callsPerMessage: typing ? 2 : 1,
    errors: () => errors,
    close: () => close(server),
  };
}

async function run(target: Target, connector: TeamsConnectorStandIn, activities: InboundActivity[]): Promise<Result> {
  connector.clear();
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < activities.length) {
      const activity = activities[next++]!;
      const t = process.hrtime.bigint();
      try {
        const res = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
      } catch {
        failures++;
      }
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const answered = process.hrtime.bigint();
  await connector.waitFor(activities.length, (r) => r.activity.type === 'message', 30_000);
  const done = process.hrtime.bigint();
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

  const sample = 'who patches rds?';
  const card = cardActivity(new Bot(loadKnowledgeBase()).answerOnce(sample).reply, sample);
  const targets = [await whosejob(), await bare(false), await bare(true), await bare(true, card)];
  const results = new Map<string, Result[]>(targets.map((t) => [t.name, []]));
  try {
    for (const t of targets) await run(t, connector, batch(WARMUP, 0));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) results.get(t.name)!.push(await run(t, connector, batch(N, WARMUP + round * N)));
    }
  } finally {
    for (const t of targets) await t.close();
    await connector.stop();
  }

  const pick = (name: string): Result => median(results.get(name)!, (r) => r.perSecond);
  const ours = pick('whosejob');
  const base = pick('bare botbuilder');
  const typing = pick('bare+typing');
  const typingCard = pick('bare+typing+card');
  const ratio = ours.perSecond / base.perSecond;
  const row = (name: string, calls: number, r: Result, errors: number): string =>
    `${name.padEnd(18)}${String(calls).padStart(6)}${r.perSecond.toFixed(0).padStart(14)}${r.p50.toFixed(2).padStart(10)}${r.p99.toFixed(2).padStart(10)}` +
    `${r.drainMs.toFixed(1).padStart(10)}${String(r.failures + errors).padStart(8)}`;
  const errs = (name: string): number => targets.find((t) => t.name === name)!.errors();
  const lines = [
    `Teams adapter benchmark — node ${process.version}; ${N} personal messages per round after ${WARMUP} warm-up, ` +
      `concurrency ${CONCURRENCY}, ${ROUNDS} rounds (median shown), local Bot Connector stand-in`,
    '',
    `${'bot'.padEnd(18)}${'calls'.padStart(6)}${'activities/s'.padStart(14)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'drain ms'.padStart(10)}${'errors'.padStart(8)}`,
    row('whosejob', 2, ours, errs('whosejob')),
    row('bare botbuilder', 1, base, errs('bare botbuilder')),
    row('bare+typing (ref)', 2, typing, errs('bare+typing')),
    row('bare+typing+card', 2, typingCard, errs('bare+typing+card')),
    '',
    `calls = connector calls per message (whosejob sends typing + an Adaptive Card; the bare bot sends 'ok').`,
    `card = the bare bot replying with whosejob's card for "${sample}" (${Buffer.byteLength(JSON.stringify(card))} bytes of activity JSON).`,
    `all rounds (activities/s): ${targets.map((t) => `${t.name} ${results.get(t.name)!.map((r) => r.perSecond.toFixed(0)).join('/')}`).join('; ')}`,
    `whosejob vs bare+typing (same number of connector calls): ${((100 * ours.perSecond) / typing.perSecond).toFixed(0)} %`,
    `whosejob vs bare+typing+card (same wire traffic; the rest is NLU + rendering + SQLite): ${((100 * ours.perSecond) / typingCard.perSecond).toFixed(0)} %`,
    `whosejob throughput vs bare botbuilder: ${(100 * ratio).toFixed(0)} %   target >= ${TARGET_RATIO * 100} %   ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`,
    `(${((Date.now() - begun) / 1000).toFixed(1)} s)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (ratio < TARGET_RATIO) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:teams failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
