// One line that places a service in its category and says what that means.
import type { KnowledgeBase } from '../../nlu/knowledge-base';
import type { Service } from '../../kb/schema';

export function categoryLine(kb: KnowledgeBase, service: Service): string {
  const info = kb.categories.get(service.category)!;
  return `${service.name} is one of the ${info.name.toLowerCase()}. ${info.aws}`;
}
