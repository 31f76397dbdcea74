// The whosejob command line. User mistakes become a one-line message and exit status 2; a broken
// knowledge base lists its problems and exits 1; only bugs produce a stack trace.
import type { Readable, Writable } from 'node:stream';
import { formatProblem, KnowledgeBaseError, loadKnowledgeBase, defaultSources, type Sources } from '../kb/load';
import { ConfigError } from '../config';
import { Bot } from '../conversation/bot';
import { askBatch, askText, answerOne } from './ask';
import { checkKnowledge } from './kb-check';
import { formatMatrix } from './kb-matrix';
import { USAGE, UsageError } from './usage';

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

const defaultIo = (): Io => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });

export const useColor = (io: Io): boolean =>
  io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' ? true : Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return value;
}

function loadBot(sources?: Sources): Bot {
  return new Bot(loadKnowledgeBase(sources));
}

async function run(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(USAGE);
      return 0;
    case 'ask': {
      const json = args.includes('--json');
      const rest = args.filter((a) => a !== '--json');
      const unknownFlag = rest.find((a) => a.startsWith('--'));
      if (unknownFlag) throw new UsageError(`unknown option ${unknownFlag} for ask`);
      const question = rest.join(' ');
      if (!json && rest.length === 0) throw new UsageError('ask needs a question, e.g. whosejob ask "who patches RDS?" (or --json to read questions from standard input)');
      const bot = loadBot();
      if (json && rest.length === 0) {
        await askBatch(bot, io.stdin, io.stdout);
        return 0;
      }
      io.stdout.write(json ? `${JSON.stringify(answerOne(bot, question))}\n` : `${askText(bot, question, useColor(io))}\n`);
      return 0;
    }
    case 'chat': {
      if (args.length > 0) throw new UsageError(`chat takes no arguments (got "${args[0]}")`);
      const { runChat } = await import('../adapters/console/repl');
      await runChat(loadBot(), { input: io.stdin, output: io.stdout, color: useColor(io) });
      return 0;
    }
    case 'kb': {
      const sub = args.shift();
      if (sub === undefined) {
        io.stdout.write(USAGE);
        return 0;
      }
      if (sub === 'matrix') {
        const services = takeOption(args, '--services');
        const format = takeOption(args, '--format') ?? 'md';
        if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}" for kb matrix`);
        io.stdout.write(formatMatrix(loadKnowledgeBase(), services, format));
        return 0;
      }
      if (sub !== 'check') throw new UsageError(`unknown kb command "${sub}"; try: whosejob kb check, whosejob kb matrix`);
      const sources = { ...defaultSources() };
      sources.dataDir = takeOption(args, '--data') ?? sources.dataDir;
      sources.intentsDir = takeOption(args, '--intents') ?? sources.intentsDir;
      if (args.length > 0) throw new UsageError(`unexpected argument "${args[0]}" for kb check`);
      const result = checkKnowledge(sources);
      if (result.problems.length > 0) {
        io.stdout.write(`${result.problems.map(formatProblem).join('\n')}\n`);
        io.stderr.write(`whosejob: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in the knowledge base\n`);
        return 1;
      }
      io.stdout.write(`${result.summary}\n`);
      return 0;
    }
    case 'feedback': {
      const json = args.includes('--json');
      const rest = args.filter((a) => a !== '--json');
      const limitText = takeOption(rest, '--limit') ?? '20';
      if (!/^\d{1,5}$/.test(limitText) || Number(limitText) < 1) throw new UsageError(`--limit needs a whole number from 1 to 99999 (got "${limitText}")`);
      if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" for feedback`);
      const { printFeedback } = await import('./feedback');
      await printFeedback(io.stdout, io.env, Number(limitText), json);
      return 0;
    }
    case '--version':
    case 'version':
      io.stdout.write(`${require('../../package.json').version}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"; run whosejob help for the list`);
  }
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`whosejob: ${err.message}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
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
