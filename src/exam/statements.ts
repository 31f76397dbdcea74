// Reads an option as one of the model's canonical statements (data/exam.yaml `statements`), true or
// a known misconception, when it says one of its wordings nearly word for word. Two guards keep a near
// match from flipping the sense: the party the sentence is about must agree ("AWS protects the data"
// is not "the customer protects the data"), and a "not" in only one of them flips the truth.
import type { ExamFile, ExamStatement } from '../kb/exam-schema';
import type { Owner } from '../reply/reply';
import { contentWords, negated, shared } from './words';

export interface StatementMatch {
  statement: ExamStatement;
  holds: boolean;
  /** 0–1: how closely the option says the wording. */
  closeness: number;
}

interface Wording {
  statement: ExamStatement;
  text: string;
  words: Set<string>;
  negated: boolean;
}

const compiled = new WeakMap<ExamFile, Wording[]>();

function wordings(exam: ExamFile): Wording[] {
  let w = compiled.get(exam);
  if (!w) {
    w = exam.statements.flatMap((statement) =>
      statement.says.map((text) => ({ statement, text, words: new Set(contentWords(text)), negated: negated(text) })),
    );
    compiled.set(exam, w);
  }
  return w;
}

/** How close a sentence must be: most of the wording's words, and most of the option's. */
const COVER = 0.75;
const DICE = 0.62;

export function matchStatement(exam: ExamFile, text: string, partyOf: (s: string) => Owner | undefined): StatementMatch | undefined {
  const words = new Set(contentWords(text));
  if (words.size === 0) return undefined;
  const party = partyOf(text);
  const neg = negated(text);
  let best: StatementMatch | undefined;
  for (const w of wordings(exam)) {
    const n = shared(words, w.words);
    const cover = n / w.words.size;
    const dice = (2 * n) / (words.size + w.words.size);
    if (cover < COVER || dice < DICE) continue;
    const theirs = partyOf(w.text);
    if (party && theirs && party !== theirs) continue;
    const closeness = (cover + dice) / 2;
    if (!best || closeness > best.closeness)
      best = { statement: w.statement, holds: neg === w.negated ? w.statement.holds : !w.statement.holds, closeness };
  }
  return best;
}
