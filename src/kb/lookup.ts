// Service × task → the cell that answers "who does it": a task that does not apply there, a service
// exception, else the category default, else the general rule.
import { exceptionKey, type Facts } from './knowledge-base';
import { CATEGORIES, type Category, type Fact, type Owner, type Service, type Task, type Variant } from './schema';

/** One way the owner flips with how the service is set up, texts filled in. */
export interface ResolvedVariant {
  variant: Variant;
  owner: Owner;
  aws: string;
  customer: string;
  nuance?: string;
  source: string;
}

export interface ResolvedFact {
  applies: true;
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
  variants: ResolvedVariant[];
}

/** The task has no object on this service: no owner, and where the task lives instead. */
export interface Inapplicable {
  applies: false;
  task: Task;
  service: Service;
  where: string;
  source: string;
}

export type Cell = ResolvedFact | Inapplicable;

const fill = (text: string, name: string): string => text.replace(/\{service\}/g, name);

function finish(kb: Facts, task: Task, fact: Fact, scope: ResolvedFact['scope'], name: string, extra: Partial<ResolvedFact>): ResolvedFact {
  return {
    applies: true,
    task,
    owner: fact.owner,
    aws: fill(fact.aws, name),
    customer: fill(fact.customer, name),
    nuance: fact.nuance === undefined ? undefined : fill(fact.nuance, name),
    source: fact.source,
    scope,
    variants: (fact.variants ?? []).map((v) => ({
      variant: kb.variants.get(v.variant)!, // kb validation guarantees it
      owner: v.owner,
      aws: fill(v.aws, name),
      customer: fill(v.customer, name),
      nuance: v.nuance === undefined ? undefined : fill(v.nuance, name),
      source: v.source ?? fact.source,
    })),
    ...extra,
  };
}

/** The rule for a category: the general fact with the category's differences laid over it. */
export function categoryFact(kb: Facts, taskId: string, category: Category): { fact: Fact; own: boolean } {
  const d = kb.defaults.get(taskId);
  if (!d) throw new Error(`no defaults for task ${taskId}`); // kb validation guarantees one
  const over = d[category];
  if (!over) return { fact: d.general, own: false };
  // A category entry that changes the owner brings its own texts; the general nuance may no longer fit.
  const changes = over.owner !== undefined && over.owner !== d.general.owner;
  const nuance = over.nuance ?? (changes ? undefined : d.general.nuance);
  const variants = over.variants ?? (changes ? undefined : d.general.variants);
  return { fact: { ...d.general, ...over, nuance, variants }, own: true };
}

// Facts never change once loaded: each cell is worked out once (texts filled, variants resolved).
const cellMemo = new WeakMap<Facts, Map<string, Cell>>();

/** The cell for a task, on a service or in general. Callers must handle a cell that does not apply. */
export function lookupFact(kb: Facts, taskId: string, serviceId?: string): Cell {
  let memo = cellMemo.get(kb);
  if (!memo) cellMemo.set(kb, (memo = new Map()));
  const key = `${taskId}/${serviceId ?? ''}`;
  let cell = memo.get(key);
  if (!cell) memo.set(key, (cell = resolveCell(kb, taskId, serviceId)));
  return cell;
}

function resolveCell(kb: Facts, taskId: string, serviceId?: string): Cell {
  const task = kb.tasksById.get(taskId);
  if (!task) throw new Error(`unknown task ${taskId}`);
  const d = kb.defaults.get(taskId);
  if (!d) throw new Error(`no defaults for task ${taskId}`);
  if (serviceId === undefined) return finish(kb, task, d.general, 'general', 'the service', {});
  const service = kb.servicesById.get(serviceId);
  if (!service) throw new Error(`unknown service ${serviceId}`);
  const key = exceptionKey(serviceId, taskId);
  const na = kb.notApplicable.get(key);
  if (na) return { applies: false, task, service, where: fill(na.where, service.name), source: na.source ?? service.source };
  const ex = kb.exceptions.get(key);
  if (ex) return finish(kb, task, ex, 'service', service.name, { service, category: service.category, reason: ex.reason });
  const { fact } = categoryFact(kb, taskId, service.category);
  return finish(kb, task, fact, 'category', service.name, { service, category: service.category });
}

/** Only the cells that apply: for lists made from facts (overviews, comparisons, quiz questions). */
export function applicableFact(kb: Facts, taskId: string, serviceId?: string): ResolvedFact | undefined {
  const cell = lookupFact(kb, taskId, serviceId);
  return cell.applies ? cell : undefined;
}

export type CategoryOwners = ReadonlyArray<Readonly<{ category: Category; owner: Owner; example?: Service }>>;

// Facts never change once loaded, and every answer about a task asks this: work it out once per task.
const ownersMemo = new WeakMap<Facts, Map<string, CategoryOwners>>();

/** How the owner of a task moves across the three categories, with an example service each. */
export function ownersByCategory(kb: Facts, taskId: string): CategoryOwners {
  let memo = ownersMemo.get(kb);
  if (!memo) ownersMemo.set(kb, (memo = new Map()));
  let owners = memo.get(taskId);
  if (!owners) memo.set(taskId, (owners = computeOwnersByCategory(kb, taskId)));
  return owners;
}

function computeOwnersByCategory(kb: Facts, taskId: string): CategoryOwners {
  return CATEGORIES.map((category) => {
    const info = kb.categories.get(category);
    // The example is the first listed service of the category on which the task applies.
    const example = info?.examples.map((id) => kb.servicesById.get(id)).find((s) => s && lookupFact(kb, taskId, s.id).applies);
    const cell = example ? applicableFact(kb, taskId, example.id) : undefined;
    return { category, owner: cell ? cell.owner : categoryFact(kb, taskId, category).fact.owner, example };
  });
}

/**
 * Whether a service's overview lists a task: its category's overview does, the service names it as
 * one of its parts (an engine, a runtime, nodes), or its own documentation sets the task apart.
 */
export function inOverview(kb: Facts, taskId: string, service: Service): boolean {
  return (
    kb.categories.get(service.category)?.overview.includes(taskId) === true ||
    service.overview.includes(taskId) ||
    kb.exceptions.has(exceptionKey(service.id, taskId))
  );
}
