// Group commit on a real SQLite file: writes of one loop turn share a transaction, each promise settles
// after its commit, a failing write fails alone, and a read sees writes still waiting for their commit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../../src/store/sqlite-driver';
import { GroupCommit } from '../../src/store/group-commit';
import { openStore } from '../../src/store/open';

describe('GroupCommit', () => {
  let dir: string;
  let db: InstanceType<typeof SqliteDatabase>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'whosejob-group-commit-'));
    db = new SqliteDatabase(join(dir, 'g.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits the writes queued together in one transaction, and each promise after it', async () => {
    const commits = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    // A second connection sees nothing until the one commit: while the third write runs, the first two
    // are still uncommitted, so they were not committed one by one.
    const other = new SqliteDatabase(join(dir, 'g.db'), { readonly: true });
    const seen: Array<{ inTransaction: boolean; committedRows: unknown }> = [];
    const writes = ['a', 'b', 'c'].map((k, i) =>
      commits.write(() => {
        const changes = insert.run(k, i).changes;
        seen.push({ inTransaction: db.inTransaction, committedRows: other.prepare('SELECT count(*) AS n FROM t').get() });
        return changes;
      }),
    );
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 }); // queued, not yet run
    await expect(Promise.all(writes)).resolves.toEqual([1, 1, 1]);
    expect(seen).toEqual([0, 1, 2].map(() => ({ inTransaction: true, committedRows: { n: 0 } })));
    expect(other.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
    other.close();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
  });

  it('fails a write alone: the others of its batch are committed', async () => {
    const commits = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
    const first = commits.write(() => insert.run('x', 1).changes);
    const duplicate = commits.write(() => insert.run('x', 2).changes);
    const third = commits.write(() => insert.run('y', 3).changes);
    await expect(first).resolves.toBe(1);
    // Read the message rather than use rejects.toThrow: SqliteError is not always an Error of jest's realm.
    const failure = await duplicate.then(
      () => 'resolved',
      (err: unknown) => String((err as { message?: unknown }).message),
    );
    expect(failure).toMatch(/UNIQUE/);
    await expect(third).resolves.toBe(1);
    expect(db.prepare('SELECT k, v FROM t ORDER BY k').all()).toEqual([
      { k: 'x', v: 1 },
      { k: 'y', v: 3 },
    ]);
  });

  it('flush() commits what is queued at once, so a read right after sees it', async () => {
    const commits = new GroupCommit(db);
    const pending = commits.write(() => db.prepare('INSERT INTO t (k, v) VALUES (?, ?)').run('z', 9).changes);
    commits.flush();
    expect(db.prepare('SELECT v FROM t WHERE k = ?').get('z')).toEqual({ v: 9 });
    await expect(pending).resolves.toBe(1);
  });
});

describe('the SQLite store with group commit', () => {
  it('reads a state written in the same loop turn, and keeps every write across a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'whosejob-group-commit-store-'));
    const path = join(dir, 's.db');
    try {
      const store = await openStore({ DATABASE_PATH: path });
      const put = store.putState('k1', '{"n":1}');
      const claims = [store.claimOnce('ev', 'e1'), store.claimOnce('ev', 'e1'), store.claimOnce('ev', 'e2')];
      // Not awaited yet: the read must still see the queued write.
      await expect(store.getState('k1')).resolves.toBe('{"n":1}');
      await put;
      await expect(Promise.all(claims)).resolves.toEqual([true, false, true]);
      const finished = store.finishOnce('ev', 'e1');
      await store.close(); // closing commits what is still queued
      await finished;
      const reopened = await openStore({ DATABASE_PATH: path });
      await expect(reopened.getState('k1')).resolves.toBe('{"n":1}');
      await expect(reopened.claimOnce('ev', 'e1', 0)).resolves.toBe(false); // done: never taken over
      await expect(reopened.claimOnce('ev', 'e2', 0)).resolves.toBe(true); // unfinished: lease 0 takes it
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
