// A reply as plain text without markup: the `text` of the JSON answer, and the console's base.
import { fullSections, type Reply } from './reply';

/** Strips control characters so that nothing in a reply can move the cursor or recolour a terminal. */
export const clean = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '');

/** The plain text of the JSON answer: the reply without its follow-up buttons, except where the
 * buttons are the content (a quiz question's choices, the readings of "Did you mean…?"). */
export function plainText(reply: Reply): string {
  const parts = [reply.summary, ...fullSections(reply).map((s) => `${s.label}: ${s.text}`)];
  if (reply.kind === 'quiz-question' || reply.kind === 'did-you-mean') parts.push(...reply.choices.map((ch) => ch.label));
  return clean(parts.join('\n'));
}
