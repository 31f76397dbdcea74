// Quiz question and verdict as Replies, so every adapter shows them its own way.
import { ask, NO_FACTS, uniqueSources, type Reply } from '../conversation/reply';
import type { QuizItem } from './questions';

export const LETTERS = ['A', 'B', 'C', 'D'];

export function questionReply(item: QuizItem): Reply {
  return {
    intent: 'quiz',
    title: 'Quiz',
    summary: item.question,
    sections: [{ label: 'Choices', text: item.choices.map((c, i) => `${LETTERS[i]}) ${c}`).join('  ') }],
    choicesLabel: 'Your answer',
    choices: item.choices.map((c, i) => ({ label: `${LETTERS[i]}) ${c}`, value: String(i + 1), kind: 'quiz-answer' as const })),
    sources: [],
    facts: NO_FACTS,
  };
}

export function verdictReply(item: QuizItem, chosen: number): Reply {
  const right = chosen === item.answer;
  const correct = `${LETTERS[item.answer]}) ${item.choices[item.answer]}`;
  return {
    intent: 'quiz',
    title: right ? 'Correct!' : 'Not quite',
    summary: right ? `Correct — ${correct}.` : `Not quite: the answer is ${correct}.`,
    sections: [{ label: 'Why', text: item.explanation }],
    choicesLabel: 'Keep going',
    choices: [ask('Another question', 'quiz me')],
    sources: uniqueSources([item.source]),
    facts: NO_FACTS,
  };
}
