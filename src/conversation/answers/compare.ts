// Two services, or two categories, side by side: where the line falls for each.
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { categoryFact, lookupFact, type Cell } from '../../kb/lookup';
import type { Category, Service, Task } from '../../kb/schema';
import { ask, OWNER_LABEL, uniqueSources, type Reply } from '../reply';
import { lower, responsibilityQuestion } from './responsibility';
import { relevant } from './service';

const COMPARED_TASKS = ['guest-os-patching', 'db-engine-patching', 'runtime-patching', 'network-configuration', 'encryption-at-rest', 'backups', 'high-availability', 'iam'];

export function compareServices(kb: KnowledgeBase, a: Service, b: Service, task?: Task): Reply {
  const tasks = task ? [task.id] : COMPARED_TASKS.filter((id) => relevant(id, a) || relevant(id, b));
  const sections: Reply['sections'] = [];
  const sources = [a.source, b.source];
  const differ: string[] = [];
  for (const id of tasks) {
    const fa = lookupFact(kb, id, a.id);
    const fb = lookupFact(kb, id, b.id);
    // A row where the task applies to neither service says nothing; one where it applies to one says a lot.
    if (!fa.applies && !fb.applies && !task) continue;
    const name = kb.tasksById.get(id)!.name;
    sections.push({ label: name, text: `${a.name}: ${cellLabel(fa)} · ${b.name}: ${cellLabel(fb)}` });
    if (cellLabel(fa) !== cellLabel(fb)) differ.push(lower(name));
    if (task) {
      sections.push({ label: a.name, text: cellText(fa) });
      sections.push({ label: b.name, text: cellText(fb) });
      sources.push(fa.source, fb.source);
    }
  }
  const catA = kb.categories.get(a.category)!;
  const catB = kb.categories.get(b.category)!;
  const placing =
    a.category === b.category
      ? `Both are ${catA.name.toLowerCase()}, so the line falls in much the same place.`
      : `${a.name} is one of the ${catA.name.toLowerCase()}; ${b.name} is one of the ${catB.name.toLowerCase()}.`;
  const summary = differ.length
    ? `${placing} They differ on ${differ.join(', ')}.`
    : `${placing} ${task ? 'The owner is the same for both.' : 'The owners match on the common tasks.'}`;
  return {
    intent: 'compare',
    title: `${a.name} vs ${b.name}`,
    restated: task ? `How does ${lower(task.name)} differ between ${a.name} and ${b.name}?` : `Compare ${a.name} and ${b.name}`,
    summary,
    sections,
    choicesLabel: 'Go deeper',
    choices: [ask(`What am I responsible for on ${a.name}?`), ask(`What am I responsible for on ${b.name}?`)].concat(
      task ? [] : [ask(responsibilityQuestion(kb.tasksById.get('guest-os-patching')!, a))],
    ),
    sources: uniqueSources(sources),
    facts: { service: { id: a.id, name: a.name, category: a.category }, task: task ? { id: task.id, name: task.name } : null, owner: null },
  };
}

const cellLabel = (c: Cell): string => (c.applies ? OWNER_LABEL[c.owner] : 'does not apply');
const cellText = (c: Cell): string => (!c.applies ? c.where : c.owner === 'aws' ? c.aws : c.customer);

export function compareCategories(kb: KnowledgeBase, a: Category, b: Category): Reply {
  const ia = kb.categories.get(a)!;
  const ib = kb.categories.get(b)!;
  const sections: Reply['sections'] = [
    { label: ia.name, text: `AWS: ${ia.aws} You: ${ia.customer}` },
    { label: ib.name, text: `AWS: ${ib.aws} You: ${ib.customer}` },
  ];
  for (const id of COMPARED_TASKS.slice(0, 5)) {
    const oa = categoryFact(kb, id, a).fact.owner;
    const ob = categoryFact(kb, id, b).fact.owner;
    sections.push({ label: kb.tasksById.get(id)!.name, text: `${ia.name}: ${OWNER_LABEL[oa]} · ${ib.name}: ${OWNER_LABEL[ob]}` });
  }
  const exA = kb.servicesById.get(ia.examples[0]!)!;
  const exB = kb.servicesById.get(ib.examples[0]!)!;
  return {
    intent: 'compare',
    title: `${ia.name} vs ${ib.name}`,
    summary: `The further a service is abstracted, the more AWS takes on: compare ${exA.name} (${ia.name.toLowerCase()}) with ${exB.name} (${ib.name.toLowerCase()}).`,
    sections,
    choicesLabel: 'Go deeper',
    choices: [ask(`Compare ${exA.name} and ${exB.name}`)],
    sources: uniqueSources([ia.source, ib.source]),
    facts: { service: null, task: null, owner: null },
  };
}
