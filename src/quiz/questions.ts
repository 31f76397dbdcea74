// The pool of quiz questions: the curated ones in data/quiz.yaml, and ones made from the facts
// themselves ("Who patches the guest OS of Amazon EC2?"), so every fact can be practised.
import type { Facts } from '../kb/knowledge-base';
import { applicableFact } from '../kb/lookup';
import type { Owner } from '../kb/schema';

export interface QuizItem {
  id: string;
  question: string;
  choices: string[];
  answer: number; // index into choices
  explanation: string;
  source: string;
}

const OWNER_CHOICES = ['AWS', 'You (the customer)', 'Shared'];
const OWNER_INDEX: Record<Owner, number> = { aws: 0, customer: 1, shared: 2 };

/**
 * Facts that make fair questions: the exceptions (each has a clear reason) and the quiz tasks of
 * data/tasks.yaml on the first example service of each category.
 */
function generated(kb: Facts): QuizItem[] {
  const items: QuizItem[] = [];
  const pairs: Array<[string, string]> = [...kb.exceptions.values()].map((e) => [e.service, e.task]);
  for (const info of kb.categories.values())
    for (const serviceId of info.examples.slice(0, 1))
      for (const taskId of kb.quizTasks)
        pairs.push([serviceId, taskId]);
  for (const [serviceId, taskId] of pairs) {
    // A cell where the task does not apply makes no question: there is no owner to guess.
    const fact = applicableFact(kb, taskId, serviceId);
    if (!fact) continue;
    const service = kb.servicesById.get(serviceId)!;
    const lead = fact.owner === 'customer' ? fact.customer : fact.aws;
    items.push({
      id: `fact-${serviceId}-${taskId}`,
      question: `Who is responsible for ${fact.task.name.charAt(0).toLowerCase()}${fact.task.name.slice(1)} on ${service.name}?`,
      choices: OWNER_CHOICES,
      answer: OWNER_INDEX[fact.owner],
      explanation: fact.nuance ? `${lead} ${fact.nuance}` : lead,
      source: fact.source,
    });
  }
  return items;
}

export function quizPool(kb: Facts): QuizItem[] {
  const curated = kb.quiz.map((q) => ({
    id: q.id,
    question: q.question,
    choices: q.choices,
    answer: q.answer,
    explanation: q.explanation,
    source: q.source,
  }));
  return [...curated, ...generated(kb)];
}

/** A spread-out walk through the pool: the n-th question of a conversation, never the same twice in a row. */
export function pickQuestion(pool: readonly QuizItem[], seed: number, n: number): QuizItem {
  const step = 7919; // a prime larger than the pool, so consecutive picks land far apart
  return pool[(seed + n * step) % pool.length]!;
}
