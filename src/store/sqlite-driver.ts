// Which better-sqlite3 to load. Version 12 is built against each Node.js release's own ABI, and on
// Node 24 it aborts the process when a statement is finalized after the environment's teardown began
// (node::RemoveEnvironmentCleanupHook asserts; WiseLibs/better-sqlite3#1515). Version 13 uses Node-API
// and ships prebuilt binaries, but needs Node 22 or newer and crashes on Node 20. So: 13 from Node 22
// on, 12 before (installed under the alias better-sqlite3-napi and better-sqlite3).
import type BetterSqlite3 from 'better-sqlite3';

const major = Number(process.versions.node.split('.')[0]);

/** The better-sqlite3 Database class that is safe on this Node.js. */
// The two versions share one API; the require is typed by the v12 types both packages follow.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const SqliteDatabase: typeof BetterSqlite3 = major >= 22 ? require('better-sqlite3-napi') : require('better-sqlite3');

export type SqliteDatabase = BetterSqlite3.Database;
