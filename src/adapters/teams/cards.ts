// Reply → Adaptive Card (schema 1.5, Teams-supported elements only), a pure function. Text from a
// Reply is escaped for the card's markdown; actions stay within Teams' six; the card within 28 KB.
import { actionData, type Action } from '../../reply/action';
import { choicesAreAnswers, MAX_ANSWER_CHOICES, OWNER_LABEL, type Choice, type Owner, type Reply, type Section } from '../../reply/reply';
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
  /** Universal Actions: the card each listed person sees is fetched for them (a user-specific view). */
  refresh?: { action: CardElement; userIds: string[] };
}

/** The verb of every Action.Execute whosejob sends: the action itself travels in `data`. */
export const EXECUTE_VERB = 'whosejob';

/**
 * One row of buttons at Teams' chat width. Teams lays a card out 400 px wide at its narrowest (the Teams
 * preview of Microsoft's Adaptive Cards designer: `.teams-inner-frame { min-width: 400px }`, about a phone's
 * width too); less its 2 px border and the host config's 16 px padding, 364 px. The renderer puts an
 * ActionSet's buttons on one line (flex, no wrap), each as wide as its label, 8 px apart (`buttonSpacing`),
 * and shrinks them all with an ellipsis once they no longer fit. A button is its label in 14 px Segoe UI,
 * about 7.5 px a character (0.5 em on average, a little more for Teams' semibold labels), or 20 px for an
 * emoji, plus 24 px of padding and border. So a button alone holds about 45 characters, and up to three
 * share the line while their labels add up to about 36.
 */
export const BUTTON_ROW = { widthPx: 364, gapPx: 8, chromePx: 24, charPx: 7.5, emojiPx: 20, maxButtons: 3 } as const;

/** The width a button takes on one line: its label at BUTTON_ROW's measures. */
function buttonWidthPx(label: string): number {
  let px = BUTTON_ROW.chromePx;
  for (const ch of label) px += ch.codePointAt(0)! > 0xffff ? BUTTON_ROW.emojiPx : BUTTON_ROW.charPx;
  return px;
}

/** Whether buttons with these labels share one row without any of them being cut. */
export function rowFits(labels: readonly string[]): boolean {
  if (labels.length === 0 || labels.length > BUTTON_ROW.maxButtons) return false;
  const width = labels.reduce((sum, l) => sum + buttonWidthPx(l), 0) + BUTTON_ROW.gapPx * (labels.length - 1);
  return width <= BUTTON_ROW.widthPx;
}

// Teams' light theme draws Warning (#f8d22a) at 1.47:1 and Good (#92c353) at 2.07:1 on its white card, too
// faint to read; Default (#252424, 15.5:1) and Accent (#6264a7, 5.4:1; #a6a7dc on the dark theme's #2d2c2c,
// 6.1:1) read in both themes. Accent marks the answers that leave work with you; the words say whose it is.
const BADGE_COLOR: Record<Owner, 'Default' | 'Accent'> = { aws: 'Default', customer: 'Accent', shared: 'Accent' };
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
  let chars = reply.title.length + reply.summary.length + question.length * 2 + (reply.choicesLabel?.length ?? 0);
  for (const s of [...reply.sections, ...(reply.details?.sections ?? [])]) chars += s.label.length + s.text.length;
  for (const s of reply.sources) chars += s.title.length + s.url.length;
  // A label shows as text, and its action is carried in the card's data (encoded, never longer than its JSON).
  for (const c of reply.choices) chars += 2 * c.label.length + JSON.stringify(c.action).length;
  const lines = (ss: Section[]): number => ss.reduce((n, s) => n + 1 + s.text.split('\n').length, 0);
  // A table's cells: each its own TextBlock in a TableCell (three elements' worth of JSON apiece).
  const cells = reply.table ? [reply.table.columns, ...reply.table.rows].flat() : [];
  for (const c of cells) chars += Math.min(c.length, 200);
  const elements = lines(reply.sections) + lines(reply.details?.sections ?? []) + 2 + 3 * cells.length + reply.sources.length + 3 * reply.choices.length + 8;
  return 2 * 6 * chars + 200 * elements + 1024;
}

