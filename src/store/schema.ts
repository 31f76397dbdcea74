// The tables, as Kysely sees them. Times are ISO 8601 text on both engines, so rows read the same
// whichever engine wrote them and compare as strings.
import type { Generated } from 'kysely';

export interface FeedbackTable {
  id: Generated<number>;
  at: string;
  platform: string;
  user_id: string;
  conversation: string;
  question: string;
  intent: string;
  vote: 'up' | 'down';
}

export interface ConversationRefTable {
  platform: string;
  conversation: string;
  reference: string;
  updated_at: string;
}

/** The state a turn loads and saves (follow-up context, a person's place in the quiz), as JSON text. */
export interface StateTable {
  key: string;
  data: string;
  updated_at: string;
}

/** Facts that may happen once: a Slack event id handled, a Teams activity answered. */
export interface OnceTable {
  scope: string;
  id: string;
  /** When it was claimed (or last taken over). */
  at: string;
  /** When the work it guards was done; null while in progress, or if its process died. */
  done_at: string | null;
}

export interface Database {
  feedback: FeedbackTable;
  conversation_refs: ConversationRefTable;
  state: StateTable;
  once_keys: OnceTable;
}
