// The quiz bank as a whole, beyond each question's own shape: ids unique across the curated questions
// and those made from the facts, no question nearly the same as another, and every "who is
// responsible" answer the owner the facts give, so the quiz never teaches what the bot contradicts.
import { asksOwner, factQuestions, OWNER_CHOICES, OWNER_INDEX, type FactQuestion } from './fact-questions';
import type { Facts } from './knowledge-base';
import type { Problem } from './load';
import { lookupFact } from './lookup';
import type { Owner, QuizQuestion } from './schema';

/** Two questions whose word sets overlap this much (Jaccard index) ask the same thing. */
export const NEAR_DUPLICATE = 0.85;

/** A question's words: lowercase, punctuation stripped ("AWS's" → "awss", "in-transit" → "in", "transit"). */
export function wordSet(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return new Set(words);
}

/** Shared words over all words of the two (0 when both are empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : shared / all;
}

const percent = (x: number): string => `${Math.round(100 * x)} %`;
const ownerLabel = (owner: Owner): string => OWNER_CHOICES[OWNER_INDEX[owner]]!;

/**
 * Whether look-ups can run: every cell the questions reach names known services, tasks and variants.
 * When they cannot, those problems are reported by the files' own checks, and what rests on the facts waits.
 */
function factsHold(kb: Facts): boolean {
  const variantsKnown = (fact?: { variants?: Array<{ variant: string }> }): boolean => (fact?.variants ?? []).every((v) => kb.variants.has(v.variant));
  return (
    kb.tasks.every((t) => kb.defaults.has(t.id)) &&
    [...kb.defaults.values()].every((d) => kb.tasksById.has(d.task) && variantsKnown(d.general) && variantsKnown(d.infrastructure) && variantsKnown(d.container) && variantsKnown(d.abstracted)) &&
    [...kb.exceptions.values()].every((e) => kb.servicesById.has(e.service) && kb.tasksById.has(e.task) && variantsKnown(e)) &&
    [...kb.categories.values()].every((c) => c.examples.every((s) => kb.servicesById.has(s))) &&
    kb.quizTasks.every((t) => kb.tasksById.has(t))
  );
}

/** The owner the facts give for a task on a service (without one: the general rule), or why there is none. */
function factOwner(kb: Facts, service: string | undefined, task: string, variant?: string): { owner: Owner } | { why: string; field: 'task' | 'variant' } {
  const cell = lookupFact(kb, task, service);
  if (!cell.applies) return { field: 'task', why: `task "${task}" does not apply on service "${service}", so it has no owner` };
  if (variant === undefined) return { owner: cell.owner };
  const v = cell.variants.find((x) => x.variant.id === variant);
  return v ? { owner: v.owner } : { field: 'variant', why: `the fact for ${service}/${task} has no variant "${variant}"` };
}

/** Problems of the quiz bank, as `file: questions[i].field: message` (and `generated[id]` for questions made from the facts). */
export function checkQuiz(kb: Facts, file: string, problems: Problem[], generated?: readonly FactQuestion[]): void {
  const report = (path: string, message: string): void => void problems.push({ file, path, message });
  const curated = kb.quiz;
  curated.forEach((q, i) => checkChoices(q, i, report));
  checkCuratedDuplicates(curated, report);
  if (!factsHold(kb)) return;
  const made = generated ?? factQuestions(kb);
  checkIds(curated, made, report);
  checkAgainstGenerated(curated, made, report);
  curated.forEach((q, i) => checkOwner(kb, q, i, report));
  for (const g of made) {
    const fact = factOwner(kb, g.service, g.task, g.variant);
    const path = `generated[${g.id}]`;
    if (!('owner' in fact)) report(path, fact.why);
    else if (!asksOwner(g.choices) || g.answer !== OWNER_INDEX[fact.owner])
      report(`${path}.answer`, `the right choice is "${g.choices[g.answer] ?? g.answer}", but the owner the facts give is ${ownerLabel(fact.owner)}`);
  }
}

type Report = (path: string, message: string) => void;

function checkChoices(q: QuizQuestion, i: number, report: Report): void {
  const seen = new Map<string, number>();
  q.choices.forEach((c, j) => {
    const key = [...wordSet(c)].join(' ');
    const first = seen.get(key);
    if (first !== undefined) report(`questions[${i}].choices[${j}]`, `the same choice as choices[${first}]`);
    else seen.set(key, j);
  });
}

function checkCuratedDuplicates(curated: readonly QuizQuestion[], report: Report): void {
  const words = curated.map((q) => wordSet(q.question));
  for (let j = 1; j < curated.length; j++)
    for (let i = 0; i < j; i++) {
      const overlap = jaccard(words[i]!, words[j]!);
      if (overlap >= NEAR_DUPLICATE) {
        report(`questions[${j}].question`, `nearly the same question as questions[${i}] ("${curated[i]!.id}"): ${percent(overlap)} of their words are shared`);
        break;
      }
    }
}

function checkIds(curated: readonly QuizQuestion[], made: readonly FactQuestion[], report: Report): void {
  const curatedAt = new Map<string, number>();
  curated.forEach((q, i) => curatedAt.has(q.id) || curatedAt.set(q.id, i));
  const seen = new Set<string>();
  for (const g of made) {
    const i = curatedAt.get(g.id);
    if (i !== undefined) report(`questions[${i}].id`, `id "${g.id}" is also the id of a question made from the facts`);
    else if (seen.has(g.id)) report(`generated[${g.id}].id`, `two questions made from the facts share the id "${g.id}"`);
    seen.add(g.id);
  }
}

function checkAgainstGenerated(curated: readonly QuizQuestion[], made: readonly FactQuestion[], report: Report): void {
  const madeWords = made.map((g) => wordSet(g.question));
  curated.forEach((q, i) => {
    const words = wordSet(q.question);
    const k = madeWords.findIndex((w) => jaccard(words, w) >= NEAR_DUPLICATE);
    if (k >= 0)
      report(
        `questions[${i}].question`,
        `nearly the same question as the one made from the facts of ${made[k]!.service}/${made[k]!.task} ("${made[k]!.id}"): ${percent(jaccard(words, madeWords[k]!))} of their words are shared`,
      );
  });
}

/**
 * A curated "who is responsible" question must name the owner the facts give: for its task on its
 * service, or, naming no service, the task's general rule.
 */
function checkOwner(kb: Facts, q: QuizQuestion, i: number, report: Report): void {
  if (q.variant !== undefined && !kb.variants.has(q.variant)) return report(`questions[${i}].variant`, `unknown variant "${q.variant}"`);
  if (q.task === undefined || !kb.tasksById.has(q.task) || (q.service !== undefined && !kb.servicesById.has(q.service))) return;
  const fact = factOwner(kb, q.service, q.task, q.variant);
  if (!('owner' in fact)) return report(`questions[${i}].${fact.field}`, fact.why);
  if (asksOwner(q.choices) && q.answer !== OWNER_INDEX[fact.owner]) {
    const cell = `${q.task} ${q.service ? `on ${q.service}` : 'in general'}${q.variant ? ` with ${q.variant}` : ''}`;
    report(`questions[${i}].answer`, `the right choice is "${q.choices[q.answer]}", but the knowledge base's owner of ${cell} is ${ownerLabel(fact.owner)}`);
  }
}
