// The questions the facts make on their own ("Who is responsible for patch management on Amazon
// RDS?"), so every fact can be practised. They are made here, beside the facts, because kb check
// asserts each one against its fact, and facts import nothing from the engines that ask them.
import type { Facts } from './knowledge-base';
import { applicableFact, type ResolvedFact, type ResolvedVariant } from './lookup';
import type { Difficulty, Owner } from './schema';

/** The choices of every "who is responsible" question, curated or made from a fact. */
export const OWNER_CHOICES: readonly string[] = ['AWS', 'You (the customer)', 'Shared'];
export const OWNER_INDEX: Record<Owner, number> = { aws: 0, customer: 1, shared: 2 };

/** Whether a question's choices are exactly the owner choices, so its answer names an owner. */
export const asksOwner = (choices: readonly string[]): boolean =>
  choices.length === OWNER_CHOICES.length && choices.every((c, i) => c === OWNER_CHOICES[i]);

export interface FactQuestion {
  id: string;
  question: string;
  choices: string[];
  answer: number; // index into choices
  explanation: string;
  source: string;
  difficulty: Difficulty;
  tags: string[];
  /** The cell it asks about, so the check can hold its answer to the fact's owner. */
  service: string;
  task: string;
  variant?: string;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** The cells that make fair questions: every service exception, and the quiz tasks on each category's first example. */
function questionCells(kb: Facts): Array<[string, string]> {
  const cells = new Map<string, [string, string]>();
  const add = (service: string, task: string): void => {
    cells.set(`${service}/${task}`, [service, task]);
  };
  for (const e of kb.exceptions.values()) add(e.service, e.task);
  for (const info of kb.categories.values())
    for (const serviceId of info.examples.slice(0, 1)) for (const taskId of kb.quizTasks) add(serviceId, taskId);
  return [...cells.values()];
}

function explain(side: { owner: Owner; aws: string; customer: string; nuance?: string }): string {
  const lead = side.owner === 'customer' ? side.customer : side.aws;
  return side.nuance ? `${lead} ${side.nuance}` : lead;
}

/**
 * One question per cell (easy when the cell follows its category, medium for a service's own
 * exception) and one per variant of the cell (hard: the owner turns on how the service is set up).
 */
export function factQuestions(kb: Facts): FactQuestion[] {
  const out: FactQuestion[] = [];
  for (const [serviceId, taskId] of questionCells(kb)) {
    // A cell where the task does not apply makes no question: there is no owner to guess.
    const fact = applicableFact(kb, taskId, serviceId);
    if (!fact) continue;
    const service = kb.servicesById.get(serviceId)!;
    const task = lowerFirst(fact.task.name);
    const tags = [taskId, ...(fact.task.concept && fact.task.concept !== taskId ? [fact.task.concept] : [])];
    out.push(ask(fact, serviceId, taskId, `Who is responsible for ${task} on ${service.name}?`, fact.scope === 'service' ? 'medium' : 'easy', tags));
    for (const v of fact.variants)
      out.push(ask(v, serviceId, taskId, `With ${v.variant.name}, who is responsible for ${task} on ${service.name}?`, 'hard', [...tags, 'variants'], v));
  }
  return out;
}

function ask(side: ResolvedFact | ResolvedVariant, service: string, task: string, question: string, difficulty: Difficulty, tags: string[], variant?: ResolvedVariant): FactQuestion {
  return {
    id: `fact-${service}-${task}${variant ? `-${variant.variant.id}` : ''}`,
    question,
    choices: [...OWNER_CHOICES],
    answer: OWNER_INDEX[side.owner],
    explanation: explain(side),
    source: side.source,
    difficulty,
    tags,
    service,
    task,
    ...(variant ? { variant: variant.variant.id } : {}),
  };
}
