// `whosejob ask`: one question as text or JSON, or one JSON answer per line of standard input.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { renderText } from '../adapters/console/text';
import { toJsonAnswer } from '../conversation/answer-json';
import type { Bot } from '../conversation/bot';
import { MAX_INPUT_CHARS } from '../nlu/normalize';

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
