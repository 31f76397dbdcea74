// "What am I responsible for on Y?": the split for one service, task by task, from the same facts
// the responsibility answers use, so the two never disagree.
import type { Facts } from '../../kb/knowledge-base';
import { applicableFact, inOverview } from '../../kb/lookup';
import type { Owner, Service } from '../../kb/schema';
import { ask, uniqueSources, type Reply } from '../../reply/reply';
import { lower as lowerFirst, responsibilityQuestion } from './responsibility';

/**
 * The order a reader expects the tasks of a split in (also the rows of the chat matrix). Which of
 * them an overview lists is data: the category's `overview` and the service's own (data/*.yaml).
 */
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

export function answerService(kb: Facts, service: Service): Reply {
  const groups: Record<Owner, string[]> = { aws: [], customer: [], shared: [] };
  const sources = [service.source];
  const notes: string[] = [];
  for (const id of OVERVIEW_TASKS) {
    const task = kb.tasksById.get(id);
    if (!task) continue;
    // Only the tasks the service has (no engine on a queue), and never one that does not apply.
    if (!inOverview(kb, id, service)) continue;
    const fact = applicableFact(kb, id, service.id);
    if (!fact) continue;
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
