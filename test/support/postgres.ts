// A real PostgreSQL for the tests: WHOSEJOB_TEST_DATABASE_URL when set (a server you run), otherwise
// a throwaway cluster made with Debian's initdb in a temp folder, reached over a Unix socket in that
// folder (no TCP port to clash with), and stopped when the run ends. initdb refuses to run as root,
// so as root the cluster belongs to the `postgres` user.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const URL_VAR = 'WHOSEJOB_TEST_DATABASE_URL';
const DIR_VAR = 'WHOSEJOB_TEST_PG_DIR';

/** The newest Debian PostgreSQL bin folder, if one is installed. */
function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL tool, as the postgres user when we are root. */
function run(bin: string, tool: string, args: string[]): void {
  const cmd = join(bin, tool);
  if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' });
  else execFileSync(cmd, args, { stdio: 'pipe' });
}

export function startPostgres(): void {
  if (process.env[URL_VAR]) return;
  const bin = pgBin();
  if (!bin) {
    throw new Error(
      'The store tests need PostgreSQL: install Debian\'s postgresql package (.ci/run does), or set ' +
        `${URL_VAR}=postgres://user:password@host/db to use a server of your own.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-pg-'));
  chmodSync(dir, 0o777); // the postgres user writes its data and socket here
  const data = join(dir, 'data');
  run(bin, 'initdb', ['-D', data, '-U', 'whosejob', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  run(bin, 'pg_ctl', ['-D', data, '-w', '-l', join(dir, 'log'), '-o', `-c listen_addresses='' -k ${dir} -c fsync=off -c max_connections=200`, 'start']);
  process.env[DIR_VAR] = dir;
  process.env[URL_VAR] = `postgresql://whosejob@localhost/postgres?host=${encodeURIComponent(dir)}`;
}

export function stopPostgres(): void {
  const dir = process.env[DIR_VAR];
  const bin = pgBin();
  if (!dir || !bin) return;
  try {
    run(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
