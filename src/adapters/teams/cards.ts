// Reply → Adaptive Card (schema 1.5, Teams-supported elements only), a pure function. Text from a
// Reply is escaped for the card's markdown; actions stay within Teams' six; the card within 28 KB.
import { actionData, MAX_ACTION_QUESTION, type Action } from '../../reply/action';
import { OWNER_LABEL, type Owner, type Reply } from '../../reply/reply';
import { cutText } from '../../reply/cut';

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


const BADGE_COLOR: Record<Owner, string> = { aws: 'Warning', customer: 'Accent', shared: 'Good' };
const BADGE_TEXT: Record<Owner, string> = { aws: 'AWS is responsible', customer: 'You are responsible', shared: 'Shared responsibility' };

const CARD_MARKDOWN = /[\\`*_[\]~<>]|^\s*([-+#]|\d+\.)/m;

/** Backslash-escapes the markdown Teams renders in a TextBlock (emphasis, links, code, list and
 * heading markers at a line start), so text shows as typed and cannot become a link. */
export function escapeCardMarkdown(text: string): string {
  // Most text has nothing to escape: one scan instead of three replacing passes.
  if (!CARD_MARKDOWN.test(text)) return text;
  return text
    .replace(/[\\`*_[\]~<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}


const textBlock = (text: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });

export interface CardOptions {
  question: string;
  feedback?: boolean;
}

const size = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card));

/** The most bytes a card made from this reply can take: escaping at most doubles a text, a character is
 * at most 6 bytes of JSON (\uXXXX), and each element's own fields stay under 200 bytes. Below the limit,
 * the card need not be serialised to be checked. */
export function cardSizeBound(reply: Reply, question: string): number {
  let chars = reply.title.length + reply.summary.length + question.length * 2;
  for (const s of reply.sections) chars += s.label.length + s.text.length;
  for (const s of reply.sources) chars += s.title.length + s.url.length;
  for (const c of reply.choices) chars += c.label.length + MAX_ACTION_QUESTION;
  const elements = 2 * reply.sections.length + reply.sources.length + reply.choices.length + 6;
  return 2 * 6 * chars + 200 * elements + 1024;
}

export function renderCard(reply: Reply, options: CardOptions): AdaptiveCard {
  const head: CardElement[] = [];
  if (reply.owner)
    head.push(textBlock(BADGE_TEXT[reply.owner].toUpperCase(), { weight: 'Bolder', size: 'Small', color: BADGE_COLOR[reply.owner] }));
  const title = textBlock(escapeCardMarkdown(cutText(reply.title, CARD_LIMITS.titleChars)), { size: 'Large', weight: 'Bolder' });
  const summary = textBlock(escapeCardMarkdown(cutText(reply.summary, CARD_LIMITS.textChars)));
  head.push(title, summary);
  // A section is its heading and its text together: when the card must shrink, both go at once.
  const sections: CardElement[][] = reply.sections.map((s) => [
    textBlock(`**${escapeCardMarkdown(cutText(s.label, CARD_LIMITS.titleChars))}**`, { spacing: 'Medium' }),
    textBlock(escapeCardMarkdown(cutText(s.text, CARD_LIMITS.textChars)), { spacing: 'None' }),
  ]);
  const sources: CardElement[] = [];
  if (reply.sources.length > 0) {
    const links = reply.sources.map((s) => `[${escapeCardMarkdown(s.title)}](${s.url})`).join(' · ');
    sources.push(textBlock(`Sources: ${links}`, { size: 'Small', isSubtle: true, spacing: 'Medium' }));
  }
  const feedback: CardElement[] = [];
  if (options.feedback) {
    const vote = (v: 'up' | 'down'): Action => ({ kind: 'feedback', vote: v, question: options.question, intent: reply.intent });
    feedback.push(
      { type: 'Action.Submit', title: '👍 Helpful', data: actionData(vote('up')) },
      { type: 'Action.Submit', title: '👎 Not helpful', data: actionData(vote('down')) },
    );
  }
  const choices: CardElement[] = reply.choices
    .slice(0, CARD_LIMITS.actions - feedback.length)
    .map((c) => ({ type: 'Action.Submit', title: cutText(c.label, 80), data: actionData(c.action) }));
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
    actions: [...choices, ...feedback],
    msteams: { width: 'Full' },
  };
  const assemble = (): void => {
    card.body = [...head, ...sections.flat(), ...sources];
  };
  assemble();
  if (cardSizeBound(reply, options.question) <= CARD_LIMITS.bytes || size(card) <= CARD_LIMITS.bytes) return card; // the usual cases
  // Over Teams' size limit: drop whole sections from the end, then the sources, then shorten the
  // answer itself and the buttons — the badge, title and summary always stay.
  while (size(card) > CARD_LIMITS.bytes && sections.length > 0) {
    sections.pop();
    assemble();
  }
  if (size(card) > CARD_LIMITS.bytes) {
    sources.length = 0;
    summary.text = escapeCardMarkdown(cutText(reply.summary, 1000));
    title.text = escapeCardMarkdown(cutText(reply.title, 100));
    for (const a of card.actions) {
      a.title = cutText(String(a.title), 40);
      const data = a.data as { q?: string };
      if (data.q !== undefined) data.q = data.q.slice(0, 200);
    }
    assemble();
  }
  return card;
}

/** The plain-text fallback that goes with a card (notifications, screen readers, search). */
export function cardFallback(reply: Reply): string {
  const owner = reply.owner ? `${OWNER_LABEL[reply.owner]}: ` : '';
  return cutText(`${owner}${reply.title} — ${reply.summary}`, 1000);
}