/** More rows of buttons than this read as a ragged stack: a list reads better. */
const MAX_BUTTON_ROWS = 2;

/**
 * The choices as up to two rows of at most three buttons that show their labels whole, or else every choice
 * as a full-width row whose text wraps (a Container with a selectAction): a card reads as one list or as
 * buttons, never as buttons cut to "Who is r…".
 */
function renderChoices(reply: Reply, choices: Choice[]): { elements: CardElement[]; shrink: () => void } {
  // On a message people see differently (a daily post), a click is an Action.Execute: Teams answers the
  // clicker alone with the card the bot returns, where Action.Submit would post the verdict for everyone.
  // A quiz question of one's own too: whoever clicks in a shared chat gets their own verdict.
  const execute = reply.personalViews !== undefined || reply.kind === 'quiz-question';
  const submit = (c: Choice, title: string): CardElement =>
    execute
      ? { type: 'Action.Execute', title, verb: EXECUTE_VERB, data: actionData(c.action), fallback: { type: 'Action.Submit', title, data: actionData(c.action) } }
      : { type: 'Action.Submit', title, data: actionData(c.action) };
  const rows: Choice[][] = [];
  for (const c of choices) {
    const last = rows[rows.length - 1];
    if (last && rowFits([...last, c].map((x) => x.label))) last.push(c);
    else rows.push([c]);
  }
  const label = reply.choicesLabel ? [textBlock(escapeCardMarkdown(cutText(reply.choicesLabel, CARD_LIMITS.titleChars)), { weight: 'Bolder', spacing: 'Medium' })] : [];
  if (rows.length <= MAX_BUTTON_ROWS && rows.every((row) => rowFits(row.map((c) => c.label)))) {
    const sets = rows.map((row) => ({ type: 'ActionSet', actions: row.map((c) => submit(c, c.label)) }));
    return { elements: [...label, ...sets], shrink: () => sets.forEach((s) => s.actions.forEach(shrinkAction)) };
  }
  const text = (c: Choice, max: number): string => escapeCardMarkdown(cutText(c.label, max));
  const rowsOf = choices.map((c) => {
    const line = textBlock(text(c, CARD_LIMITS.titleChars), { color: 'Accent' });
    const action = submit(c, cutText(c.label, CARD_LIMITS.titleChars));
    const shrink = (): void => {
      line.text = text(c, 40);
      shrinkAction(action);
    };
    return { container: { type: 'Container', style: 'emphasis', spacing: 'Small', selectAction: action, items: [line] }, shrink };
  });
  return { elements: [...label, ...rowsOf.map((r) => r.container)], shrink: () => rowsOf.forEach((r) => r.shrink()) };
}

/** For a card over the size limit: a shorter title, and at most 200 characters of question. */
function shrinkAction(a: CardElement): void {
  a.title = cutText(String(a.title), 40);
  const data = a.data as { q?: string };
  if (data.q !== undefined) data.q = data.q.slice(0, 200);
}

/** A quiz's choices are its buttons: a section restating them ("A) AWS  B) You …") would say them twice. */
const restatesChoices = (reply: Reply, s: Section): boolean =>
  (reply.kind === 'quiz-question' || reply.kind === 'quiz-post') && reply.choices.length > 0 && reply.choices.every((c) => s.text.includes(c.label));

/** A table (Adaptive Cards 1.5 Table): the header row in bold, the first column wider. */
function tableElement(t: NonNullable<Reply['table']>): CardElement {
  // No row style: an accent header row reads at 1.1:1 in Teams' dark theme (measured by the render test).
  const row = (cells: string[], header: boolean): CardElement => ({
    type: 'TableRow',
    cells: cells.map((c) => ({ type: 'TableCell', items: [textBlock(escapeCardMarkdown(cutText(c, 200)), header ? { weight: 'Bolder' } : {})] })),
  });
  return {
    type: 'Table',
    firstRowAsHeader: true,
    showGridLines: true,
    columns: t.columns.map((_, i) => ({ width: i === 0 ? 2 : 1 })),
    rows: [row(t.columns, true), ...t.rows.map((r) => row(r, false))],
  };
}

