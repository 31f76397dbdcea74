// Reply → Adaptive Card (schema 1.5, Teams-supported elements only), a pure function. Text from a
// Reply is escaped for the card's markdown; actions stay within Teams' six; the card within 28 KB.
import { OWNER_LABEL, type Reply } from '../../conversation/reply';
import type { Owner } from '../../kb/schema';

export const CARD_LIMITS = { actions: 6, bytes: 28 * 1024, titleChars: 200, textChars: 3000 } as const;

export interface CardElement {
  type: string;
  [key: string]: unknown;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions: CardElement[];
  msteams?: { width: 'Full' };
}

/** What a card button sends back in `activity.value`. */
export type CardAction =
  | { whosejob: 'ask'; q: string }
  | { whosejob: 'feedback'; vote: 'up' | 'down'; q: string; i: string };

const BADGE_COLOR: Record<Owner, string> = { aws: 'Warning', customer: 'Accent', shared: 'Good' };
const BADGE_TEXT: Record<Owner, string> = { aws: 'AWS is responsible', customer: 'You are responsible', shared: 'Shared responsibility' };

/** Backslash-escapes the markdown Teams renders in a TextBlock (emphasis, links, code, list and
 * heading markers at a line start), so text shows as typed and cannot become a link. */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]~<>]/g, (c) => `\\${c}`).replace(/^(\s*)([-+#]|\d+\.)/gm, '$1\\$2');
}

export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, end > max * 0.6 ? end : max - 1).trimEnd()}…`;
}

const textBlock = (text: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

export interface CardOptions {
  question: string;
  feedback?: boolean;
}

export function renderCard(reply: Reply, options: CardOptions): AdaptiveCard {
  const body: CardElement[] = [];
  if (reply.owner)
    body.push(textBlock(BADGE_TEXT[reply.owner].toUpperCase(), { weight: 'Bolder', size: 'Small', color: BADGE_COLOR[reply.owner] }));
  body.push(textBlock(escapeCardMarkdown(cutText(reply.title, CARD_LIMITS.titleChars)), { size: 'Large', weight: 'Bolder' }));
  body.push(textBlock(escapeCardMarkdown(cutText(reply.summary, CARD_LIMITS.textChars))));
  for (const s of reply.sections) {
    body.push(textBlock(`**${escapeCardMarkdown(s.label)}**`, { spacing: 'Medium' }));
    body.push(textBlock(escapeCardMarkdown(cutText(s.text, CARD_LIMITS.textChars)), { spacing: 'None' }));
  }
  if (reply.sources.length > 0) {
    const links = reply.sources.map((s) => `[${escapeCardMarkdown(s.title)}](${s.url})`).join(' · ');
    body.push(textBlock(`Sources: ${links}`, { size: 'Small', isSubtle: true, spacing: 'Medium' }));
  }
  const feedback: CardElement[] = [];
  if (options.feedback) {
    const q = options.question.slice(0, 1000);
    feedback.push(
      { type: 'Action.Submit', title: '👍 Helpful', data: { whosejob: 'feedback', vote: 'up', q, i: reply.intent } satisfies CardAction },
      { type: 'Action.Submit', title: '👎 Not helpful', data: { whosejob: 'feedback', vote: 'down', q, i: reply.intent } satisfies CardAction },
    );
  }
  const choices: CardElement[] = reply.choices
    .slice(0, CARD_LIMITS.actions - feedback.length)
    .map((c) => ({ type: 'Action.Submit', title: cutText(c.label, 80), data: { whosejob: 'ask', q: c.value.slice(0, 1000) } satisfies CardAction }));
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions: [...choices, ...feedback],
    msteams: { width: 'Full' },
  };
  // Cut whole sections from the end until the card fits Teams' size limit.
  while (Buffer.byteLength(JSON.stringify(card)) > CARD_LIMITS.bytes && card.body.length > 3) card.body.splice(card.body.length - 2, 1);
  return card;
}

/** The plain-text fallback that goes with a card (notifications, screen readers, search). */
export function cardFallback(reply: Reply): string {
  const owner = reply.owner ? `${OWNER_LABEL[reply.owner]}: ` : '';
  return cutText(`${owner}${reply.title} — ${reply.summary}`, 1000);
}
