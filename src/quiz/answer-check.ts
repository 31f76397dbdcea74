// Reads a chat reply as an answer to a quiz question: "1", "b", "aws", "it's shared", "true"…
import { tokenize } from '../nlu/normalize';
import { typedLetters } from './from-exam';
import type { QuizItem } from './questions';

const SYNONYMS: Record<string, string[]> = {
  aws: ['aws', 'amazon', 'them', 'provider'],
  you: ['you', 'me', 'us', 'we', 'customer', 'our', 'ours', 'mine'],
  shared: ['shared', 'both', 'share', 'split'],
  true: ['true', 'yes', 't', 'correct', 'right', 'y'],
  false: ['false', 'no', 'f', 'wrong', 'n'],
};

/** The index of the choice the reply picks, or undefined when it does not read as an answer. */
/** Hedges around an answer ("i think it's shared", "probably aws"): not part of it. */
const HEDGES = new Set(['i', 'think', 'guess', 'say', 'd', 'would', 'probably', 'maybe', 'perhaps', 'its', 'it', 's', 'is', 'pretty', 'sure', 'the', 'answer', 'hmm', 'um']);

export function readAnswer(item: QuizItem, text: string): number | undefined {
  // A saved multi-answer exam item: its choices are sets of letters, typed as "a and c".
  if (item.choiceLabels) {
    const letters = typedLetters(text);
    const i = letters === undefined ? -1 : item.choiceLabels.indexOf(letters);
    return i >= 0 ? i : undefined;
  }
  const typed = tokenize(text);
  // A lone "i" is the customer ("I", the one asked); among other words it is a hedge.
  const words = typed.length === 1 ? (typed[0] === 'i' ? ['me'] : typed) : typed.filter((w) => !HEDGES.has(w));
  if (words.length === 0 || words.length > 6) return undefined;
  const joined = words.join(' ');
  const byNumber = /^(?:answer |option )?([1-4])$/.exec(joined);
  if (byNumber) {
    const i = Number(byNumber[1]) - 1;
    return i < item.choices.length ? i : undefined;
  }
  const byLetter = /^(?:answer |option )?([a-h])$/.exec(joined);
  if (byLetter) {
    const i = byLetter[1]!.charCodeAt(0) - 97;
    if (i < item.choices.length) return i;
  }
  const exact = item.choices.findIndex((c) => tokenize(c).join(' ') === joined);
  if (exact >= 0) return exact;
  const hits = new Set<number>();
  item.choices.forEach((choice, i) => {
    const first = tokenize(choice)[0] ?? '';
    const key = Object.keys(SYNONYMS).find((k) => SYNONYMS[k]!.includes(first) || k === first);
    const vocabulary = key ? SYNONYMS[key]! : [first];
    if (words.some((w) => vocabulary.includes(w))) hits.add(i);
  });
  return hits.size === 1 ? [...hits][0] : undefined;
}
