// `whosejob chat`: the console chat on the terminal's streams.
import { Bot } from '../conversation/bot';
import { loadKnowledgeBase } from '../nlu/knowledge-base';
import { parseCommandArgs } from './args';
import { useColor, type Io } from './io';
import { SYNOPSIS, UsageError, usageOf } from './usage';

export async function chatCommand(args: string[], io: Io): Promise<number> {
  const { positionals, help } = parseCommandArgs('chat', args, {});
  if (help) {
    io.stdout.write(usageOf('chat'));
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`chat takes no arguments (got "${positionals[0]}"; usage: ${SYNOPSIS.chat})`);
  const { runChat } = await import('../adapters/console/repl');
  await runChat(new Bot(loadKnowledgeBase()), { input: io.stdin, output: io.stdout, color: useColor(io) });
  return 0;
}
