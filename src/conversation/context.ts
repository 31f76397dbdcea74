// What the bot remembers of a conversation for a short while: the last question (for "and for S3?"
// and "why?"), a pending quiz question, the onboarding lesson. Bounded in size and in time.
import type { QuizItem } from '../quiz/questions';

export interface ConversationState {
  lastTaskId?: string;
  lastServiceIds: string[];
  /** The last answer with sources, as a standalone question: "why?" re-derives it (answers are deterministic),
   * so each conversation keeps a short string instead of a whole reply. */
  lastExplainable?: string;
  pendingQuiz?: QuizItem;
  quizCount: number;
  lesson?: number;
  touched: number; // ms since epoch
}

export interface MemoryOptions {
  ttlMs?: number;
  maxConversations?: number;
  now?: () => number;
}

export class ConversationMemory {
  private readonly states = new Map<string, ConversationState>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: MemoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60 * 1000;
    this.max = options.maxConversations ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** The state of a conversation, fresh if it was never seen or has gone quiet for too long. */
  get(key: string): ConversationState {
    const state = this.states.get(key);
    if (state && this.now() - state.touched <= this.ttlMs) return state;
    if (state) this.states.delete(key);
    return { lastServiceIds: [], quizCount: 0, touched: this.now() };
  }

  set(key: string, state: ConversationState): void {
    state.touched = this.now();
    this.states.delete(key); // re-insert so Map order is least-recently-used first
    this.states.set(key, state);
    while (this.states.size > this.max) {
      const oldest = this.states.keys().next().value;
      if (oldest === undefined) break;
      this.states.delete(oldest);
    }
  }

  get size(): number {
    return this.states.size;
  }
}
