// A bot under test for npm run bench:teams, in a process of its own (pinned to the bots' core), so the
// Bot Connector stand-in and the load generator in the parent never take its CPU.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createTeamsAdapter, responseShim } from '../src/adapters/teams/adapter';
import { cardActivity } from '../src/adapters/teams/bot';
import { loadConfig } from '../src/config';
import { Bot } from '../src/conversation/bot';
import { createHttpServer } from '../src/http/server';
import { loadKnowledgeBase } from '../src/nlu/knowledge-base';
import { createLogger } from '../src/log';
import { openStore } from '../src/store/open';

export interface BotTarget {
  name: string;
  url: string;
  /** Connector calls each message causes. */
  callsPerMessage: number;
}

interface Target extends BotTarget {
  close(): Promise<void>;
  errors(): number;
}

export type ToBots = { cmd: 'errors' } | { cmd: 'cpu' } | { cmd: 'stop' };
export type FromBots =
  | { event: 'ready'; targets: BotTarget[]; cardBytes: number }
  | { event: 'errors'; counts: Record<string, number> }
  | { event: 'cpu'; micros: number };

export const SAMPLE_QUESTION = 'who patches rds?';

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
  const store = await openStore({ DATABASE_PATH: join(dir, 'whosejob.db') });
  let errors = 0;
  const log = createLogger('warn', (line) => {
    if (line.includes('"level":"error"')) errors++;
  });
  const config = loadConfig({ TEAMS_ENABLED: 'true', DATABASE_PATH: join(dir, 'whosejob.db') }, null);
  const adapter = createTeamsAdapter(config, { bot: new Bot(loadKnowledgeBase(), { state: store, feedback: store }), store, log });
  const server = createHttpServer({ teams: adapter.requestListener }, log);
  return {
    name: 'whosejob',
    url: await listen(server),
    callsPerMessage: 1,
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
      adapter.process({ body, headers: req.headers, method: req.method }, responseShim(res), (context) => bot.run(context)).catch(() => {
        errors++;
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
  });
  return {
    name: card ? (typing ? 'bare+typing+card' : 'bare+card') : typing ? 'bare+typing' : 'bare botbuilder',
    url: await listen(server),
    callsPerMessage: typing ? 2 : 1,
    errors: () => errors,
    close: () => close(server),
  };
}


export const BOT_NAMES = ['whosejob', 'bare botbuilder', 'bare+card'] as const;
export type BotName = (typeof BOT_NAMES)[number];

async function start(name: BotName, card: object): Promise<Target> {
  if (name === 'whosejob') return whosejob();
  return name === 'bare+card' ? bare(false, card) : bare(false);
}

/** One bot per process (its name is the first argument), as each would run in production: its own heap,
 * caches and JIT state, never taking the cost of another bot's garbage or code. */
async function main(): Promise<void> {
  const name = process.argv[2] as BotName;
  if (!BOT_NAMES.includes(name)) throw new Error(`unknown bot ${String(name)}`);
  const card = cardActivity(new Bot(loadKnowledgeBase()).answerOnce(SAMPLE_QUESTION).reply, SAMPLE_QUESTION);
  const target = await start(name, card);
  const send = (m: FromBots): void => {
    process.send?.(m);
  };
  process.on('message', (m: ToBots) => {
    if (m.cmd === 'errors') send({ event: 'errors', counts: { [target.name]: target.errors() } });
    else if (m.cmd === 'cpu') {
      const used = process.cpuUsage();
      send({ event: 'cpu', micros: used.user + used.system });
    } else
      void target.close().finally(() => {
        process.exit(0);
      });
  });
  const { url, callsPerMessage } = target;
  send({ event: 'ready', targets: [{ name: target.name, url, callsPerMessage }], cardBytes: Buffer.byteLength(JSON.stringify(card)) });
}

// bench/teams.ts imports this file's types and names: start a bot only when forked.
if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`teams bot process failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
