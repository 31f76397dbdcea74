// What whosejob keeps between restarts, behind one interface: SQLite today, Postgres later, so
// several replicas can share one database. Methods are async so a networked store fits the shape.
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

export interface Store {
  recordFeedback(feedback: FeedbackInput): Promise<FeedbackRecord>;
  latestFeedback(limit: number): Promise<FeedbackRecord[]>;
  saveConversationRef(platform: string, conversation: string, reference: string): Promise<void>;
  getConversationRef(platform: string, conversation: string): Promise<ConversationRef | undefined>;
  close(): Promise<void>;
}

/** Questions are stored bounded: a vote needs the question, not a pasted log file. */
export const MAX_STORED_QUESTION = 1000;
