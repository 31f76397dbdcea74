// Start-up: config → knowledge → bot → the interfaces the config enables. Without chat
// credentials this is the console chat in the terminal.
import { runChat } from './adapters/console/repl';
import { ConfigError, loadConfig, slackEnabled, teamsEnabled } from './config';
import { Bot } from './conversation/bot';
import { formatProblem, KnowledgeBaseError, loadKnowledgeBase } from './kb/load';
import { createLogger } from './log';

async function start(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL);
  const bot = new Bot(loadKnowledgeBase());
  if (slackEnabled(config) || teamsEnabled(config)) {
    // The chat adapters are the next milestones (Slack, then Teams); say so rather than start half a bot.
    log.error('chat credentials are set, but this build of whosejob has no Slack or Teams adapter yet', {
      slack: slackEnabled(config),
      teams: teamsEnabled(config),
    });
    process.stderr.write('whosejob: Slack and Teams adapters are not in this build yet; unset their variables to use the console chat\n');
    return 2;
  }
  const color = Boolean(process.stdout.isTTY) && process.env.NO_COLOR === undefined;
  await runChat(bot, { input: process.stdin, output: process.stdout, color });
  return 0;
}

start().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`whosejob: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof KnowledgeBaseError) {
      process.stderr.write(`whosejob: the knowledge base has problems:\n${err.problems.map(formatProblem).join('\n')}\n`);
      process.exitCode = 1;
    } else throw err;
  },
);
