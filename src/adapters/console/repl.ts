// The interactive console chat: the same Bot as Slack and Teams, rendered as terminal text.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../conversation/bot';
import type { Action } from '../../reply/action';
import { renderText } from './text';

export interface ChatOptions {
  input: Readable;
  output: Writable;
  color: boolean;
}

const GREETING = 'whosejob — ask who is responsible for what on AWS. Type "help" for ideas, "quit" to leave.';

export async function runChat(bot: Bot, { input, output, color }: ChatOptions): Promise<void> {
  const rl = createInterface({ input, output, terminal: Boolean((output as NodeJS.WriteStream).isTTY), prompt: 'you> ' });
  const say = (text: string): void => {
    output.write(`${text}\n`);
  };
  // Piped input can end while an answer is being made; Node 24's readline then refuses a prompt.
  let closed = false;
  rl.once('close', () => {
    closed = true;
  });
  const prompt = (): void => {
    if (!closed) rl.prompt();
  };
  say(GREETING);
  let lastChoices: Action[] = [];
  const speaker = { user: 'console', conversation: 'console', platform: 'console' } as const;
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (/^(quit|exit|:q)$/i.test(line)) break;
    if (line === '') {
      prompt();
      continue;
    }
    // A number picks one of the options listed under the last answer, like a button in chat.
    const picked = /^\d{1,2}$/.test(line) ? lastChoices[Number(line) - 1] : undefined;
    const turn = picked ? await bot.act(picked, speaker) : await bot.handle({ ...speaker, text: line });
    lastChoices = turn.reply.choices.map((c) => c.action);
    say(renderText(turn.reply, { color }));
    say('');
    prompt();
  }
  rl.close();
}
