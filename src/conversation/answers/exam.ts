// A pasted practice-exam item: the options picked first, then each option's verdict and why, with the
// documentation behind it. Unsure means no pick: the reasons are still given, option by option.
import { answerItem } from '../../exam/reason';
import type { ExamItem } from '../../exam/parse';
import type { Interpreter } from '../../nlu/interpret';
import type { KnowledgeBase } from '../../nlu/knowledge-base';
import { ask, uniqueSources, type Reply } from '../../reply/reply';

const MARK = { right: '✓', wrong: '✗', unknown: '?' } as const;

export function answerExam(kb: KnowledgeBase, interpreter: Interpreter, item: ExamItem): Reply {
  const answer = answerItem(kb, interpreter, item);
  const picked = answer.choices;
  const summary = picked.length
    ? `${picked.length === 1 ? 'The answer is' : 'The answers are'} ${picked.join(' and ')}.`
    : `I'm not sure enough to pick ${item.pick === 1 ? 'an option' : `${item.pick} options`}: here is what I know about each.`;
  return {
    kind: 'exam',
    intent: 'exam',
    title: picked.length ? `Practice question: ${picked.join(', ')}` : 'Practice question: not sure',
    summary,
    sections: answer.options.map((o) => ({ label: `${MARK[o.verdict]} ${o.letter}) ${o.text}`, text: o.reason })),
    choicesLabel: 'More',
    choices: [ask('Quiz me', 'quiz me')],
    sources: uniqueSources(answer.options.flatMap((o) => o.sources)),
    facts: {
      service: null,
      task: null,
      owner: null,
      exam: { choices: picked, confidence: answer.confidence, options: answer.options.map(({ letter, verdict, reason, sources }) => ({ letter, verdict, reason, sources })) },
    },
  };
}
