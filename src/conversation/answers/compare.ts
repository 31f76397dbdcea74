// Two or more services, or two categories, side by side: where the line falls for each.
import type { Facts } from '../../kb/knowledge-base';
import { categoryFact, inOverview, lookupFact, type Cell } from '../../kb/lookup';
import type { Category, Service, Task } from '../../kb/schema';
import { ask, OWNER_LABEL, uniqueSources, type Reply } from '../../reply/reply';
import { lower, responsibilityQuestion } from './responsibility';

/** Two categories side by side line up this many of the compared tasks (data/tasks.yaml `compare`). */
const CATEGORY_ROWS = 5;

/** At most this many services side by side: beyond it a chat message stops being readable. */
export const MAX_COMPARED = 6;

/** Two or more services side by side ("who patches ec2, rds and lambda?" answers for each). */
export function compareServices(kb: Facts, named: readonly Service[], task?: Task): Reply {
  const services = named.slice(0, MAX_COMPARED);
  const [a, b] = services as [Service, Service];
  const tasks = task ? [task.id] : kb.compareTasks.filter((id) => services.some((s) => inOverview(kb, id, s)));
  const sections: Reply['sections'] = [];
  const sources = services.map((s) => s.source);
  const differ: string[] = [];
  for (const id of tasks) {
    const cells = services.map((s) => lookupFact(kb, id, s.id));
    // A row where the task applies to none of them says nothing; one where it applies to some says a lot.
    if (cells.every((c) => !c.applies) && !task) continue;
    const name = kb.tasksById.get(id)!.name;
    sections.push({ label: name, text: services.map((s, i) => `${s.name}: ${cellLabel(cells[i]!)}`).join(' · ') });
    if (new Set(cells.map(cellLabel)).size > 1) differ.push(lower(name));
    if (task)
      services.forEach((s, i) => {
        sections.push({ label: s.name, text: cellText(cells[i]!) });
        sources.push(cells[i]!.source);
      });
  }
  const categories = new Set(services.map((s) => s.category));
  const placing =
    categories.size === 1
      ? `${services.length === 2 ? 'Both' : 'All'} are ${kb.categories.get(a.category)!.name.toLowerCase()}, so the line falls in much the same place.`
      : services.map((s) => `${s.name} is one of the ${kb.categories.get(s.category)!.name.toLowerCase()}`).join('; ') + '.';
  const same = services.length === 2 ? 'the same for both' : 'the same for all of them';
  const summary = differ.length
    ? `${placing} They differ on ${differ.join(', ')}.`
    : `${placing} ${task ? `The owner is ${same}.` : 'The owners match on the common tasks.'}`;
  const names = services.map((s) => s.name);
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const dropped = named.length > services.length ? ` (the first ${MAX_COMPARED} of the ${named.length} named)` : '';
  return {
    kind: 'answer',
    intent: 'compare',
    title: names.join(' vs '),
    restated: task ? `How does ${lower(task.name)} differ between ${list}?` : `Compare ${list}`,
    summary: summary + dropped,
    sections,
    choicesLabel: 'Go deeper',
    choices: services
      .slice(0, 3)
      .map((s) => ask(`What am I responsible for on ${s.name}?`))
      .concat(task || services.length > 2 ? [] : [ask(responsibilityQuestion(kb.tasksById.get('guest-os-patching')!, a))]),
    sources: uniqueSources(sources),
    facts: { service: { id: a.id, name: a.name, category: a.category }, task: task ? { id: task.id, name: task.name } : null, owner: null },
  };
}

const cellLabel = (c: Cell): string => (c.applies ? OWNER_LABEL[c.owner] : 'does not apply');
const cellText = (c: Cell): string => (!c.applies ? c.where : c.owner === 'aws' ? c.aws : c.customer);

export function compareCategories(kb: Facts, a: Category, b: Category): Reply {
  const ia = kb.categories.get(a)!;
  const ib = kb.categories.get(b)!;
  const sections: Reply['sections'] = [
    { label: ia.name, text: `AWS: ${ia.aws} You: ${ia.customer}` },
    { label: ib.name, text: `AWS: ${ib.aws} You: ${ib.customer}` },
  ];
  for (const id of kb.compareTasks.slice(0, CATEGORY_ROWS)) {
    const oa = categoryFact(kb, id, a).fact.owner;
    const ob = categoryFact(kb, id, b).fact.owner;
    sections.push({ label: kb.tasksById.get(id)!.name, text: `${ia.name}: ${OWNER_LABEL[oa]} · ${ib.name}: ${OWNER_LABEL[ob]}` });
  }
  const exA = kb.servicesById.get(ia.examples[0]!)!;
  const exB = kb.servicesById.get(ib.examples[0]!)!;
  return {
    kind: 'answer',
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
