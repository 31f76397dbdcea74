// Fresh databases for one test: a SQLite file in a temp folder, or a new database on the run's
// PostgreSQL (test/support/postgres.ts), so tests never see each other's rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { URL_VAR } from './postgres';

export type EngineName = 'sqlite' | 'postgres';
export const ENGINES: EngineName[] = ['sqlite', 'postgres'];

let counter = 0;

/** A new, empty PostgreSQL database on the test server; its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const base = process.env[URL_VAR];
  if (!base) throw new Error(`${URL_VAR} is not set: jest's globalSetup starts PostgreSQL (see test/support/postgres.ts)`);
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base.replace(/^postgres(ql)?:/, 'http:'));
  url.pathname = `/${name}`;
  return url.toString().replace(/^http:/, 'postgresql:');
}

/** Store settings for a fresh database of the engine; `cleanup` removes a SQLite folder. */
export async function freshDatabase(engine: EngineName): Promise<{ DATABASE_PATH: string; DATABASE_URL?: string; cleanup: () => void }> {
  if (engine === 'postgres') return { DATABASE_PATH: ':unused:', DATABASE_URL: await freshPostgresUrl(), cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'whosejob-db-'));
  return { DATABASE_PATH: join(dir, 'whosejob.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
