// The SQLite store (better-sqlite3): one file, WAL mode, migrations applied at open.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { MAX_STORED_QUESTION, type ConversationRef, type FeedbackInput, type FeedbackRecord, type Store, type Vote } from './store';

interface FeedbackRow {
  id: number;
  at: string;
  platform: string;
  user_id: string;
  conversation: string;
  question: string;
  intent: string;
  vote: Vote;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly latest: Database.Statement;
  private readonly upsertRef: Database.Statement;
  private readonly selectRef: Database.Statement;

  constructor(path: string, private readonly now: () => Date = () => new Date()) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.insert = this.db.prepare(
      'INSERT INTO feedback (at, platform, user_id, conversation, question, intent, vote) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.latest = this.db.prepare('SELECT * FROM feedback ORDER BY id DESC LIMIT ?');
    this.upsertRef = this.db.prepare(
      `INSERT INTO conversation_refs (platform, conversation, reference, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (platform, conversation) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
    );
    this.selectRef = this.db.prepare('SELECT * FROM conversation_refs WHERE platform = ? AND conversation = ?');
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, this.now().toISOString());
      })();
    }
  }

  async recordFeedback(f: FeedbackInput): Promise<FeedbackRecord> {
    const at = this.now().toISOString();
    const question = f.question.slice(0, MAX_STORED_QUESTION);
    const result = this.insert.run(at, f.platform, f.user, f.conversation, question, f.intent, f.vote);
    return { ...f, question, id: Number(result.lastInsertRowid), at };
  }

  async latestFeedback(limit: number): Promise<FeedbackRecord[]> {
    return (this.latest.all(limit) as FeedbackRow[]).map((r) => ({
      id: r.id,
      at: r.at,
      platform: r.platform,
      user: r.user_id,
      conversation: r.conversation,
      question: r.question,
      intent: r.intent,
      vote: r.vote,
    }));
  }

  async saveConversationRef(platform: string, conversation: string, reference: string): Promise<void> {
    this.upsertRef.run(platform, conversation, reference, this.now().toISOString());
  }

  async getConversationRef(platform: string, conversation: string): Promise<ConversationRef | undefined> {
    const row = this.selectRef.get(platform, conversation) as
      | { platform: string; conversation: string; reference: string; updated_at: string }
      | undefined;
    return row && { platform: row.platform, conversation: row.conversation, reference: row.reference, updatedAt: row.updated_at };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
