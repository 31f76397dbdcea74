// `whosejob ask`: one question as text or JSON, or one JSON answer per line of standard input.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderText } from '../adapters/console/text';
import { toJsonAnswer } from '../conversation/answer-json';
import { Bot } from '../conversation/bot';
import { loadKnowledgeBase } from '../nlu/knowledge-base';
import { MAX_INPUT_CHARS } from '../nlu/normalize';
import { parseCommandArgs } from './args';
import { useColor, type Io } from './io';
import { UsageError, usageOf } from './usage';

/** Each question of a batch stands alone: answers never lean on the line before. */
export function answerOne(bot: Bot, question: string): ReturnType<typeof toJsonAnswer> {
  const turn = bot.answerOnce(question);
  return toJsonAnswer(question.length > MAX_INPUT_CHARS ? question.slice(0, MAX_INPUT_CHARS) : question, turn);
}

export function askText(bot: Bot, question: string, color: boolean): string {
  const turn = bot.answerOnce(question);
  return renderText(turn.reply, { color });
}

/** Streams stdin line by line so a large batch never sits in memory whole. */
export async function askBatch(bot: Bot, input: Readable, output: Writable): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let buffer = '';
  for await (const line of lines) {
    buffer += `${JSON.stringify(answerOne(bot, line))}\n`;
    if (buffer.length > 64 * 1024) {
      if (!output.write(buffer)) await new Promise((resolve) => output.once('drain', resolve));
      buffer = '';
    }
  }
  if (buffer) output.write(buffer);
}

/** `whosejob ask [--json] ["question"]`: with --json and no question, a batch from standard input. */
export async function askCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, help } = parseCommandArgs('ask', args, { json: { type: 'boolean' } });
  if (help) {
    io.stdout.write(usageOf('ask'));
    return 0;
  }
  const json = values.json === true;
  if (!json && positionals.length === 0) throw new UsageError('ask needs a question, e.g. whosejob ask "who patches RDS?" (or --json to read questions from standard input)');
  const bot = new Bot(loadKnowledgeBase());
  if (json && positionals.length === 0) {
    await askBatch(bot, io.stdin, io.stdout);
    return 0;
  }
  const question = positionals.join(' ');
  io.stdout.write(json ? `${JSON.stringify(answerOne(bot, question))}\n` : `${askText(bot, question, useColor(io))}\n`);
  return 0;
}
