// What whosejob keeps between restarts and shares between replicas, one interface per area. The
// rules live in the database (unique keys, ON CONFLICT DO NOTHING … RETURNING), so two replicas
// racing on the same fact agree without talking to each other.
export type Vote = 'up' | 'down';

export interface FeedbackInput {
  platform: string;
  user: string;
  conversation: string;
  question: string;
  intent: string;
  vote: Vote;
}

export interface FeedbackRecord extends FeedbackInput {
  id: number;
  at: string; // ISO 8601
}

/** Where the bot can post later without being asked (a Teams conversation reference, as JSON). */
export interface ConversationRef {
  platform: string;
  conversation: string;
  reference: string;
  updatedAt: string;
}

export interface FeedbackStore {
  recordFeedback(feedback: FeedbackInput): Promise<FeedbackRecord>;
  latestFeedback(limit: number): Promise<FeedbackRecord[]>;
}

export interface ConversationRefStore {
  saveConversationRef(platform: string, conversation: string, reference: string): Promise<void>;
  getConversationRef(platform: string, conversation: string): Promise<ConversationRef | undefined>;
}

/** Key → JSON text: the state a turn loads and saves. */
export interface StateStore {
  getState(key: string): Promise<string | undefined>;
  putState(key: string, data: string): Promise<void>;
}

/**
 * Work that must happen once (answering a Slack event): the first claimant gets true and every later
 * one false, unless `leaseMs` is given and the claim is older than that without being finished, which
 * means its process died mid-way: then the later claimant takes it over, so nothing is lost.
 */
export interface OnceStore {
  claimOnce(scope: string, id: string, leaseMs?: number): Promise<boolean>;
  /** Marks claimed work as done, so no retry ever takes it over. */
  finishOnce(scope: string, id: string): Promise<void>;
}

export interface Store extends FeedbackStore, ConversationRefStore, StateStore, OnceStore {
  readonly engine: 'sqlite' | 'postgres';
  /** Whether the database answers: for GET /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Questions are stored bounded: a vote needs the question, not a pasted log file. */
export const MAX_STORED_QUESTION = 1000;
/** State and keys are bounded too: a forged id or a runaway state must not fill the disk. */
export const MAX_KEY = 500;
export const MAX_STATE = 64 * 1024;
