// What a command reads and writes: the process's streams and environment, or a test's stand-ins.
import type { Readable, Writable } from 'node:stream';

export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): Io => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });

/** FORCE_COLOR wins; otherwise colour only on a terminal, and never with NO_COLOR. */
export const useColor = (io: Io): boolean =>
  io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' ? true : Boolean(io.stdout.isTTY) && io.env.NO_COLOR === undefined;

/** A command: the words after its name in, an exit status out. */
export type Command = (args: string[], io: Io) => Promise<number>;
