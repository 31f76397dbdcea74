// A practice-exam item someone saved to their own quiz ("Add to my quiz"), as a quiz question that
// spaced repetition can bring back. A single-answer item keeps its options. A multi-answer item becomes
// one question whose choices are the sets of letters ("A + C"), because a quiz click picks one choice;
// its options are then listed in the question itself.
import type { ExamItem } from '../exam/parse';
import type { ExamAnswer } from '../exam/reason';
import type { QuizItem } from './questions';

/** Quiz ids of saved exam items start with this; the bank's ids never do. */
export const EXAM_QUIZ_PREFIX = 'x:';
/** A quiz click carries one digit, so at most ten choices. */
const MAX_CHOICES = 10;
const MODEL_PAGE = 'https://aws.amazon.com/compliance/shared-responsibility-model/';

/** Every set of `k` of the letters, in order (A+B, A+C, …). */
function combinations(letters: string[], k: number): string[][] {
  if (k === 0) return [[]];
  const out: string[][] = [];
  letters.forEach((first, i) => {
    for (const rest of combinations(letters.slice(i + 1), k - 1)) out.push([first, ...rest]);
  });
  return out;
}

/**
 * The quiz question for an item the bot answered; undefined when it picked nothing (there is no answer
 * to check against) or when a multi-answer item has more sets of letters than a quiz can offer.
 */
export function examQuizItem(id: string, item: ExamItem, answer: ExamAnswer): QuizItem | undefined {
  const picked = [...answer.choices].sort();
  if (picked.length === 0) return undefined;
  const right = answer.options.filter((o) => picked.includes(o.letter));
  const explanation = right.map((o) => `${o.letter}) ${o.reason}`).join(' ');
  const source = right.flatMap((o) => o.sources)[0] ?? MODEL_PAGE;
  const base = { id: `${EXAM_QUIZ_PREFIX}${id}`, explanation, source, difficulty: 'medium' as const, tags: ['practice-exam'] };
  if (picked.length === 1) {
    const index = item.options.findIndex((o) => o.letter === picked[0]);
    return index < 0 ? undefined : { ...base, question: item.stem, choices: item.options.map((o) => o.text), answer: index };
  }
  const sets = combinations(
    item.options.map((o) => o.letter),
    picked.length,
  );
  if (sets.length > MAX_CHOICES) return undefined;
  const labels = sets.map((s) => s.join(' + '));
  const index = labels.indexOf(picked.join(' + '));
  if (index < 0) return undefined;
  const listed = item.options.map((o) => `${o.letter}) ${o.text}`).join('\n');
  return { ...base, question: `${item.stem}\n${listed}`, choices: labels, choiceLabels: labels, answer: index };
}

/** The letters typed as an answer to a letter-set question ("a and c", "A+C", "b, d"), as its label. */
export function typedLetters(text: string): string | undefined {
  const t = text.trim().replace(/[.!]+$/, '');
  if (!/^[a-j](?:\s*(?:,|\+|&|\band\b|\s)\s*[a-j])+$/i.test(t)) return undefined;
  const letters = [...t.toUpperCase().replace(/\bAND\b/g, ' ').matchAll(/[A-J]/g)].map((m) => m[0]);
  return new Set(letters).size === letters.length ? letters.sort().join(' + ') : undefined;
}
