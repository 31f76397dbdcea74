// The benchmark's questions: the project's own labelled set, plus variants as chat delivers them
// (a Slack mention, shouting, a Teams mention), so that at least 1,000 mixed questions are timed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LabelledQuestion {
  q: string;
  intent: string[];
}

export function loadQuestions(root: string): LabelledQuestion[] {
  return readFileSync(join(root, 'test', 'fixtures', 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledQuestion);
}

export function mixedQuestions(base: readonly LabelledQuestion[], atLeast: number): string[] {
  const out: string[] = [];
  const variants = [(q: string) => q, (q: string) => `<@U024BE7LH> ${q}`, (q: string) => q.toUpperCase(), (q: string) => `<at>whosejob</at> ${q.toLowerCase()}`];
  for (let v = 0; out.length < atLeast; v++) for (const item of base) out.push(variants[v % variants.length]!(item.q));
  return out;
}
