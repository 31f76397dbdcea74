// Reply → Block Kit, a pure function. Every string from a Reply is escaped for mrkdwn, and every
// Slack limit is respected by cutting cleanly, so Slack never rejects a reply.
import type { Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { encodeAction } from '../../reply/action';
import { choicesAreAnswers, MAX_ANSWER_CHOICES, OWNER_LABEL, type Owner, type Reply, type Section } from '../../reply/reply';
import { cutText, cutThenEscape } from '../../reply/cut';

export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  fallbackText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  // The table block: 100 rows of at most 20 cells.
  tableRows: 100,
  tableColumns: 20,
  tableCell: 200,
} as const;

export const ACTION = {
  choice: 'whosejob_choice', // + _<n>: the button's value is an encoded Action (a question, a quiz answer, a lesson…)
  share: 'whosejob_share',
  feedbackUp: 'whosejob_feedback_up',
  feedbackDown: 'whosejob_feedback_down',
} as const;
const UNSAFE_MRKDWN = /[&<>@]/;

/** Neutralises mrkdwn control characters and broadcast mentions in text that is not ours to trust. */
export function escapeMrkdwn(text: string): string {
  // Most of what we render has none of these characters: skip four regex passes over it.
  if (!UNSAFE_MRKDWN.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u200b$1');
}

/**
 * Cuts text that is ours or already fitted (plain text, or mrkdwn holding links we built); in escaped
 * mrkdwn it never leaves half an entity. User text goes through fit(), which cuts before escaping.
 */
export function cut(text: string, max: number, escaped = false): string {
  if (text.length <= max) return text;
  const out = cutText(text, max).slice(0, -1);
  const amp = out.lastIndexOf('&');
  const whole = escaped && amp >= 0 && /^&[a-z]*$/.test(out.slice(amp)) ? out.slice(0, amp) : out; // no dangling "&am"
  return `${whole.trimEnd()}…`;
}

/** User-facing text into mrkdwn: cut as plain text, then escaped, so a cut never revives "@here". */
const fit = (text: string, max: number): string => cutThenEscape(text, max, escapeMrkdwn);
const LABEL_CHARS = 200;

const BADGE: Record<Owner, string> = {
  aws: ':large_orange_circle: *AWS is responsible*',
  customer: ':large_blue_circle: *You are responsible*',
  shared: ':large_purple_circle: *Shared responsibility*',
};

// Slack rejects an empty text, so an empty one becomes a single space.
const mrkdwnSection = (text: string): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cut(text, LIMITS.sectionText, true) || ' ' },
});

