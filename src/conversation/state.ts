// What a conversation carries from one turn to the next, loaded from a StateStore at the start of a
// turn and saved at its end, as botbuilder's ConversationState does: the store is the truth, so any
// replica can take the next message. Two scopes: the follow-up context of one person in one
// conversation, which goes stale after a quiet half hour, and a person's own progress (how far into
// the quiz they are), which does not.
import { z } from 'zod';

/** Key → JSON text. The database stores implement it; MemoryStateStore serves the console and tests. */
export interface StateStore {
  getState(key: string): Promise<string | undefined>;
  putState(key: string, data: string): Promise<void>;
}

const ConversationState = z.object({
  lastTaskId: z.string().optional(),
  lastServiceIds: z.array(z.string()).default([]),
  /** The last answer with sources as a standalone question: "why?" re-derives it (answers are deterministic). */
  lastExplainable: z.string().optional(),
  /** The id of the quiz question waiting for this person's typed answer. */
  pendingQuizId: z.string().optional(),
  /** What the person is in the middle of, so "next" means the next question or the next lesson. */
  mode: z.enum(['quiz', 'lesson']).optional(),
  /** The onboarding lesson this person is on, in this conversation. */
  lesson: z.number().int().min(0).optional(),
  touched: z.number().default(0), // ms since epoch
});
export type ConversationState = z.infer<typeof ConversationState>;

const PersonState = z.object({ quizCount: z.number().int().min(0).default(0) });
export type PersonState = z.infer<typeof PersonState>;

export interface StateOptions {
  /** How long a quiet conversation keeps its follow-up context. */
  ttlMs?: number;
  now?: () => number;
}

/** Stored text back as state; anything unreadable (an older shape, a torn write) starts afresh. */
function parse<T>(schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The state's content without its timestamp, to tell a changed state from a merely touched one. */
const content = (state: ConversationState): string => JSON.stringify({ ...state, touched: 0 });

export class ConversationStates {
  private readonly ttlMs: number;
  readonly now: () => number;
  /** What each loaded state held, so a turn that changed nothing writes nothing (a write is most of a turn's cost). */
  private readonly loaded = new WeakMap<ConversationState, { content: string; touched: number }>();

  constructor(
    private readonly store: StateStore,
    options: StateOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 30 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  async conversation(key: string): Promise<ConversationState> {
    const state = parse(ConversationState, await this.store.getState(`c:${key}`));
    if (state && this.now() - state.touched <= this.ttlMs) {
      this.loaded.set(state, { content: content(state), touched: state.touched });
      return state;
    }
    return { lastServiceIds: [], touched: this.now() };
  }

  async saveConversation(key: string, state: ConversationState): Promise<void> {
    const before = this.loaded.get(state);
    // Unchanged and touched recently: the stored copy is as good, and keeps the context alive long enough.
    if (before && before.content === content(state) && this.now() - before.touched < this.ttlMs / 2) return;
    await this.store.putState(`c:${key}`, JSON.stringify({ ...state, touched: this.now() }));
  }

  async person(key: string): Promise<PersonState> {
    return parse(PersonState, await this.store.getState(`p:${key}`)) ?? { quizCount: 0 };
  }

  async savePerson(key: string, state: PersonState): Promise<void> {
    await this.store.putState(`p:${key}`, JSON.stringify(state));
  }
}

/** State in this process only, least recently used forgotten first: the console, the CLI and tests. */
export class MemoryStateStore implements StateStore {
  private readonly entries = new Map<string, string>();

  constructor(private readonly max = 10_000) {}

  async getState(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async putState(key: string, data: string): Promise<void> {
    this.entries.delete(key); // re-insert so Map order is least recently used first
    this.entries.set(key, data);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
