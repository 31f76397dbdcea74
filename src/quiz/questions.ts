// The pool of quiz questions: the curated ones in data/quiz.yaml, and ones made from the facts
// themselves ("Who patches the guest OS of Amazon EC2?"), so every fact can be practised.
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
}

export function quizPool(kb: Facts): QuizItem[] {
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
    .filter((g) => !curatedWords.some((w) => jaccard(w, wordSet(g.question)) >= NEAR_DUPLICATE))
    .map(({ id, question, choices, answer, explanation, source, difficulty, tags }): QuizItem => ({ id, question, choices, answer, explanation, source, difficulty, tags }));
  return [...curated, ...made];
}

/** A spread-out walk through the pool: the n-th question of a conversation, never the same twice in a row. */
export function pickQuestion(pool: readonly QuizItem[], seed: number, n: number): QuizItem {
  const step = 7919; // a prime larger than the pool, so consecutive picks land far apart
  return pool[(seed + n * step) % pool.length]!;
}
