// The onboarding tour: the lessons of data/lessons.yaml, one chat message each.
import { ask, NO_FACTS, uniqueSources, type Choice, type Reply } from '../reply/reply';

/** The lesson id a Finish button points at: past the last lesson. */
export const FINISHED = 'finished';
import type { KnowledgeBase } from '../nlu/knowledge-base';

export function lessonReply(kb: KnowledgeBase, index: number): Reply {
  const total = kb.lessons.length;
  const lesson = kb.lessons[index];
  if (!lesson) {
    return {
      kind: 'lesson',
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
  const following = kb.lessons[index + 1];
  const next: Choice[] = following
    ? [{ label: `Next: ${following.title}`, action: { kind: 'lesson', lessonId: following.id, step: 0 } }]
    : [{ label: 'Finish the tour', action: { kind: 'lesson', lessonId: FINISHED, step: 0 } }];
  return {
    kind: 'lesson',
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
