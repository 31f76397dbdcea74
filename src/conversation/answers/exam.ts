// A pasted practice-exam item: the options picked first, then each option's verdict and why, with the
// documentation behind it. Unsure means no pick: the reasons are still given, option by option.
// In chat the answer comes short (each option marked, one line each) with the reasons one click away;
// text and the JSON answer carry the reasons in full.
import { answerItem, type ExamAnswer } from '../../exam/reason';
import type { ExamItem } from '../../exam/parse';
import type { Interpreter } from '../../nlu/interpret';
import type { KnowledgeBase } from '../../nlu/knowledge-base';
import { ask, uniqueSources, type Choice, type Reply, type Section } from '../../reply/reply';

const MARK = { right: '✓', wrong: '✗', unknown: '?' } as const;

export interface ExamReplyOptions {
  /** Where the item is kept: lets "Show why" and "Add to my quiz" find it again. */
  itemId?: string;
  /** Whether the person has a quiz of their own to add the item to. */
  canSave?: boolean;
  /** The full answer, every option with its reason (after "Show why"). */
  expanded?: boolean;
}

export function answerExam(kb: KnowledgeBase, interpreter: Interpreter, item: ExamItem, options: ExamReplyOptions = {}): Reply {
  return examReply(item, answerItem(kb, interpreter, item), options);
}

export function examReply(item: ExamItem, answer: ExamAnswer, options: ExamReplyOptions = {}): Reply {
  const picked = answer.choices;
  const summary = picked.length
    ? `${picked.length === 1 ? 'The answer is' : 'The answers are'} ${picked.join(' and ')}.`
    : `I'm not sure enough to pick ${item.pick === 1 ? 'an option' : `${item.pick} options`}: here is what I know about each.`;
  const reasons: Section[] = answer.options.map((o) => ({ label: `${MARK[o.verdict]} ${o.letter}) ${o.text}`, text: o.reason }));
  const compact: Section = { label: 'Options', text: answer.options.map((o) => `${MARK[o.verdict]} ${o.letter}) ${o.text}`).join('\n') };
  const choices: Choice[] = [];
  if (options.itemId && options.canSave && picked.length > 0) choices.push({ label: 'Add to my quiz', action: { kind: 'exam-save', itemId: options.itemId } });
  choices.push(ask('Quiz me', 'quiz me'));
  return {
    kind: 'exam',
    intent: 'exam',
    title: picked.length ? `Practice question: ${picked.join(', ')}` : 'Practice question: not sure',
    summary,
    sections: options.expanded ? reasons : [compact],
    ...(options.expanded ? {} : { details: { label: 'Show why', sections: reasons, ...(options.itemId ? { action: { kind: 'exam-why' as const, itemId: options.itemId } } : {}) } }),
    choicesLabel: 'More',
    choices,
    sources: uniqueSources(answer.options.flatMap((o) => o.sources)),
    facts: {
      service: null,
      task: null,
      owner: null,
      exam: { choices: picked, confidence: answer.confidence, options: answer.options.map(({ letter, verdict, reason, sources }) => ({ letter, verdict, reason, sources })) },
    },
  };
}
