// The onboarding tour: the lessons of data/lessons.yaml, one chat message each.
import { ask, NO_FACTS, uniqueSources, type Reply } from '../conversation/reply';
import type { KnowledgeBase } from '../kb/knowledge-base';

export function lessonReply(kb: KnowledgeBase, index: number): Reply {
  const total = kb.lessons.length;
  const lesson = kb.lessons[index];
  if (!lesson) {
    return {
      intent: 'onboarding',
      title: 'Tour complete',
      summary: `That's the whole tour — ${total} lessons. Test yourself with a quiz question, or ask me anything about who is responsible for what.`,
      sections: [],
      choicesLabel: 'What next',
      choices: [ask('Quiz me', 'quiz me'), ask('Start the tour again', 'restart onboarding'), ask('Who patches RDS?')],
      sources: [],
      facts: NO_FACTS,
    };
  }
  const tryAsking = lesson.steps.flatMap((s) => s.tryAsking).slice(0, 3);
  const next =
    index + 1 < total
      ? [{ label: `Next: ${kb.lessons[index + 1]!.title}`, value: 'next lesson', kind: 'lesson' as const }]
      : [{ label: 'Finish the tour', value: 'next lesson', kind: 'lesson' as const }];
  return {
    intent: 'onboarding',
    title: `Lesson ${index + 1} of ${total}: ${lesson.title}`,
    summary: lesson.goal,
    sections: lesson.steps.map((s) => ({ label: s.title, text: s.text })),
    choicesLabel: 'Try asking',
    choices: [...next, ...tryAsking.map((q) => ask(q))],
    sources: uniqueSources([lesson.source]),
    facts: NO_FACTS,
  };
}
