// "Who does X (on Y)?": the owner first and plainly, then each side's part, the nuance and sources.
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { lookupFact, ownersByCategory, type ResolvedFact } from '../../kb/lookup';
import type { Owner, Service, Task } from '../../kb/schema';
import { CONFIDENCE_THRESHOLD } from '../../nlu/classify';
import type { Interpretation } from '../../nlu/interpret';
import { ask, OWNER_LABEL, OWNER_PHRASE, uniqueSources, type Choice, type Reply } from '../reply';
import { categoryLine } from './category-line';

export const responsibilityQuestion = (task: Task, service?: Service): string =>
  service ? `Who is responsible for ${lower(task.name)} on ${service.name}?` : `Who is responsible for ${lower(task.name)}?`;

/** "Guest OS patching" → "guest OS patching": lowercase the first letter unless it starts an acronym. */
export const lower = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** "Yes — " when the asker guessed right, "No — " when wrong, "Partly — " when it is shared. */
function verdict(presumed: Interpretation['presumedOwner'], owner: Owner): string {
  if (!presumed) return '';
  if (owner === 'shared') return 'Partly. ';
  return presumed === owner ? 'Yes. ' : 'No. ';
}

function related(kb: KnowledgeBase, fact: ResolvedFact): Choice[] {
  const out: Choice[] = [];
  const { task, service } = fact;
  for (const id of task.related.slice(0, 2)) {
    const t = kb.tasksById.get(id);
    if (t) out.push(ask(responsibilityQuestion(t, service)));
  }
  if (service) {
    // The same task on a service of another category shows how the line moves.
    const other = ownersByCategory(kb, task.id).find((c) => c.category !== service.category && c.example && c.owner !== fact.owner);
    if (other?.example) out.push(ask(responsibilityQuestion(task, other.example)));
    out.push(ask(`What am I responsible for on ${service.name}?`));
  }
  return out.slice(0, 4);
}

export function answerResponsibility(kb: KnowledgeBase, interp: Interpretation): Reply {
  const task = interp.task!;
  const service = interp.services[0];
  if (interp.confidence < CONFIDENCE_THRESHOLD) return didYouMean(task, interp);
  const fact = lookupFact(kb, task.id, service?.id);
  const sections: Reply['sections'] = [
    { label: 'AWS does', text: fact.aws },
    { label: 'You do', text: fact.customer },
  ];
  if (fact.nuance) sections.push({ label: 'Keep in mind', text: fact.nuance });
  if (fact.reason) sections.push({ label: `Why ${service!.name} differs`, text: fact.reason });
  const sources = [fact.source];
  if (service) {
    sections.push({ label: 'Category', text: categoryLine(kb, service) });
    sources.push(service.source);
  } else {
    const moves = ownersByCategory(kb, task.id)
      .map((c) => `${kb.categories.get(c.category)!.name}${c.example ? ` (e.g. ${c.example.name})` : ''}: ${OWNER_LABEL[c.owner]}`)
      .join(' · ');
    sections.push({ label: 'By category', text: moves });
  }
  return {
    intent: 'responsibility',
    title: service ? `${task.name} on ${service.name}` : task.name,
    owner: fact.owner,
    summary: `${verdict(interp.presumedOwner, fact.owner)}${OWNER_PHRASE[fact.owner]} for ${lower(task.name)}${service ? ` on ${service.name}` : ''}.`,
    sections,
    choicesLabel: 'Related questions',
    choices: related(kb, fact),
    restated: responsibilityQuestion(task, service),
    sources: uniqueSources(sources),
    facts: {
      service: service ? { id: service.id, name: service.name, category: service.category } : null,
      task: { id: task.id, name: task.name },
      owner: fact.owner,
    },
  };
}

/** Unsure of the reading: offer the likely questions instead of guessing an owner. */
function didYouMean(task: Task, interp: Interpretation): Reply {
  const service = interp.services[0];
  const options = [task, ...interp.taskAlternatives].slice(0, 3).map((t) => ({
    label: responsibilityQuestion(t, service),
    value: responsibilityQuestion(t, service),
    kind: 'did-you-mean' as const,
  }));
  return {
    intent: 'responsibility',
    title: 'Did you mean…?',
    summary: "I'm not sure I understood that question, so rather than guess who is responsible, here is what I think you asked.",
    sections: [],
    choicesLabel: 'Did you mean…?',
    choices: options,
    sources: [],
    facts: {
      service: service ? { id: service.id, name: service.name, category: service.category } : null,
      task: { id: task.id, name: task.name },
      owner: null,
    },
  };
}
