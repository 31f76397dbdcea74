// Each command's flags through node:util parseArgs, with our own one-line messages for every mistake.
import { parseArgs } from 'node:util';
import { SYNOPSIS, UsageError, type CommandName } from './usage';

export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

export type Values<T extends OptionSpec> = { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean };

export interface Parsed<T extends OptionSpec> {
  values: Values<T>;
  positionals: string[];
  /** --help or -h was given: the command prints its usage instead of running. */
  help: boolean;
}

/**
 * parseArgs runs non-strict with tokens so that each mistake gets a message of ours instead of Node's
 * (several lines long, worded for programmers); the checks below are what strict mode would do, plus
 * one it does not: a flag that needs a value never swallows the next flag ("--limit --json").
 */
export function parseCommandArgs<T extends OptionSpec>(command: CommandName, args: string[], options: T): Parsed<T> {
  const usage = `(usage: ${SYNOPSIS[command]})`;
  const { values, positionals, tokens } = parseArgs({
    args,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'help') continue;
    const spec = options[token.name];
    if (spec === undefined) throw new UsageError(`unknown option ${token.rawName} for ${command} ${usage}`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value ${usage}`);
    // A negative number may follow a flag; another flag may not.
    if (spec.type === 'string' && (token.value === undefined || (!token.inlineValue && /^-(?![\d.])/.test(token.value))))
      throw new UsageError(`${token.rawName} needs a value ${usage}`);
  }
  const { help, ...rest } = values;
  return { values: rest as Values<T>, positionals, help: help === true };
}

/** For commands that take no words of their own. */
export function noPositionals(command: CommandName, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" for ${command} (usage: ${SYNOPSIS[command]})`);
}
