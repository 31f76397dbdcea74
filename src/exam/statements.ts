// Reads an option as one of the model's canonical statements (data/exam.yaml `statements`), true or
// a known misconception, when it says one of its wordings nearly word for word. Two guards keep a near
// match from flipping the sense: the party the sentence is about must agree ("AWS protects the data"
// is not "the customer protects the data"), and a "not" in only one of them flips the truth.
import type { ExamFile, ExamStatement } from '../kb/exam-schema';
import type { Owner } from '../reply/reply';
import { clausesOf, contentWords, negated } from './words';

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
  clauses: number;
}

interface Compiled {
  wordings: Wording[];
  /** How much a word tells statements apart: "customer" and "aws" little, "hypervisor" much. */
  weight: (word: string) => number;
}

const compiled = new WeakMap<ExamFile, Compiled>();

function compile(exam: ExamFile): Compiled {
  let c = compiled.get(exam);
  if (!c) {
    const wordings = exam.statements.flatMap((statement) =>
      statement.says.map((text) => ({ statement, text, words: new Set(contentWords(text)), negated: negated(text), clauses: clausesOf(text).length })),
    );
    const df = new Map<string, number>();
    for (const w of wordings) for (const word of w.words) df.set(word, (df.get(word) ?? 0) + 1);
    const n = wordings.length;
    const weights = new Map([...df].map(([word, k]) => [word, Math.log(1 + n / k)]));
    const rare = Math.log(1 + n);
    c = { wordings, weight: (word) => weights.get(word) ?? rare };
    compiled.set(exam, c);
  }
  return c;
}

const sum = (words: Iterable<string>, weight: (w: string) => number): number => {
  let t = 0;
  for (const w of words) t += weight(w);
  return t;
};

/** How close a sentence must be: most of the wording's words, and most of the option's. */
const COVER = 0.75;
const DICE = 0.62;

export function matchStatement(exam: ExamFile, text: string, partyOf: (s: string) => Owner | undefined): StatementMatch | undefined {
  const words = new Set(contentWords(text));
  if (words.size === 0) return undefined;
  const party = partyOf(text);
  const neg = negated(text);
  // A claim of two clauses is one statement only with a wording of two clauses: "AWS provides security
  // groups, and the customer configures the rules" is not "AWS configures the rules".
  const clauses = Math.min(2, clausesOf(text).length);
  const { wordings, weight } = compile(exam);
  const own = sum(words, weight);
  let best: StatementMatch | undefined;
  for (const w of wordings) {
    if (Math.min(2, w.clauses) !== clauses) continue;
    // Shared words weighted by how rare they are among the wordings, so that sharing only "the
    // customer no longer needs to" does not make two claims about different things one.
    const n = sum([...words].filter((x) => w.words.has(x)), weight);
    const theirs_ = sum(w.words, weight);
    const cover = n / theirs_;
    const dice = (2 * n) / (own + theirs_);
    if (cover < COVER || dice < DICE) continue;
    const theirs = partyOf(w.text);
    if (party && theirs && party !== theirs) continue;
    const closeness = (cover + dice) / 2;
    if (!best || closeness > best.closeness)
      best = { statement: w.statement, holds: neg === w.negated ? w.statement.holds : !w.statement.holds, closeness };
  }
  return best;
}
