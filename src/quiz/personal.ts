// A person's own "quiz me": spaced repetition with ts-fsrs (a well-kept FSRS implementation). A miss
// is graded Again and a right answer Good; the card state lives in the store, so what someone got
// wrong comes back to them, on any replica and after any restart. Questions they have not seen come
// next, in an order of their own; a person who has seen everything gets the card due soonest.
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import type { QuizStore } from '../store/store';
import { EXAM_QUIZ_PREFIX } from './from-exam';
import type { QuizItem } from './questions';

const scheduler = fsrs();

/** Stored card JSON back as a Card (dates are strings in JSON). */
function readCard(text: string): Card | undefined {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (typeof raw.due !== 'string') return undefined;
    return { ...(raw as unknown as Card), due: new Date(raw.due), last_review: typeof raw.last_review === 'string' ? new Date(raw.last_review) : undefined };
  } catch {
    return undefined;
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class PersonalQuiz {
  private readonly byId: Map<string, QuizItem>;

  constructor(
    private readonly store: QuizStore,
    private readonly bank: readonly QuizItem[],
    private readonly now: () => Date = () => new Date(),
    /** Finds a question that is not in the bank: a practice-exam item someone saved to their quiz. */
    private readonly saved?: (id: string) => Promise<QuizItem | undefined>,
  ) {
    this.byId = new Map(bank.map((q) => [q.id, q]));
  }

  /** A question by id: the bank's, or a saved exam item; undefined when neither has it. */
  async item(id: string): Promise<QuizItem | undefined> {
    return this.byId.get(id) ?? (id.startsWith(EXAM_QUIZ_PREFIX) && this.saved ? this.saved(id) : undefined);
  }

  /** Puts a saved exam item in the person's deck, due now; false when it is there already. */
  async add(platform: string, user: string, questionId: string): Promise<boolean> {
    if ((await this.store.getCard(platform, user, questionId)) !== undefined) return false;
    const card = createEmptyCard<Card>(this.now());
    await this.store.putCard(platform, user, questionId, JSON.stringify(card), card.due.toISOString());
    return true;
  }

  /** The person's next question: a missed or due one first, then one they have not seen. */
  async next(platform: string, user: string, avoid?: string): Promise<QuizItem> {
    const now = this.now();
    for (const id of await this.store.dueCards(platform, user, now.toISOString(), 5)) {
      if (id === avoid) continue;
      const item = await this.item(id);
      if (item) return item;
    }
    const seen = new Set(await this.store.cardIds(platform, user));
    // Unseen questions in an order of the person's own (the same on every replica).
    const offset = hash(`${platform}:${user}`) % this.bank.length;
    for (let i = 0; i < this.bank.length; i++) {
      const q = this.bank[(offset + i * 7919) % this.bank.length]!;
      if (!seen.has(q.id) && q.id !== avoid) return q;
    }
    // Everything seen and nothing due: the card due soonest.
    const soonest = (await this.store.dueCards(platform, user, '9999-12-31T00:00:00.000Z', 2)).find((id) => id !== avoid && this.byId.has(id));
    return this.byId.get(soonest ?? this.bank[offset]!.id)!;
  }

  /** Records how the person did: a miss comes back soon, a right answer later and later. */
  async grade(platform: string, user: string, questionId: string, right: boolean): Promise<Card> {
    const now = this.now();
    const stored = await this.store.getCard(platform, user, questionId);
    const card: Card = (stored === undefined ? undefined : readCard(stored)) ?? createEmptyCard<Card>(now);
    const next = scheduler.next(card, now, right ? Rating.Good : Rating.Again).card;
    await this.store.putCard(platform, user, questionId, JSON.stringify(next), next.due.toISOString());
    return next;
  }
}
