// Quiz question and verdict as Replies, so every adapter shows them its own way.
import { ask, NO_FACTS, uniqueSources, type Reply } from '../reply/reply';
import type { QuizItem } from './questions';

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

/** How a choice is shown: "B) AWS", or the item's own label (a saved exam item's "A + C"). */
export const choiceLabel = (item: QuizItem, i: number): string => item.choiceLabels?.[i] ?? `${LETTERS[i]}) ${item.choices[i]}`;

export function questionReply(item: QuizItem): Reply {
  return {
    kind: 'quiz-question',
    intent: 'quiz',
    title: 'Quiz',
    summary: item.question,
    sections: [{ label: 'Choices', text: item.choices.map((_, i) => choiceLabel(item, i)).join('  ') }],
    choicesLabel: 'Your answer',
    choices: item.choices.map((_, i) => ({ label: choiceLabel(item, i), action: { kind: 'quiz-answer', questionId: item.id, choice: i } })),
    sources: [],
    facts: NO_FACTS,
  };
}

/** The verdict on a choice; with no choice (the person gave up) the answer itself. */
export function verdictReply(item: QuizItem, chosen: number | undefined): Reply {
  const right = chosen === item.answer;
  const correct = choiceLabel(item, item.answer);
  return {
    kind: 'quiz-verdict',
    intent: 'quiz',
    title: chosen === undefined ? 'The answer' : right ? 'Correct!' : 'Not quite',
    summary: chosen === undefined ? `The answer is ${correct}.` : right ? `Correct — ${correct}.` : `Not quite: the answer is ${correct}.`,
    sections: [{ label: 'Why', text: item.explanation }],
    choicesLabel: 'Keep going',
    choices: [{ label: 'Another question', action: { kind: 'quiz-next' } }],
    sources: uniqueSources([item.source]),
    facts: NO_FACTS,
  };
}
