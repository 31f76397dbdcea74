// A task read from word order alone, where another task named as strongly would give another owner:
// the bot cannot tell which was asked, and a wrong owner is worse than asking back.
import type { KnowledgeBase } from './knowledge-base';
import type { Service, Task } from '../kb/schema';
import { lookupFact } from '../kb/lookup';

/** Below the "did you mean" threshold (0.6), so the reply offers the readings instead of an owner. */
export const CONTESTED_CONFIDENCE = 0.55;

const ownerOf = (kb: KnowledgeBase, task: Task, service: Service | undefined): string => {
  const cell = lookupFact(kb, task.id, service?.id);
  return cell.applies ? cell.owner : 'none';
};

/** Whether some contender's owner on the service differs from the winner's. */
export function ownerContested(kb: KnowledgeBase, task: Task, contenders: readonly Task[], service: Service | undefined): boolean {
  if (contenders.length === 0) return false;
  const owner = ownerOf(kb, task, service);
  return contenders.some((t) => ownerOf(kb, t, service) !== owner);
}
