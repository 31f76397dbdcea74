// What a button does when clicked, as data: a discriminated union that every platform carries in its
// own field (Slack's `value`, Teams' `data`) in a compact form, and reads back through zod, so a
// forged, truncated or old button is refused instead of being half-understood.
import { z } from 'zod';

export type Action =
  /** Ask this question, as if typed. */
  | { kind: 'ask'; question: string }
  /** Answer a quiz question; `postId` names the daily post it came from, if any. */
  | { kind: 'quiz-answer'; questionId: string; choice: number; postId?: string }
  /** Another quiz question. */
  | { kind: 'quiz-next' }
  /** One person's view of a daily post: their verdict if they answered, else the question. */
  | { kind: 'quiz-view'; postId: string }
  /** Show this step of a lesson (Next, Back, resume). */
  | { kind: 'lesson'; lessonId: string; step: number }
  /** 👍 / 👎 on an answer: what was asked and what the bot took it for. */
  | { kind: 'feedback'; vote: 'up' | 'down'; question: string; intent: string }
  /** Post a private answer for everyone in the channel. */
  | { kind: 'share'; question: string }
  /** A practice-exam item answered in short: the same answer with every option's reason. */
  | { kind: 'exam-why'; itemId: string }
  /** Put a practice-exam item in the clicker's own quiz, so spaced repetition brings it back. */
  | { kind: 'exam-save'; itemId: string };

export type ActionKind = Action['kind'];

/** The longest question a button carries: enough for any real question, and inside every platform's limit. */
export const MAX_ACTION_QUESTION = 1000;

const question = z.string().max(MAX_ACTION_QUESTION);
const id = z.string().min(1).max(120);

// Wire form: one-letter keys, because Slack caps a button value at 2,000 characters. Keys a platform
// adds beside ours (Teams merges card inputs into `data`) are dropped, not refused.
const Wire = z.discriminatedUnion('k', [
  z.object({ k: z.literal('a'), q: question }),
  z.object({ k: z.literal('q'), i: id, c: z.number().int().min(0).max(9), p: id.optional() }),
  z.object({ k: z.literal('n') }),
  z.object({ k: z.literal('v'), p: id }),
  z.object({ k: z.literal('l'), l: id, s: z.number().int().min(0).max(99) }),
  z.object({ k: z.literal('f'), v: z.enum(['up', 'down']), q: question, i: z.string().max(40) }),
  z.object({ k: z.literal('s'), q: question }),
  z.object({ k: z.literal('w'), x: id }),
  z.object({ k: z.literal('x'), x: id }),
]);
type Wire = z.infer<typeof Wire>;

/** Cuts to `max` UTF-16 units without leaving half of a surrogate pair (half an emoji) at the end. */
export function cutUnits(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const bound = (text: string): string => cutUnits(text, MAX_ACTION_QUESTION);

function toWire(a: Action): Wire {
  switch (a.kind) {
    case 'ask':
      return { k: 'a', q: bound(a.question) };
    case 'quiz-answer':
      return a.postId === undefined ? { k: 'q', i: a.questionId, c: a.choice } : { k: 'q', i: a.questionId, c: a.choice, p: a.postId };
    case 'quiz-next':
      return { k: 'n' };
    case 'quiz-view':
      return { k: 'v', p: a.postId };
    case 'lesson':
      return { k: 'l', l: a.lessonId, s: a.step };
    case 'feedback':
      return { k: 'f', v: a.vote, q: bound(a.question), i: a.intent.slice(0, 40) };
    case 'share':
      return { k: 's', q: bound(a.question) };
    case 'exam-why':
      return { k: 'w', x: a.itemId };
    case 'exam-save':
      return { k: 'x', x: a.itemId };
  }
}

function fromWire(w: Wire): Action {
  switch (w.k) {
    case 'a':
      return { kind: 'ask', question: w.q };
    case 'q':
      return w.p === undefined ? { kind: 'quiz-answer', questionId: w.i, choice: w.c } : { kind: 'quiz-answer', questionId: w.i, choice: w.c, postId: w.p };
    case 'n':
      return { kind: 'quiz-next' };
    case 'v':
      return { kind: 'quiz-view', postId: w.p };
    case 'l':
      return { kind: 'lesson', lessonId: w.l, step: w.s };
    case 'f':
      return { kind: 'feedback', vote: w.v, question: w.q, intent: w.i };
    case 's':
      return { kind: 'share', question: w.q };
    case 'w':
      return { kind: 'exam-why', itemId: w.x };
    case 'x':
      return { kind: 'exam-save', itemId: w.x };
  }
}

/** The compact form for a platform's button field (a JSON object). */
export const actionData = (a: Action): Wire => toWire(a);

/** Slack's cap on a button value, the tightest of the platforms. */
export const MAX_ENCODED = 2000;

/** The compact form as a string, for Slack's `value`: within `max` characters however the question
 * escapes (JSON can make one character six), by shortening the question, never by cutting the JSON. */
export function encodeAction(a: Action, max = MAX_ENCODED): string {
  const wire = toWire(a);
  let text = JSON.stringify(wire);
  if (text.length <= max || !('q' in wire)) return text;
  let q = wire.q;
  while (text.length > max && q.length > 0) {
    q = cutUnits(q, Math.max(0, q.length - Math.max(20, Math.ceil((text.length - max) / 6))));
    text = JSON.stringify({ ...wire, q });
  }
  return text;
}

/**
 * Buttons on messages sent before typed actions carried a question as plain text (Slack) or
 * {whosejob: 'ask' | 'feedback', q, i, vote} (Teams). A click on such an old message still works:
 * it is read as the action it meant. `kind` is what the old button was, known from its id on Slack.
 */
export function decodeLegacyAction(data: unknown, kind: 'ask' | 'feedback-up' | 'feedback-down' | 'share'): Action | undefined {
  let value = data;
  if (typeof value === 'string' && value.startsWith('{')) {
    try {
      value = JSON.parse(value);
    } catch {
      /* a plain question that happens to start with a brace */
    }
  }
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? bound(v) : undefined);
  if (typeof value === 'string') {
    if (kind === 'ask' || kind === 'share') return value.trim() ? { kind, question: bound(value) } : undefined;
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (kind.startsWith('feedback') || v.whosejob === 'feedback') {
    const vote = kind === 'feedback-up' || v.vote === 'up' ? 'up' : 'down';
    return { kind: 'feedback', vote, question: text(v.q) ?? '', intent: (text(v.i) ?? 'unknown').slice(0, 40) };
  }
  const q = text(v.q);
  return v.whosejob === 'ask' && q ? { kind: 'ask', question: q } : undefined;
}

/** A button's data back as an Action, or undefined when it is not one of ours. */
export function decodeAction(data: unknown): Action | undefined {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = Wire.safeParse(value);
  return parsed.success ? fromWire(parsed.data) : undefined;
}
