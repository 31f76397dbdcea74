// Start-up: config → knowledge → bot → the interfaces the config enables. Without chat
// credentials this is the console chat in the terminal; with them, the one HTTP server.
import type { Server } from 'node:http';
import { runChat } from './adapters/console/repl';
import { ConfigError, loadConfig, slackEnabled, teamsEnabled, type Config } from './config';
import { Bot } from './conversation/bot';
import { createHttpServer, type Routes } from './http/server';
import { formatProblem, KnowledgeBaseError } from './kb/load';
import { loadKnowledgeBase } from './nlu/knowledge-base';
import { createLogger, type Logger } from './log';
import { DailyQuiz, type DailyQuizDeps } from './quiz/daily';
import { quizPool } from './quiz/questions';
import { Course } from './onboarding/course';
import { openStore, StoreError } from './store/open';
import type { Store } from './store/store';

/** How often due quiz posts are looked for: well inside the minute they are due in. */
const QUIZ_TICK_MS = 20_000;

/** Runs `work` now and every `ms`, one run at a time; returns the stop. */
function runEvery(ms: number, work: () => Promise<void>, log: Logger): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = (): void => {
    work()
      .catch((err: unknown) => log.error('quiz scheduler run failed', { error: err }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, ms);
      });
  };
  loop();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}

async function startServer(config: Config, log: Logger): Promise<void> {
  const store: Store = await openStore(config);
  log.info('store open', { engine: store.engine });
  const kb = loadKnowledgeBase();
  // The daily quiz posts through the adapters' outboxes, filled in below as each adapter starts.
  const outboxes: DailyQuizDeps['outboxes'] = {};
  const daily = new DailyQuiz({ store, outboxes, bank: quizPool(kb), now: () => new Date(), log: log.child({ part: 'quiz' }) });
  const course = new Course({ store, lessons: kb.lessons, bank: quizPool(kb), outboxes, now: () => new Date(), log: log.child({ part: 'onboarding' }) });
  // The store is the truth for each turn's state, so any replica can take the next message.
  const bot = new Bot(kb, { state: store, feedback: store, cards: store, daily, course, exams: store });
  const routes: Routes = {};
  const stops: Array<() => Promise<void>> = [];
  if (teamsEnabled(config)) {
    const { createTeamsAdapter } = await import('./adapters/teams/adapter');
    const teams = createTeamsAdapter(config, { bot, store, log: log.child({ adapter: 'teams' }), onboardNewMembers: config.ONBOARD_NEW_MEMBERS });
    routes.teams = teams.requestListener;
    outboxes.teams = teams.outbox;
    if (config.MicrosoftAppId) log.info('teams: listening on POST /api/messages (Bot Framework authentication on)');
    else log.warn('teams: TEAMS_ENABLED without MicrosoftAppId — POST /api/messages accepts UNAUTHENTICATED requests; use only with local clients');
  }
  if (slackEnabled(config)) {
    // Loaded only when used, so the console and the CLI never pay for Bolt.
    const { createSlackAdapter } = await import('./adapters/slack/app');
    const slack = createSlackAdapter({ config, bot, store, log, onboardNewMembers: config.ONBOARD_NEW_MEMBERS });
    await slack.start();
    stops.push(() => slack.stop());
    if (slack.requestListener) routes.slack = slack.requestListener;
    outboxes.slack = slack.outbox;
    log.info(config.SLACK_APP_TOKEN ? 'slack: socket mode connected' : 'slack: listening on POST /slack/events');
  }
  const server: Server = createHttpServer(routes, log, () => store.ping());
  await new Promise<void>((resolve) => server.listen(config.PORT, resolve));
  log.info('http server listening', { port: config.PORT });
  // Every replica runs the scheduler: the store makes sure each day's post goes out once.
  const stopScheduler = runEvery(QUIZ_TICK_MS, async () => {
    await daily.tick();
    await course.tick();
  }, log);
  stops.push(async () => stopScheduler());
  const shutdown = (signal: string): void => {
    log.info('shutting down', { signal });
    // Stop taking connections, let requests in flight finish (close waits for them), then close the store.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
    Promise.race([drained, deadline])
      .then(() => Promise.all(stops.map((stop) => stop())))
      .then(() => store.close())
      .catch((err: unknown) => log.error('shutdown failed', { error: err instanceof Error ? err.message : String(err) }))
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

async function start(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  if (slackEnabled(config) || teamsEnabled(config)) {
    await startServer(config, log);
    return 0;
  }
  const bot = new Bot(loadKnowledgeBase());
  const color = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
  await runChat(bot, { input: process.stdin, output: process.stdout, color });
  return 0;
}

start().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof StoreError) {
      process.stderr.write(`whosejob: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof KnowledgeBaseError) {
      process.stderr.write(`whosejob: the knowledge base has problems:\n${err.problems.map(formatProblem).join('\n')}\n`);
      process.exitCode = 1;
    } else throw err;
  },
);
