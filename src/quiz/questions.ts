// The pool of quiz questions: the curated ones in data/quiz.yaml, and ones made from the facts
// themselves ("Who patches the guest OS of Amazon EC2?"), so every fact can be practised; and the
// orders in which a person and a channel walk through it.
import { factQuestions } from '../kb/fact-questions';
import type { Facts } from '../kb/knowledge-base';
import { jaccard, NEAR_DUPLICATE, wordSet } from '../kb/quiz-check';
import type { Difficulty } from '../kb/schema';

export interface QuizItem {
  id: string;
  question: string;
  choices: string[];
  answer: number; // index into choices
  explanation: string;
  source: string;
  /** Every question of the pool has both; a question made elsewhere counts as medium. */
  difficulty?: Difficulty;
  tags?: string[];
  /** Labels that replace "A) choice" (a saved multi-answer exam item's choices are sets of letters). */
  choiceLabels?: string[];
}

// Facts never change once loaded, and every bot, scheduler and command asks for the pool: made once per Facts.
const poolMemo = new WeakMap<Facts, readonly QuizItem[]>();

export function quizPool(kb: Facts): QuizItem[] {
  let pool = poolMemo.get(kb);
  if (!pool) poolMemo.set(kb, (pool = makePool(kb)));
  return [...pool];
}

function makePool(kb: Facts): QuizItem[] {
  const curated: QuizItem[] = kb.quiz.map((q) => ({
    id: q.id,
    question: q.question,
    choices: q.choices,
    answer: q.answer,
    explanation: q.explanation,
    source: q.source,
    difficulty: q.difficulty,
    tags: q.tags,
  }));
  // A question made from a fact that a curated one already asks would come up twice: the curated one stays.
  const curatedWords = curated.map((q) => wordSet(q.question));
  const made = factQuestions(kb)
    .filter((g) => {
      const words = wordSet(g.question);
      return !curatedWords.some((w) => jaccard(w, words) >= NEAR_DUPLICATE);
    })
    .map(({ id, question, choices, answer, explanation, source, difficulty, tags }): QuizItem => ({ id, question, choices, answer, explanation, source, difficulty, tags }));
  return [...curated, ...made];
}

/** A spread-out walk through the pool: the n-th question of a conversation, never the same twice in a row. */
export function pickQuestion(pool: readonly QuizItem[], seed: number, n: number): QuizItem {
  const step = 7919; // a prime larger than the pool, so consecutive picks land far apart
  return pool[(seed + n * step) % pool.length]!;
}

/** The order in which a channel's days take difficulties; one that has run out is skipped. */
export const DIFFICULTY_TURNS: readonly Difficulty[] = ['easy', 'medium', 'hard', 'medium'];

/**
 * A channel's round through the bank: its own shuffle (the same on every replica and restart), dealt
 * so that difficulties take turns day by day (easy, medium, hard, medium…) while each lasts.
 */
export function channelRound(bank: readonly QuizItem[], channelKey: string): QuizItem[] {
  const piles = new Map<Difficulty, QuizItem[]>([['easy', []], ['medium', []], ['hard', []]]);
  for (const q of shuffled(bank, hash(channelKey))) piles.get(q.difficulty ?? 'medium')!.push(q);
  const next = new Map<Difficulty, number>([['easy', 0], ['medium', 0], ['hard', 0]]);
  const round: QuizItem[] = [];
  for (let turn = 0; round.length < bank.length; turn++) {
    const difficulty = DIFFICULTY_TURNS[turn % DIFFICULTY_TURNS.length]!;
    const i = next.get(difficulty)!;
    const q = piles.get(difficulty)![i];
    if (!q) continue;
    round.push(q);
    next.set(difficulty, i + 1);
  }
  return round;
}

/**
 * The channel's next question, from the ids it was asked, newest first: the one after the latest in
 * the channel's round, skipping any asked since the bank was last used up (that matters when the
 * bank has changed; an unchanged bank just goes round), so nothing repeats until everything was asked.
 */
export function nextForChannel(bank: readonly QuizItem[], channelKey: string, askedNewestFirst: readonly string[]): QuizItem {
  const round = channelRound(bank, channelKey);
  // The latest run of questions without a repeat: those asked since the bank was last used up.
  const run = new Set<string>();
  for (const id of askedNewestFirst) {
    if (run.has(id)) break;
    run.add(id);
  }
  const latest = askedNewestFirst[0] === undefined ? -1 : round.findIndex((q) => q.id === askedNewestFirst[0]);
  for (let step = 1; step <= round.length; step++) {
    const q = round[(latest + step) % round.length]!;
    if (!run.has(q.id)) return q;
  }
  return round[(latest + 1) % round.length]!; // everything asked since the last repeat: a new round
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A seeded shuffle: the same order on every replica and restart. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = Math.imul(s ^ (s >>> 15), 2246822507) ^ Math.imul(s ^ (s >>> 13), 3266489909);
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
