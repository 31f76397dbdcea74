// Group commit for SQLite. A chat turn makes three small writes (claim its event, save its state, mark the
// event done), and on SQLite each one as its own transaction pays a commit apiece, the largest part of a
// turn's cost (measured with npm run bench:slack). Writes queued within a millisecond of each other are
// committed together in one transaction instead. Each caller's promise settles only after the commit that
// holds its write, so nothing is acknowledged earlier than before; a write that fails fails alone.
import type { SqliteDatabase } from './sqlite-driver';

const WINDOW_MS = 1;

interface Pending<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit {
  // Pending<unknown> holds writes of any result type; each resolve was built for its own work's type.
  private queue: Pending<unknown>[] = [];
  private scheduled = false;

  constructor(private readonly db: SqliteDatabase) {}

  /** Runs `work` (synchronous statements) inside the next shared transaction; resolves after its commit. */
  write<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // A window of one millisecond gathers the writes of every turn under way (a loop turn's worth
        // caught too few under load: npm run bench:teams measured 78-80 % of the bare bot with it, 87-99 %
        // with this), and a millisecond is nothing beside a chat reply's round trip.
        setTimeout(() => this.flush(), WINDOW_MS);
      }
    });
  }

  /** Commits everything queued now; a read calls this first so it sees every write made before it. */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.db.transaction(() => {
        for (const p of batch) {
          // A failed statement is undone by SQLite alone (statement rollback); the others still commit.
          try {
            outcomes.push({ ok: true, value: p.work() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed (disk full, I/O): none of the batch is stored.
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }
}
