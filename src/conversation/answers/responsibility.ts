// "Who does X (on Y)?": the owner first and plainly, then each side's part, the nuance and sources.
// A task that has no object on the service gets no owner; a fact that flips with the set-up answers
// for the set-up named, or gives every line when none is.
import type { KnowledgeBase } from '../../nlu/knowledge-base';
import { applicableFact, lookupFact, ownersByCategory, type Inapplicable, type ResolvedFact, type ResolvedVariant } from '../../kb/lookup';
import type { Owner, Service, Task } from '../../kb/schema';
import { CONFIDENCE_THRESHOLD } from '../../nlu/classify';
import type { Interpretation } from '../../nlu/interpret';
import { ask, OWNER_LABEL, OWNER_PHRASE, uniqueSources, type Choice, type Reply, type ReplyFacts } from '../../reply/reply';
import { categoryLine } from './category-line';

/** "Guest OS patching" → "guest OS patching": lowercase the first letter unless it starts an acronym. */
export const lower = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** The task's name as it reads inside a sentence. */
export const taskPhrase = (task: Task): string => task.inSentence ?? lower(task.name);

export const responsibilityQuestion = (task: Task, service?: Service): string =>
  service ? `Who is responsible for ${taskPhrase(task)} on ${service.name}?` : `Who is responsible for ${taskPhrase(task)}?`;

/** "Yes. " when the asker guessed right, "No. " when wrong, "Partly. " when it is shared. */
function verdict(presumed: Interpretation['presumedOwner'], owner: Owner): string {
  if (!presumed) return '';
  if (owner === 'shared') return 'Partly. ';
  return presumed === owner ? 'Yes. ' : 'No. ';
}

/** Related questions, never about a cell where the task does not apply. */
function related(kb: KnowledgeBase, task: Task, service: Service | undefined, owner?: Owner): Choice[] {
  const out: Choice[] = [];
  for (const id of task.related) {
    if (out.length >= 2) break;
    const t = kb.tasksById.get(id);
    if (t && (!service || applicableFact(kb, t.id, service.id))) out.push(ask(responsibilityQuestion(t, service)));
  }
  if (service) {
    // The same task on a service of another category shows how the line moves.
    const other = ownersByCategory(kb, task.id).find((c) => c.category !== service.category && c.example && c.owner !== owner);
    if (other?.example) out.push(ask(responsibilityQuestion(task, other.example)));
    out.push(ask(`What am I responsible for on ${service.name}?`));
  }
  return out.slice(0, 4);
}

/** One set-up in a line: its owner, then what the owner does. */
const variantLine = (v: ResolvedVariant): string => `${OWNER_LABEL[v.owner]}. ${v.owner === 'customer' ? v.customer : v.aws}`;

const factsOf = (task: Task, service: Service | undefined, owner: Owner | null): ReplyFacts => ({
  service: service ? { id: service.id, name: service.name, category: service.category } : null,
  task: { id: task.id, name: task.name },
  owner,
});

export function answerResponsibility(kb: KnowledgeBase, interp: Interpretation): Reply {
  const task = interp.task!;
  const service = interp.services[0];
  if (interp.confidence < CONFIDENCE_THRESHOLD) return didYouMean(task, interp);
  const cell = lookupFact(kb, task.id, service?.id);
  if (!cell.applies) return doesNotApply(kb, cell);
  // One set-up named: its line. Several ("managed node groups or self-managed?"): every line.
  const named = cell.variants.filter((v) => interp.variants.includes(v.variant.id));
  return named.length === 1 ? answerVariant(kb, interp, cell, named[0]!) : answerFact(kb, interp, cell);
}

/**
 * On a shared task the customer decides and AWS carries it out, so "who decides…?" and "is it
 * automatic?" each have a plain answer. Tasks owned by one side answer the same either way.
 */
function sideAsked(task: Task, owner: Owner, aspect: Interpretation['aspect'], choices: readonly ResolvedVariant[] = []): { owner: Owner; lead: string } {
  // Who decides is a fair question on any task; "is it automatic?" only where AWS does the work of a shared task.
  if (!aspect || (aspect === 'perform' && !task.decidePerform)) return { owner, lead: '' };
  // Only a shared task splits into deciding and doing. On a task AWS owns whatever the set-up (data
  // always encrypted, with a key you may pick), "do we need to enable it?" is answered by the owner.
  // Choosing a set-up that moves work to you (your own key) is yours even where AWS owns the task.
  if (aspect === 'choose' && owner === 'aws' && choices.some((v) => v.owner !== 'aws'))
    return { owner: 'customer', lead: 'The choice is yours; AWS does the work with what you choose. ' };
  if (owner !== 'shared') return { owner, lead: '' };
  return aspect !== 'perform'
    ? { owner: 'customer', lead: 'The decision is yours; AWS carries out the work once you make it. ' }
    : { owner: 'aws', lead: 'AWS carries out the work; the choices around it are yours. ' };
}

