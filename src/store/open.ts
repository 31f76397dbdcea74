// One store, two engines: SQLite (better-sqlite3, WAL) by default; PostgreSQL (pg) when DATABASE_URL
// is set, so several replicas can share it. Migrations run here, at open, on both.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { DbStore } from './db-store';
import { SqliteDatabase } from './sqlite-driver';
import type { SqliteDatabase as RawSqlite } from './sqlite-driver';
import { migrationProvider, type Engine } from './migrations';
import type { Database as Tables } from './schema';
import type { Store } from './store';

export interface StoreConfig {
  /** postgres://… : use PostgreSQL. */
  DATABASE_URL?: string;
  /** The SQLite file otherwise (":memory:" for a throwaway one). */
  DATABASE_PATH: string;
}

export class StoreError extends Error {}

function sqlite(path: string): { db: Kysely<Tables>; raw: RawSqlite } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new SqliteDatabase(path);
  raw.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs at checkpoints instead of at every commit: a crashed process loses
  // nothing (the WAL is in the OS's hands once written); only a power cut can drop the last commits.
  // FULL's fsync per commit cost more than answering a question (npm run bench:slack).
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: raw }) }), raw };
}

function postgres(url: string): Kysely<Tables> {
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Runs every pending migration; safe when several processes start at once. PostgreSQL serialises
 * them with Kysely's advisory lock; SQLite has no such lock, so a process that lost the race (its
 * transaction rolled back on the winner's rows) simply tries again and finds the work done.
 */
export async function migrate(db: Kysely<Tables>, engine: Engine, attempts = 3): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(engine) });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    if (attempt >= attempts) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`migration${failed ? ` "${failed}"` : ''} failed: ${message(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
  }
}

export async function openStore(config: StoreConfig, now?: () => Date): Promise<Store> {
  const url = config.DATABASE_URL;
  const engine: Engine = url ? 'postgres' : 'sqlite';
  // Never the URL itself in a message: it can hold a password.
  const where = url ? 'the PostgreSQL database in DATABASE_URL' : `the SQLite file ${config.DATABASE_PATH} (DATABASE_PATH)`;
  let db: Kysely<Tables> | undefined;
  let raw: RawSqlite | undefined;
  try {
    if (url) db = postgres(url);
    else ({ db, raw } = sqlite(config.DATABASE_PATH));
    await migrate(db, engine);
  } catch (err) {
    await db?.destroy().catch(() => undefined);
    throw new StoreError(`cannot open ${where}: ${message(err)}`);
  }
  return new DbStore(db, engine, now, raw);
}