function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  const b: Button = {
    type: 'button',
    text: { type: 'plain_text', text: cut(text, LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
  };
  if (style) b.style = style;
  return b;
}

export interface RenderOptions {
  /** The question the reply answers: carried by the feedback and share buttons. */
  question: string;
  /** Add a "Share in channel" button (for ephemeral slash-command answers). */
  shareable?: boolean;
  /** What the Share button re-asks: a standalone form of the question (defaults to `question`). */
  shareQuestion?: string;
  /** Add the 👍 / 👎 pair. */
  feedback?: boolean;
  /** A line above the answer that our own code writes in mrkdwn ("Shared by <@U123>"); never user text. */
  preface?: string;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** At most three choice buttons to an actions block: Slack would wrap more onto further lines without cutting
 * a label, but three read as one row of answers rather than a wall of buttons. */
const BUTTONS_PER_ROW = 3;
const MAX_CHOICES = 5;

/**
 * The choices, in order: labels that fit a button (75 characters) as rows of at most three buttons; a
 * longer one as a section holding the whole label, with its button beside it, so no label is cut.
 */
function choiceBlocks(reply: Reply): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let row: Button[] = [];
  const endRow = (): void => {
    if (row.length > 0) blocks.push({ type: 'actions', block_id: `whosejob_choices_${blocks.length}`, elements: row });
    row = [];
  };
  reply.choices.slice(0, choicesAreAnswers(reply) ? MAX_ANSWER_CHOICES : MAX_CHOICES).forEach((c, i) => {
    const id = `${ACTION.choice}_${i}`;
    const value = encodeAction(c.action);
    if (c.label.length <= LIMITS.buttonText) {
      if (row.length === BUTTONS_PER_ROW) endRow();
      row.push(button(c.label, id, value));
      return;
    }
    endRow();
    const section: SectionBlock = { type: 'section', block_id: `whosejob_choices_${blocks.length}`, text: { type: 'mrkdwn', text: fit(c.label, LIMITS.sectionText) || ' ' } };
    section.accessory = button(c.action.kind === 'ask' ? 'Ask' : 'Choose', id, value);
    blocks.push(section);
  });
  endRow();
  return blocks;
}

/** A quiz's choices are its buttons: a section restating them ("A) AWS  B) You …") would say them twice. */
const restatesChoices = (reply: Reply, s: Section): boolean =>
  (reply.kind === 'quiz-question' || reply.kind === 'quiz-post') && reply.choices.length > 0 && reply.choices.every((c) => s.text.includes(c.label));

/** Slack's table block: plain-text cells (raw_text is never read as mrkdwn), the header first, at most 100 rows of 20. */
function tableBlock(table: NonNullable<Reply['table']>): KnownBlock {
  const cell = (text: string): { type: 'raw_text'; text: string } => ({ type: 'raw_text', text: cutText(text, LIMITS.tableCell) || '—' });
  const width = Math.min(table.columns.length, LIMITS.tableColumns);
  const row = (cells: string[]): Array<{ type: 'raw_text'; text: string }> => Array.from({ length: width }, (_, i) => cell(cells[i] ?? ''));
  return {
    type: 'table',
    block_id: 'whosejob_table',
    column_settings: [{ is_wrapped: true }],
    rows: [row(table.columns), ...table.rows.slice(0, LIMITS.tableRows - 1).map(row)],
  };
}

/**
 * A reply in short, for Block Kit, which cannot fold: a button brings the full answer in the message's
 * place; with nothing for the button to fetch, the full answer comes at once.
 */
function unfold(reply: Reply): Reply {
  const details = reply.details;
  if (!details) return reply;
  if (!details.action) return { ...reply, sections: details.sections, details: undefined };
  return { ...reply, details: undefined, choices: [{ label: details.label, action: details.action }, ...reply.choices] };
}

export function renderBlocks(folded: Reply, options: RenderOptions): SlackMessage {
  const reply = unfold(folded);
  const blocks: KnownBlock[] = [];
  if (options.preface) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: cut(options.preface, LIMITS.sectionText) }] });
  const header: HeaderBlock = { type: 'header', text: { type: 'plain_text', text: cut(reply.title, LIMITS.headerText), emoji: true } };
  blocks.push(header);
  const badge = reply.owner ? `${BADGE[reply.owner]}\n` : '';
  blocks.push(mrkdwnSection(`${badge}${fit(reply.summary, LIMITS.sectionText - badge.length)}`));
  if (reply.table) blocks.push(tableBlock(reply.table));
  const choices = choiceBlocks(reply);
  // Room for the closing blocks (sources, the choices and their label, share and feedback) is kept whatever the content.
  const room = LIMITS.blocks - blocks.length - 3 - choices.length;
  for (const s of reply.sections.filter((x) => !restatesChoices(reply, x)).slice(0, room)) {
    const label = fit(s.label, LABEL_CHARS);
    blocks.push(mrkdwnSection(`*${label}*\n${fit(s.text, LIMITS.sectionText - label.length - 3)}`));
  }

  if (reply.sources.length > 0) {
    const links = reply.sources.slice(0, LIMITS.contextElements).map((s) => `<${s.url}|${escapeMrkdwn(s.title)}>`);
    const context: ContextBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: cut(`:books: ${links.join('  ·  ')}`, LIMITS.sectionText, true) }] };
    blocks.push(context);
  }
  if (choices.length > 0) {
    if (reply.choicesLabel)
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fit(reply.choicesLabel, LIMITS.sectionText) }] });
    blocks.push(...choices);
  }
  const tail: Button[] = [];
  if (options.shareable)
    tail.push(button('Share in channel', ACTION.share, encodeAction({ kind: 'share', question: options.shareQuestion ?? options.question }), 'primary'));
  if (options.feedback) {
    const vote = (v: 'up' | 'down'): string => encodeAction({ kind: 'feedback', vote: v, question: options.question, intent: reply.intent });
    tail.push(button(':+1: Helpful', ACTION.feedbackUp, vote('up')), button(':-1: Not helpful', ACTION.feedbackDown, vote('down')));
  }
  if (tail.length > 0) blocks.push({ type: 'actions', block_id: 'whosejob_footer', elements: tail });

  const owner = reply.owner ? `${OWNER_LABEL[reply.owner]}: ` : '';
  return { text: fit(`${owner}${reply.title} — ${reply.summary}`, LIMITS.fallbackText), blocks: blocks.slice(0, LIMITS.blocks) };
}
