// Runs the command line in process, with its standard streams captured, as a user's shell would see them.
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}, input = ''): Promise<CliRun> {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(argv, { stdin, stdout, stderr, env });
  stdout.end();
  stderr.end();
  await Promise.all([once(stdout, 'end'), once(stderr, 'end')]);
  return { code, stdout: out, stderr: err };
}
