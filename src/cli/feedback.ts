// `whosejob feedback`: the latest 👍 / 👎 votes, newest first.
import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config';
import { openStore } from '../store/open';
import { noPositionals, parseCommandArgs } from './args';
import type { Io } from './io';
import { UsageError, usageOf } from './usage';

export async function printFeedback(out: Writable, env: NodeJS.ProcessEnv, limit: number, json: boolean): Promise<void> {
  const config = loadConfig(env);
  if (!config.DATABASE_URL && !existsSync(config.DATABASE_PATH)) {
    out.write(json ? '' : `No feedback yet (${config.DATABASE_PATH} does not exist).\n`);
    return;
  }
  const store = await openStore(config);
  try {
    const votes = await store.latestFeedback(limit);
    if (json) {
      for (const v of votes) out.write(`${JSON.stringify(v)}\n`);
      return;
    }
    if (votes.length === 0) out.write('No feedback yet.\n');
    for (const v of votes) {
      const q = JSON.stringify(v.question.length > 120 ? `${v.question.slice(0, 117)}...` : v.question);
      out.write(`${v.at}  ${v.vote === 'up' ? '+1' : '-1'}  ${v.platform}  ${v.user}  ${v.intent}  ${q}\n`);
    }
  } finally {
    await store.close();
  }
}

/** `whosejob feedback [--limit N] [--json]`. */
export async function feedbackCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('feedback', args, { limit: { type: 'string' }, json: { type: 'boolean' } });
  if (help) {
    io.stdout.write(usageOf('feedback'));
    return 0;
  }
  noPositionals('feedback', positionals);
  const limit = values.limit ?? '20';
  if (!/^\d{1,5}$/.test(limit) || Number(limit) < 1) throw new UsageError(`--limit needs a whole number from 1 to 99999 (got "${limit}")`);
  await printFeedback(io.stdout, io.env, Number(limit), values.json === true);
  return 0;
}