/** A section's heading, then its text a line to a TextBlock (hosts differ on line breaks inside one). */
function sectionBlocks(s: Section): CardElement[] {
  const lines = cutText(s.text, CARD_LIMITS.textChars).split('\n').filter((l) => l.trim());
  return [
    textBlock(`**${escapeCardMarkdown(cutText(s.label, CARD_LIMITS.titleChars))}**`, { spacing: 'Medium' }),
    ...lines.map((l) => textBlock(escapeCardMarkdown(l), { spacing: 'None' })),
  ];
}

export function renderCard(reply: Reply, options: CardOptions): AdaptiveCard {
  const head: CardElement[] = [];
  if (reply.owner)
    head.push(textBlock(BADGE_TEXT[reply.owner].toUpperCase(), { weight: 'Bolder', size: 'Small', color: BADGE_COLOR[reply.owner] }));
  const title = textBlock(escapeCardMarkdown(cutText(reply.title, CARD_LIMITS.titleChars)), { size: 'Large', weight: 'Bolder' });
  const summary = textBlock(escapeCardMarkdown(cutText(reply.summary, CARD_LIMITS.textChars)));
  head.push(title, summary);
  // A section is its heading and its text together: when the card must shrink, both go at once.
  const sections: CardElement[][] = reply.sections.filter((s) => !restatesChoices(reply, s)).map(sectionBlocks);
  // A reply in short keeps its full form one click away, folded into the card.
  let details: CardElement | undefined = reply.details
    ? { type: 'Action.ShowCard', title: cutText(reply.details.label, 40), card: { type: 'AdaptiveCard', body: reply.details.sections.flatMap(sectionBlocks) } }
    : undefined;
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
  // Related questions are a few buttons; a quiz's answers are all shown (as a list when they do not fit two rows).
  const maxChoices = choicesAreAnswers(reply) ? MAX_ANSWER_CHOICES : CARD_LIMITS.actions - feedback.length;
  const choices = reply.choices.length > 0 ? renderChoices(reply, reply.choices.slice(0, maxChoices)) : undefined;
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [],
    actions: [],
    msteams: { width: 'Full' },
  };
  if (reply.personalViews)
    card.refresh = { action: { type: 'Action.Execute', verb: EXECUTE_VERB, data: actionData(reply.personalViews.action) }, userIds: reply.personalViews.users };
  const assemble = (): void => {
    card.body = [...head, ...(reply.table ? [tableElement(reply.table)] : []), ...sections.flat(), ...sources, ...(choices?.elements ?? [])];
    card.actions = details ? [details, ...feedback] : feedback;
  };
  assemble();
  if (cardSizeBound(reply, options.question) <= CARD_LIMITS.bytes || size(card) <= CARD_LIMITS.bytes) return card; // the usual cases
  // Over Teams' size limit: drop the folded details, then whole sections from the end, then the sources,
  // then shorten the answer itself and the choices — the badge, title and summary always stay.
  if (details) {
    details = undefined;
    assemble();
  }
  while (size(card) > CARD_LIMITS.bytes && sections.length > 0) {
    sections.pop();
    assemble();
  }
  if (size(card) > CARD_LIMITS.bytes) {
    sources.length = 0;
    summary.text = escapeCardMarkdown(cutText(reply.summary, 1000));
    title.text = escapeCardMarkdown(cutText(reply.title, 100));
    choices?.shrink();
    feedback.forEach(shrinkAction);
    assemble();
  }
  return card;
}

/** The plain-text fallback that goes with a card (notifications, screen readers, search). */
export function cardFallback(reply: Reply): string {
  const owner = reply.owner ? `${OWNER_LABEL[reply.owner]}: ` : '';
  return cutText(`${owner}${reply.title} — ${reply.summary}`, 1000);
}
