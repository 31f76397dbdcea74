// Schema changes, in order, for both engines, through Kysely's Migrator: it records what ran in its
// own table and holds a lock while it runs (an advisory lock on PostgreSQL), so two replicas starting
// at once migrate once. The few types that differ by engine (an auto-increment key) are chosen here.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

// Kysely's migrations work on a database whose tables they are creating, so they cannot use the
// typed Database interface; `any` is Kysely's documented type for a migration's handle.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

function migrations(engine: Engine): Record<string, Migration> {
  const autoId = engine === 'postgres' ? 'bigserial' : 'integer';
  return {
    // Databases made before Kysely (schema_migrations 1 and 2) already hold these two tables: kept as they are.
    '001 feedback and conversation references': {
      async up(db: Db) {
        await db.schema
          .createTable('feedback')
          .ifNotExists()
          .addColumn('id', autoId, (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('conversation', 'text', (c) => c.notNull())
          .addColumn('question', 'text', (c) => c.notNull())
          .addColumn('intent', 'text', (c) => c.notNull())
          .addColumn('vote', 'text', (c) => c.notNull().check(sql`vote IN ('up', 'down')`))
          .execute();
        await db.schema.createIndex('feedback_at').ifNotExists().on('feedback').column('at').execute();
        await db.schema
          .createTable('conversation_refs')
          .ifNotExists()
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('conversation', 'text', (c) => c.notNull())
          .addColumn('reference', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('conversation_refs_pk', ['platform', 'conversation'])
          .execute();
      },
    },
    '002 turn state and once-only keys': {
      async up(db: Db) {
        await db.schema
          .createTable('state')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('state_updated_at').on('state').column('updated_at').execute();
        await db.schema
          .createTable('once_keys')
          .addColumn('scope', 'text', (c) => c.notNull())
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('once_keys_pk', ['scope', 'id'])
          .execute();
        await db.schema.createIndex('once_keys_at').on('once_keys').column('at').execute();
      },
    },
    '003 once-only keys finish': {
      async up(db: Db) {
        // A claim whose work never finished (its process died) can be taken over by a retry.
        await db.schema.alterTable('once_keys').addColumn('done_at', 'text').execute();
      },
    },
    '004 daily quiz': {
      async up(db: Db) {
        await db.schema
          .createTable('quiz_schedules')
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('time', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('weekdays', 'integer', (c) => c.notNull())
          .addColumn('next_run_at', 'text', (c) => c.notNull())
          .addColumn('paused_reason', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('quiz_schedules_pk', ['platform', 'channel'])
          .execute();
        await db.schema.createIndex('quiz_schedules_due').on('quiz_schedules').column('next_run_at').execute();
        await db.schema
          .createTable('quiz_posts')
          .addColumn('id', autoId, (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          // The channel's own calendar day: one post per channel per day is this unique key.
          .addColumn('local_date', 'text', (c) => c.notNull())
          .addColumn('question_id', 'text', (c) => c.notNull())
          .addColumn('claimed_at', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text')
          .addColumn('message_id', 'text')
          .addColumn('revealed_at', 'text')
          .addUniqueConstraint('quiz_posts_one_a_day', ['platform', 'channel', 'local_date'])
          .execute();
        await db.schema
          .createTable('quiz_answers')
          .addColumn('post_id', 'integer', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('choice', 'integer', (c) => c.notNull())
          .addColumn('correct', 'integer', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          // One answer per person per post, whatever the number of clicks or replicas.
          .addPrimaryKeyConstraint('quiz_answers_pk', ['post_id', 'user_id'])
          .execute();
        await db.schema
          .createTable('quiz_cards')
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('question_id', 'text', (c) => c.notNull())
          .addColumn('card', 'text', (c) => c.notNull())
          .addColumn('due', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('quiz_cards_pk', ['platform', 'user_id', 'question_id'])
          .execute();
      },
    },
    '005 onboarding progress': {
      async up(db: Db) {
        await db.schema
          .createTable('onboarding_progress')
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          // Where the person talks with the bot one to one (a Slack DM channel, a Teams personal chat).
          .addColumn('dm', 'text', (c) => c.notNull())
          .addColumn('lesson', 'integer', (c) => c.notNull())
          .addColumn('step', 'integer', (c) => c.notNull())
          .addColumn('finished_at', 'text')
          .addColumn('pace', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('next_at', 'text')
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('moved_at', 'text', (c) => c.notNull())
          .addColumn('reminders', 'integer', (c) => c.notNull())
          .addColumn('reminded_at', 'text')
          .addColumn('reminders_off', 'integer', (c) => c.notNull())
          // Checkpoint results: the lessons answered right and the lessons to revisit, as JSON lists of ids.
          .addColumn('passed', 'text', (c) => c.notNull())
          .addColumn('missed', 'text', (c) => c.notNull())
          // Bumped by every change: a change applies only to the version it was made from.
          .addColumn('version', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('onboarding_progress_pk', ['platform', 'user_id'])
          .execute();
        await db.schema.createIndex('onboarding_next_at').on('onboarding_progress').column('next_at').execute();
        await db.schema
          .createTable('onboarding_welcomed')
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('onboarding_welcomed_pk', ['platform', 'user_id'])
          .execute();
      },
    },
    '006 quiz reveal hour': {
      async up(db: Db) {
        await db.schema.alterTable('quiz_schedules').addColumn('reveal_time', 'text').execute();
      },
    },
    '007 practice-exam items': {
      async up(db: Db) {
        await db.schema
          .createTable('exam_items')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}

export const migrationProvider = (engine: Engine): MigrationProvider => ({
  getMigrations: async () => migrations(engine),
});
