// A set-up only one service has names that service: "functions pinned to the Manual runtime update
// mode" is about Lambda even when the word Lambda is missing.
import type { KnowledgeBase } from './knowledge-base';
import type { Service, Task } from '../kb/schema';
import { lookupFact } from '../kb/lookup';

export function serviceOfVariants(kb: KnowledgeBase, task: Task, variants: readonly string[]): Service | undefined {
  if (variants.length === 0) return undefined;
  let found: Service | undefined;
  for (const service of kb.services) {
    const cell = lookupFact(kb, task.id, service.id);
    if (!cell.applies || !cell.variants.some((v) => variants.includes(v.variant.id))) continue;
    if (found) return undefined; // several services have it: the set-up does not say which
    found = service;
  }
  return found;
}
