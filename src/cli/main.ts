// The whosejob command line. User mistakes become a one-line message and exit status 2; a broken
// knowledge base lists its problems and exits 1; only bugs produce a stack trace.
import { ConfigError } from '../config';
import { formatProblem, KnowledgeBaseError } from '../kb/load';
import { processIo, type Command, type Io } from './io';
import { SYNOPSIS, USAGE, UsageError, usageOf } from './usage';

export { useColor, type Io } from './io';

// Each command is loaded when called, so `ask` never pays for the database drivers `feedback` needs.
const COMMANDS = new Map<string, () => Promise<Command>>([
  ['ask', async () => (await import('./ask')).askCommand],
  ['chat', async () => (await import('./chat')).chatCommand],
  ['kb', async () => (await import('./kb')).kbCommand],
  ['feedback', async () => (await import('./feedback')).feedbackCommand],
  ['quiz', async () => (await import('./quiz')).quizCommand],
]);

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  if (command === 'help') {
    // `whosejob help kb` is `whosejob kb --help`
    const [topic, ...extra] = args;
    if (topic === undefined) io.stdout.write(USAGE);
    else if (COMMANDS.has(topic) && extra.length === 0) io.stdout.write(usageOf(topic));
    else throw new UsageError(`no help on "${args.join(' ')}"; run whosejob help for the list`);
    return 0;
  }
  if (command === '--version' || command === 'version') {
    io.stdout.write(`${(require('../../package.json') as { version: string }).version}\n`);
    return 0;
  }
  const load = COMMANDS.get(command);
  if (load) return (await load())(args, io);
  if (command.startsWith('-')) throw new UsageError(`unknown option ${command} (usage: ${SYNOPSIS.whosejob})`);
  throw new UsageError(`unknown command "${command}"; run whosejob help for the list`);
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.stderr.write(`whosejob: ${err.message}\n`);
      return 2;
    }
    if (err instanceof KnowledgeBaseError) {
      io.stderr.write(`whosejob: the knowledge base has problems:\n${err.problems.map(formatProblem).join('\n')}\n`);
      return 1;
    }
    throw err;
  }
}
