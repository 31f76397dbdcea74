// `whosejob quiz post --platform slack|teams --channel ID`: today's daily question now, as the
// schedule would post it (the same claim in the store, so it never doubles a post the server made).
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { loadKnowledgeBase } from '../nlu/knowledge-base';
import { DailyQuiz, type Platform } from '../quiz/daily';
import { quizPool } from '../quiz/questions';
import type { Outbox } from '../reply/outbox';
import { OutboxError } from '../reply/outbox';
import { openStore } from '../store/open';
import type { Store } from '../store/store';
import { parseCommandArgs } from './args';
import type { Io } from './io';
import { SYNOPSIS, UsageError, usageOf } from './usage';

async function outboxFor(platform: Platform, env: NodeJS.ProcessEnv, store: Store): Promise<Outbox> {
  const config = loadConfig(env);
  if (platform === 'slack') {
    if (!config.SLACK_BOT_TOKEN) throw new UsageError('posting to Slack needs SLACK_BOT_TOKEN');
    const { slackOutboxFor } = await import('../adapters/slack/outbox');
    return slackOutboxFor(config.SLACK_BOT_TOKEN, config.SLACK_API_URL);
  }
  if (!config.MicrosoftAppId && !config.TEAMS_ENABLED) throw new UsageError('posting to Teams needs MicrosoftAppId (or TEAMS_ENABLED=true for a local client)');
  const { createTeamsAdapter } = await import('../adapters/teams/adapter');
  const { Bot } = await import('../conversation/bot');
  return createTeamsAdapter(config, { bot: new Bot(loadKnowledgeBase()), store, log: createLogger(config.LOG_LEVEL) }).outbox;
}

export async function quizCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout.write(usageOf('quiz'));
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'post') throw new UsageError(`unknown quiz command "${sub}" (usage: ${SYNOPSIS.quiz})`);
  const { values, positionals, help } = parseCommandArgs('quiz post', rest, { platform: { type: 'string' }, channel: { type: 'string' } });
  if (help) {
    io.stdout.write(usageOf('quiz post'));
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (usage: ${SYNOPSIS['quiz post']})`);
  const platform = values.platform;
  if (platform !== 'slack' && platform !== 'teams') throw new UsageError(`--platform must be slack or teams (usage: ${SYNOPSIS['quiz post']})`);
  const channel = values.channel;
  if (!channel) throw new UsageError(`--channel needs the channel's id (usage: ${SYNOPSIS['quiz post']})`);
  const config = loadConfig(io.env);
  const store = await openStore(config);
  try {
    const outbox = await outboxFor(platform, io.env, store);
    const daily = new DailyQuiz({ store, outboxes: { [platform]: outbox }, bank: quizPool(loadKnowledgeBase()), now: () => new Date(), log: createLogger('error') });
    const result = await daily.postNow(platform, channel);
    if (result === 'gone') {
      io.stderr.write(`whosejob: I cannot post in ${channel} (removed, archived or never added there)\n`);
      return 1;
    }
    io.stdout.write(result === 'posted' ? `Posted today's question to ${channel}.\n` : `Today's question is already posted in ${channel}.\n`);
    return 0;
  } catch (err) {
    if (err instanceof OutboxError) {
      io.stderr.write(`whosejob: could not post to ${channel}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}
