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

export interface QuizScheduleTable {
  platform: string;
  channel: string;
  time: string;
  time_zone: string;
  weekdays: number; // 0 or 1: SQLite has no boolean
  next_run_at: string;
  paused_reason: string | null;
  reveal_time: string | null;
  updated_at: string;
}

export interface QuizPostTable {
  id: Generated<number>;
  platform: string;
  channel: string;
  local_date: string;
  question_id: string;
  claimed_at: string;
  sent_at: string | null;
  message_id: string | null;
  revealed_at: string | null;
}

export interface QuizAnswerTable {
  post_id: number;
  user_id: string;
  choice: number;
  correct: number; // 0 or 1
  at: string;
}

/** A person's spaced-repetition card for one question (ts-fsrs state as JSON). */
export interface QuizCardTable {
  platform: string;
  user_id: string;
  question_id: string;
  card: string;
  due: string;
}

export interface OnboardingTable {
  platform: string;
  user_id: string;
  dm: string;
  lesson: number;
  step: number;
  finished_at: string | null;
  pace: string;
  time_zone: string;
  next_at: string | null;
  started_at: string;
  moved_at: string;
  reminders: number;
  reminded_at: string | null;
  reminders_off: number; // 0 or 1
  passed: string;
  missed: string;
  version: number;
}

export interface OnboardingWelcomedTable {
  platform: string;
  user_id: string;
  at: string;
}

export interface ExamItemTable {
  id: string;
  text: string;
  created_at: string;
}

export interface Database {
  exam_items: ExamItemTable;
  onboarding_progress: OnboardingTable;
  onboarding_welcomed: OnboardingWelcomedTable;
  quiz_schedules: QuizScheduleTable;
  quiz_posts: QuizPostTable;
  quiz_answers: QuizAnswerTable;
  quiz_cards: QuizCardTable;
  feedback: FeedbackTable;
  conversation_refs: ConversationRefTable;
  state: StateTable;
  once_keys: OnceTable;
}
