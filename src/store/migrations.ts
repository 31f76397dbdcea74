// Schema changes, in order. Each runs once per database, inside a transaction, and is recorded.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'feedback votes',
    sql: `
      CREATE TABLE feedback (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        at           TEXT    NOT NULL,
        platform     TEXT    NOT NULL,
        user_id      TEXT    NOT NULL,
        conversation TEXT    NOT NULL,
        question     TEXT    NOT NULL,
        intent       TEXT    NOT NULL,
        vote         TEXT    NOT NULL CHECK (vote IN ('up', 'down'))
      );
      CREATE INDEX feedback_at ON feedback (at);
    `,
  },
  {
    version: 2,
    name: 'conversation references for proactive posts',
    sql: `
      CREATE TABLE conversation_refs (
        platform     TEXT NOT NULL,
        conversation TEXT NOT NULL,
        reference    TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (platform, conversation)
      );
    `,
  },
];
