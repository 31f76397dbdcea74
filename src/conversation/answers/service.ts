// "What am I responsible for on Y?": the split for one service, task by task, from the same facts
// the responsibility answers use, so the two never disagree.
import type { KnowledgeBase } from '../../nlu/knowledge-base';
import { applicableFact } from '../../kb/lookup';
import type { Owner, Service } from '../../kb/schema';
import { ask, uniqueSources, type Reply } from '../../reply/reply';
import { lower as lowerFirst, responsibilityQuestion } from './responsibility';

/** The tasks that describe any service's split, in the order a reader expects them. */
export const OVERVIEW_TASKS = [
  'physical-security',
  'host-os-patching',
  'guest-os-patching',
  'db-engine-patching',
  'runtime-patching',
  'control-plane',
  'worker-nodes',
  'network-configuration',
  'security-groups',
  'iam',
  'encryption-at-rest',
  'backups',
  'high-availability',
  'application-code',
  'customer-data',
];


export function answerService(kb: KnowledgeBase, service: Service): Reply {
  const groups: Record<Owner, string[]> = { aws: [], customer: [], shared: [] };
  const sources = [service.source];
  const notes: string[] = [];
  for (const id of OVERVIEW_TASKS) {
    const task = kb.tasksById.get(id);
    if (!task) continue;
    const fact = applicableFact(kb, id, service.id);
    if (!fact) continue;
    // Skip tasks that only restate the category when they do not apply (an engine on a queue).
    if (fact.scope === 'category' && !relevant(id, service)) continue;
    groups[fact.owner].push(lowerFirst(task.name));
    if (fact.scope === 'service') {
      notes.push(`${task.name}: ${fact.owner === 'customer' ? fact.customer : fact.aws}`);
      sources.push(fact.source);
    }
  }
  const info = kb.categories.get(service.category)!;
  const sections: Reply['sections'] = [];
  if (groups.aws.length) sections.push({ label: 'AWS handles', text: groups.aws.join(', ') });
  if (groups.customer.length) sections.push({ label: 'You handle', text: groups.customer.join(', ') });
  if (groups.shared.length) sections.push({ label: 'Shared', text: groups.shared.join(', ') });
  for (const n of notes.slice(0, 3)) sections.push({ label: 'Specific to this service', text: n });
  sections.push({ label: 'What you always keep', text: info.customer });
  return {
    kind: 'answer',
    intent: 'service',
    title: `${service.name}: who does what`,
    summary: `${service.name} — ${service.summary} It is one of the ${info.name.toLowerCase()}: ${lowerFirst(info.aws)}`,
    sections,
    choicesLabel: 'Ask about one task',
    choices: ['guest-os-patching', 'encryption-at-rest', 'backups', 'iam']
      .map((id) => kb.tasksById.get(id))
      .filter((t) => t !== undefined)
      .map((t) => ask(responsibilityQuestion(t, service))),
    sources: uniqueSources([...sources, info.source]),
    restated: `What am I responsible for on ${service.name}?`,
    facts: { service: { id: service.id, name: service.name, category: service.category }, task: null, owner: null },
  };
}

/** Whether a task belongs in the overview of this service (engines for databases, nodes for clusters…). */
export function relevant(taskId: string, service: Service): boolean {
  const text = `${service.summary} ${service.name}`.toLowerCase();
  switch (taskId) {
    case 'db-engine-patching':
      return /database|engine|cache|warehouse|sql|redis|graph|search/.test(text);
    case 'runtime-patching':
      return /runtime|function|application|platform|code/.test(text);
    case 'control-plane':
    case 'worker-nodes':
      return /kubernetes|container|cluster|node/.test(text);
    case 'guest-os-patching':
      return service.category === 'infrastructure' || /instance|server|node|cluster/.test(text);
    default:
      return true;
  }
}