function answerFact(kb: KnowledgeBase, interp: Interpretation, fact: ResolvedFact): Reply {
  const { task, service } = fact;
  const side = sideAsked(task, fact.owner, interp.aspect, fact.variants);
  const sections: Reply['sections'] = [
    { label: 'AWS does', text: fact.aws },
    { label: 'You do', text: fact.customer },
  ];
  // No set-up named: every line, so the reader finds their own.
  for (const v of fact.variants) sections.push({ label: `With ${v.variant.name}`, text: variantLine(v) });
  if (fact.nuance) sections.push({ label: 'Keep in mind', text: fact.nuance });
  if (fact.reason) sections.push({ label: `Why ${service!.name} differs`, text: fact.reason });
  const sources = [fact.source, ...fact.variants.map((v) => v.source)];
  if (service) {
    sections.push({ label: 'Category', text: categoryLine(kb, service) });
    sources.push(service.source);
  } else {
    const moves = ownersByCategory(kb, task.id)
      .map((c) => `${kb.categories.get(c.category)!.name}${c.example ? ` (e.g. ${c.example.name})` : ''}: ${OWNER_LABEL[c.owner]}`)
      .join(' · ');
    sections.push({ label: 'By category', text: moves });
  }
  const depends = fact.variants.length > 0 ? ' It depends on how it is set up (below).' : '';
  return {
    kind: 'answer',
    intent: 'responsibility',
    title: service ? `${task.name} on ${service.name}` : task.name,
    owner: side.owner,
    summary: `${verdict(interp.presumedOwner, side.owner)}${side.lead}${OWNER_PHRASE[fact.owner]} for ${taskPhrase(task)}${service ? ` on ${service.name}` : ''}.${depends}`,
    sections,
    choicesLabel: 'Related questions',
    choices: related(kb, task, service, fact.owner),
    restated: responsibilityQuestion(task, service),
    sources: uniqueSources(sources),
    facts: factsOf(task, service, side.owner),
  };
}

/** The set-up was named ("an imported certificate"): that line, and the others for contrast. */
function answerVariant(kb: KnowledgeBase, interp: Interpretation, fact: ResolvedFact, v: ResolvedVariant): Reply {
  const { task, service } = fact;
  const side = sideAsked(task, v.owner, interp.aspect);
  const sections: Reply['sections'] = [
    { label: 'AWS does', text: v.aws },
    { label: 'You do', text: v.customer },
  ];
  if (v.nuance) sections.push({ label: 'Keep in mind', text: v.nuance });
  for (const other of fact.variants)
    if (other !== v) sections.push({ label: `With ${other.variant.name} instead`, text: variantLine(other) });
  if (service) sections.push({ label: 'Category', text: categoryLine(kb, service) });
  return {
    kind: 'answer',
    intent: 'responsibility',
    title: `${task.name} on ${service ? service.name : 'AWS'} (${v.variant.name})`,
    owner: side.owner,
    summary: `${verdict(interp.presumedOwner, side.owner)}${side.lead}With ${v.variant.name}: ${OWNER_PHRASE[v.owner]} for ${taskPhrase(task)}${service ? ` on ${service.name}` : ''}.`,
    sections,
    choicesLabel: 'Related questions',
    choices: related(kb, task, service, v.owner),
    restated: `${responsibilityQuestion(task, service).replace(/\?$/, '')} with ${v.variant.name}?`,
    sources: uniqueSources([v.source, fact.source, ...(service ? [service.source] : [])]),
    facts: factsOf(task, service, side.owner),
  };
}

/** The task has no object here: say so in one line, and where it does live. */
function doesNotApply(kb: KnowledgeBase, cell: Inapplicable): Reply {
  const { task, service } = cell;
  return {
    kind: 'answer',
    intent: 'responsibility',
    title: `${task.name} on ${service.name}: does not apply`,
    summary: `${task.name} does not apply to ${service.name}. ${cell.where}`,
    sections: [{ label: 'Category', text: categoryLine(kb, service) }],
    choicesLabel: 'Related questions',
    choices: [ask(`What am I responsible for on ${service.name}?`)],
    restated: responsibilityQuestion(task, service),
    sources: uniqueSources([cell.source, service.source]),
    facts: { ...factsOf(task, service, null), applies: false },
  };
}

/** Unsure of the reading: offer the likely questions instead of guessing an owner. */
function didYouMean(task: Task, interp: Interpretation): Reply {
  const service = interp.services[0];
  const options = [task, ...interp.taskAlternatives].slice(0, 3).map((t) => ask(responsibilityQuestion(t, service)));
  return {
    kind: 'did-you-mean',
    intent: 'responsibility',
    title: 'Did you mean…?',
    summary: "I'm not sure I understood that question, so rather than guess who is responsible, here is what I think you asked.",
    sections: [],
    choicesLabel: 'Did you mean…?',
    choices: options,
    sources: [],
    facts: factsOf(task, service, null),
  };
}
