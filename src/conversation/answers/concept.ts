// "What does security OF the cloud mean?": a concept in a sentence, then the detail and an example.
import type { KnowledgeBase } from '../../nlu/knowledge-base';
import type { Category, Concept } from '../../kb/schema';
import { ask, NO_FACTS, uniqueSources, type Reply } from '../../reply/reply';

export function answerConcept(kb: KnowledgeBase, concept: Concept): Reply {
  const sections: Reply['sections'] = [{ label: 'In more detail', text: concept.detail }];
  if (concept.example) sections.push({ label: 'Example', text: concept.example });
  return {
    kind: 'answer',
    intent: 'concept',
    title: concept.name,
    summary: concept.summary,
    restated: `What is ${concept.name}?`,
    sections,
    choicesLabel: 'Related',
    choices: concept.related
      .map((id) => kb.conceptsById.get(id))
      .filter((c): c is Concept => c !== undefined)
      .slice(0, 3)
      .map((c) => ask(c.name, `what is ${c.name}`)),
    sources: uniqueSources([concept.source]),
    facts: NO_FACTS,
  };
}

/** A category asked about on its own: its concept when there is one, else the seeds' table row. */
export function answerCategory(kb: KnowledgeBase, category: Category): Reply {
  const concept = kb.conceptsById.get(`${category}-services`);
  if (concept) return answerConcept(kb, concept);
  const info = kb.categories.get(category)!;
  return {
    kind: 'answer',
    intent: 'concept',
    title: info.name,
    summary: `${info.name}: ${info.aws}`,
    sections: [{ label: 'You do', text: info.customer }],
    choices: [],
    sources: uniqueSources([info.source]),
    facts: NO_FACTS,
  };
}
