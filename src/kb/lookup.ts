// Service × task → the fact that answers "who does it": a service exception, else the category
// default, else the general rule.
import { exceptionKey, type KnowledgeBase } from './knowledge-base';
import { CATEGORIES, type Category, type Fact, type Owner, type Service, type Task } from './schema';

export interface ResolvedFact {
  task: Task;
  service?: Service;
  category?: Category;
  owner: Owner;
  aws: string;
  customer: string;
  nuance?: string;
  source: string;
  /** Where the fact came from: its own service entry, its category's default, or the general rule. */
  scope: 'service' | 'category' | 'general';
  /** For a service exception: why the service differs from its category. */
  reason?: string;
}

const fill = (text: string, name: string): string => text.replace(/\{service\}/g, name);

function finish(task: Task, fact: Fact, scope: ResolvedFact['scope'], name: string, extra: Partial<ResolvedFact>): ResolvedFact {
  return {
    task,
    owner: fact.owner,
    aws: fill(fact.aws, name),
    customer: fill(fact.customer, name),
    nuance: fact.nuance === undefined ? undefined : fill(fact.nuance, name),
    source: fact.source,
    scope,
    ...extra,
  };
}

/** The rule for a category: the general fact with the category's differences laid over it. */
export function categoryFact(kb: KnowledgeBase, taskId: string, category: Category): { fact: Fact; own: boolean } {
  const d = kb.defaults.get(taskId);
  if (!d) throw new Error(`no defaults for task ${taskId}`); // kb validation guarantees one
  const over = d[category];
  if (!over) return { fact: d.general, own: false };
  // A category entry that changes the owner brings its own texts; the general nuance may no longer fit.
  const nuance = over.nuance ?? (over.owner && over.owner !== d.general.owner ? undefined : d.general.nuance);
  return { fact: { ...d.general, ...over, nuance }, own: true };
}

export function lookupFact(kb: KnowledgeBase, taskId: string, serviceId?: string): ResolvedFact {
  const task = kb.tasksById.get(taskId);
  if (!task) throw new Error(`unknown task ${taskId}`);
  const d = kb.defaults.get(taskId);
  if (!d) throw new Error(`no defaults for task ${taskId}`);
  if (serviceId === undefined) return finish(task, d.general, 'general', 'the service', {});
  const service = kb.servicesById.get(serviceId);
  if (!service) throw new Error(`unknown service ${serviceId}`);
  const ex = kb.exceptions.get(exceptionKey(serviceId, taskId));
  if (ex) return finish(task, ex, 'service', service.name, { service, category: service.category, reason: ex.reason });
  const { fact } = categoryFact(kb, taskId, service.category);
  return finish(task, fact, 'category', service.name, { service, category: service.category });
}

export type CategoryOwners = ReadonlyArray<Readonly<{ category: Category; owner: Owner; example?: Service }>>;

// Facts never change once loaded, and every answer about a task asks this: work it out once per task.
const ownersMemo = new WeakMap<KnowledgeBase, Map<string, CategoryOwners>>();

/** How the owner of a task moves across the three categories, with an example service each. */
export function ownersByCategory(kb: KnowledgeBase, taskId: string): CategoryOwners {
  let memo = ownersMemo.get(kb);
  if (!memo) ownersMemo.set(kb, (memo = new Map()));
  let owners = memo.get(taskId);
  if (!owners) memo.set(taskId, (owners = computeOwnersByCategory(kb, taskId)));
  return owners;
}

function computeOwnersByCategory(kb: KnowledgeBase, taskId: string): CategoryOwners {
  return CATEGORIES.map((category) => {
    const info = kb.categories.get(category);
    const example = info ? kb.servicesById.get(info.examples[0]!) : undefined;
    const owner = example ? lookupFact(kb, taskId, example.id).owner : categoryFact(kb, taskId, category).fact.owner;
    return { category, owner, example };
  });
}
