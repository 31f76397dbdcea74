// Every kind of reply, through Microsoft's own Adaptive Cards renderer (the `adaptivecards` package) with
// Teams' host config, light and dark: the card parses without a warning, no button label is wider than Teams'
// chat column can show, and every text (the owner badge first) is legible, ≥ 4.5:1 against its background.
import { renderCard, type AdaptiveCard } from '../../../src/adapters/teams/cards';
import { welcomeReply } from '../../../src/adapters/teams/welcome';
import { Bot } from '../../../src/conversation/bot';
import { loadKnowledgeBase } from '../../../src/nlu/knowledge-base';
import { postReply, revealReply } from '../../../src/quiz/daily';
import type { QuizItem } from '../../../src/quiz/questions';
import { ask, notice, NO_FACTS, sourceLink, type Reply, type ReplyKind } from '../../../src/reply/reply';
import type * as AdaptiveCards from 'adaptivecards';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/kb-copy';

// The package's `main` is ES modules, which this jest does not transform; its UMD bundle is the same library.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

// ---------------------------------------------------------------------------------------------------------------
// Teams as a renderer host

/** The little of a DOM node this test reads. */
interface DomNode {
  className: string;
  textContent: string | null;
  style: { color: string; backgroundColor: string };
  parentElement: DomNode | null;
  querySelectorAll(selector: string): Iterable<DomNode>;
  getAttribute(name: string): string | null;
}

// Teams' host config, light and dark: the values of Microsoft's samples/HostConfig/microsoft-teams-light.json and
// microsoft-teams-dark.json (github.com/microsoft/AdaptiveCards), which its designer uses to preview Teams.
const foreground = (colors: Record<'default' | 'accent' | 'good' | 'warning' | 'attention', [string, string]>): Record<string, { default: string; subtle: string }> =>
  Object.fromEntries(Object.entries(colors).map(([name, [normal, subtle]]) => [name, { default: normal, subtle }]));
const LIGHT_COLORS = foreground({
  default: ['#ff252424', '#bf252424'],
  accent: ['#6264a7', '#8b8cc7'],
  good: ['#92c353', '#e592c353'],
  warning: ['#f8d22a', '#e5f8d22a'],
  attention: ['#c4314b', '#e5c4314b'],
});
const DARK_COLORS = foreground({
  default: ['#ffffffff', '#bfffffff'],
  accent: ['#ffa6a7dc', '#ff8b8cc7'],
  good: ['#ff92c353', '#e592c353'],
  warning: ['#fff8d22a', '#e5f8d22a'],
  attention: ['#ffd74654', '#e5d74654'],
});
const hostConfig = (background: string, emphasis: string, colors: ReturnType<typeof foreground>): Record<string, unknown> => ({
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  fontTypes: {
    default: { fontFamily: "'Segoe UI', Tahoma, Geneva, Verdana, sans-serif", fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 }, fontWeights: { lighter: 200, default: 400, bolder: 600 } },
    monospace: { fontFamily: "'Courier New', Courier, monospace", fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 }, fontWeights: { lighter: 200, default: 400, bolder: 600 } },
  },
  containerStyles: { default: { backgroundColor: background, foregroundColors: colors }, emphasis: { backgroundColor: emphasis, foregroundColors: colors } },
  actions: { maxActions: 6, spacing: 'Default', buttonSpacing: 8, showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' }, actionsOrientation: 'Horizontal', actionAlignment: 'Left' },
  adaptiveCard: { allowCustomStyle: false },
});
const THEMES = { light: hostConfig('#ffffff', '#fff9f8f7', LIGHT_COLORS), dark: hostConfig('#ff2d2c2c', '#ff292828', DARK_COLORS) } as const;
type Theme = keyof typeof THEMES;

/**
 * What fits in a row of buttons, measured independently of renderCard's own rule. Teams' chat column is 400 px
 * at its narrowest (the designer's Teams frame: `.teams-inner-frame { min-width: 400px }`); the card has a 2 px
 * border and the host config's 16 px padding, leaving 364 px. The renderer lays an ActionSet's buttons on one
 * line (flex, no wrap, 8 px `buttonSpacing` between them), each as wide as its label, and Teams' CSS cuts
 * any that do not fit with an ellipsis (`.ac-pushButton { overflow: hidden; text-overflow: ellipsis;
 * padding: 4px 10px; border: 2px }`). A label is 14 px Segoe UI: 7.5 px a character (0.5 em on average,
 * semibold a little wider), 20 px an emoji. So one button holds 45 characters, and three share the line while
 * their labels add up to 36: a button's budget is what its row leaves it.
 */
const ROW = { widthPx: 400 - 2 * 2 - 2 * 16, gapPx: 8, chromePx: 2 * 10 + 2 * 2, charPx: 7.5, emojiPx: 20 };
const labelPx = (label: string): number => [...label].reduce((px, ch) => px + (ch.codePointAt(0)! > 0xffff ? ROW.emojiPx : ROW.charPx), 0);
const rowPx = (labels: string[]): number => labels.reduce((px, l) => px + labelPx(l) + ROW.chromePx, 0) + ROW.gapPx * Math.max(0, labels.length - 1);

/** WCAG 2 contrast of two opaque colours given as [r, g, b] in 0..255. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]): number => {
    const [r, g, bl] = rgb.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** "rgb(…)" / "rgba(…)" as [r, g, b, alpha]. */
function parseCss(color: string): number[] {
  const m = /^rgba?\(([^)]+)\)$/.exec(color);
  if (!m) throw new Error(`not a CSS colour: ${color}`);
  const [r, g, b, alpha = 1] = m[1]!.split(',').map(Number);
  return [r!, g!, b!, alpha];
}

/** A text's colour over its background: a translucent (subtle) colour is blended as the screen would show it. */
function shownOver(fg: number[], bg: number[]): number[] {
  const alpha = fg[3] ?? 1;
  return [0, 1, 2].map((i) => fg[i]! * alpha + bg[i]! * (1 - alpha));
}

interface Rendered {
  root: DomNode;
  warnings: string[];
}

let restoreGlobals: () => void = () => undefined;

beforeAll(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: Record<string, unknown> & { HTMLElement: { prototype: object } } } };
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  // jsdom has no innerText, which the renderer writes button and text captions with.
  Object.defineProperty(window.HTMLElement.prototype, 'innerText', {
    get(this: { textContent: string }) {
      return this.textContent;
    },
    set(this: { textContent: string }, v: string) {
      this.textContent = v;
    },
    configurable: true,
  });
  const g = globalThis as Record<string, unknown>;
  const added = ['window', ...Object.getOwnPropertyNames(window).filter((k) => /^(HTML|SVG|Node$|Element$|Event$|KeyboardEvent$|MouseEvent$|document$|navigator$|getComputedStyle$)/.test(k) && !(k in g))];
  for (const k of added) g[k] = k === 'window' ? window : window[k];
  restoreGlobals = () => added.forEach((k) => delete g[k]);
  // Teams renders the markdown of a TextBlock: links and bold, enough to show the text a person reads.
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    const html = text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
    result.outputHtml = html
      .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(/\\(.)/g, '$1');
    result.didProcess = true;
  };
});

afterAll(() => {
  AC.AdaptiveCard.onProcessMarkdown = undefined;
  restoreGlobals();
});

/** Parses the card as Teams' renderer does, collecting every parse and validation warning, and renders it. */
function render(card: AdaptiveCard, theme: Theme): Rendered {
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig(THEMES[theme]);
  const context = new AC.SerializationContext();
  adaptive.parse(JSON.parse(JSON.stringify(card)), context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of adaptive.validateProperties().validationEvents) warnings.push(`validate: ${e.message}`);
  const root = adaptive.render() as unknown as DomNode | undefined;
  if (!root) throw new Error('the renderer produced nothing');
  return { root, warnings };
}

/** Problems a person would see: rows of buttons that do not fit (or hold more than three), and texts below 4.5:1. */
function problems(reply: Reply, card: AdaptiveCard, theme: Theme): string[] {
  const { root, warnings } = render(card, theme);
  const out = [...warnings];
  for (const strip of root.querySelectorAll('.ac-actionSet')) {
    const labels = [...strip.querySelectorAll('.ac-pushButton')].map((b) => b.textContent ?? '');
    if (labels.length > 3) out.push(`${labels.length} buttons in one row: ${labels.join(' | ')}`);
    if (rowPx(labels) > ROW.widthPx) out.push(`a row of buttons ${rowPx(labels)} px wide in ${ROW.widthPx} px: ${labels.join(' | ')}`);
  }
  for (const text of root.querySelectorAll('.ac-textBlock')) {
    let bg = '';
    for (let n: DomNode | null = text; n && !bg; n = n.parentElement) bg = n.style.backgroundColor;
    const ratio = contrast(shownOver(parseCss(text.style.color), parseCss(bg)), parseCss(bg));
    if (ratio < 4.5) out.push(`${JSON.stringify(text.textContent)} at ${ratio.toFixed(2)}:1`);
  }
  // Every choice shown reads whole, on a button or on a row of its own.
  const shown = new Set([...root.querySelectorAll('.ac-pushButton'), ...root.querySelectorAll('.ac-container.ac-selectable')].map((e) => e.textContent ?? ''));
  for (const c of reply.choices.slice(0, 6 - (card.actions.length > 0 ? 2 : 0)))
    if (!shown.has(c.label) && c.label.length <= 200) out.push(`choice ${JSON.stringify(c.label)} is not shown whole`);
  return out;
}

/** The owner badge's contrast as rendered: the first TextBlock's colour over the card. */
function badgeContrast(card: AdaptiveCard, theme: Theme): number {
  const { root } = render(card, theme);
  const badge = [...root.querySelectorAll('.ac-textBlock')][0]!;
  return contrast(shownOver(parseCss(badge.style.color), parseCss(root.style.backgroundColor)), parseCss(root.style.backgroundColor));
}

// ---------------------------------------------------------------------------------------------------------------
// Replies of every kind

const RDS = [sourceLink('https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html'), sourceLink('https://aws.amazon.com/compliance/shared-responsibility-model/')];
const DAILY: QuizItem = {
  id: 'shared-training',
  question: 'Who trains whom in security awareness?',
  choices: ['AWS trains everyone who uses AWS, so you do not need to', 'AWS trains its own employees, and you train your own employees', 'Only the customer needs security training'],
  answer: 1,
  explanation: 'Training is a shared control: each side trains its own people.',
  source: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
};
const base: Pick<Reply, 'intent' | 'sections' | 'choices' | 'sources' | 'facts'> = { intent: 'unknown', sections: [], choices: [], sources: [], facts: NO_FACTS };
const MADE: Record<ReplyKind, Reply> = {
  answer: {
    ...base,
    kind: 'answer',
    intent: 'responsibility',
    owner: 'aws',
    title: 'Patch management on Amazon RDS',
    summary: 'AWS is responsible for patch management on Amazon RDS.',
    sections: [{ label: 'AWS does', text: 'AWS patches the operating system and the database engine.' }],
    choicesLabel: 'Related questions',
    choices: [ask('Who is responsible for guest OS patching on Amazon RDS?'), ask('Who is responsible for host OS patching on Amazon RDS?'), ask('What am I responsible for on Amazon RDS?')],
    sources: RDS,
  },
  'did-you-mean': { ...base, kind: 'did-you-mean', intent: 'responsibility', title: 'Did you mean…?', summary: 'I am not sure what you asked.', choicesLabel: 'Did you mean…?', choices: [ask('Who is responsible for patch management?')] },
  'out-of-scope': { ...base, kind: 'out-of-scope', title: 'Microsoft Azure is outside what I cover', summary: 'I answer for AWS only.', choicesLabel: 'Questions I can answer', choices: [ask('Who patches RDS?'), ask('Help', 'help')] },
  'quiz-question': {
    ...base,
    kind: 'quiz-question',
    intent: 'quiz',
    title: 'Quiz',
    summary: 'Who is responsible for guest OS patching on Amazon RDS?',
    sections: [{ label: 'Choices', text: 'A) AWS  B) You (the customer)  C) Shared' }],
    choicesLabel: 'Your answer',
    choices: ['A) AWS', 'B) You (the customer)', 'C) Shared'].map((label, choice) => ({ label, action: { kind: 'quiz-answer', questionId: 'q', choice } })),
  },
  'quiz-verdict': { ...base, kind: 'quiz-verdict', intent: 'quiz', title: 'Correct!', summary: 'Correct — A) AWS.', sections: [{ label: 'Why', text: 'AWS patches RDS.' }], choicesLabel: 'Keep going', choices: [{ label: 'Another question', action: { kind: 'quiz-next' } }], sources: RDS.slice(0, 1) },
  lesson: {
    ...base,
    kind: 'lesson',
    intent: 'onboarding',
    title: 'Lesson 1 of 6: The big idea',
    summary: 'AWS secures the cloud; you secure what you put in it.',
    choicesLabel: 'What next',
    choices: [{ label: 'Next: What AWS does for you', action: { kind: 'lesson', lessonId: 'big-idea', step: 1 } }, ask('what is the shared responsibility model?')],
  },
  help: { ...base, kind: 'help', intent: 'help', title: 'What I can do', summary: 'Ask who is responsible for a task on an AWS service.', choicesLabel: 'Try one', choices: [ask('Who patches RDS?'), ask('Quiz me', 'quiz me'), ask('Onboard me', 'onboard me')] },
  smalltalk: { ...base, kind: 'smalltalk', intent: 'smalltalk', title: 'whosejob', summary: 'Hi! Ask me who is responsible for what on AWS.', choicesLabel: 'Try asking', choices: [ask('Who patches RDS?')] },
  unknown: { ...base, kind: 'unknown', title: "That's outside what I know", summary: 'Try one of these.', choices: [ask('Help', 'help')] },
  'quiz-post': postReply(DAILY, { id: 7 }, 3),
  'quiz-reveal': revealReply(DAILY, [1, 5, 2]),
  welcome: welcomeReply('Alice'),
  notice: notice('Thanks for the feedback!'),
  exam: {
    ...base,
    kind: 'exam',
    intent: 'exam',
    title: 'Practice question: B, C',
    summary: 'The answers are B and C.',
    sections: [{ label: 'Options', text: '✗ A) Physical security of data centers\n✓ B) Patching the guest operating system\n✓ C) Configuring security group rules' }],
    details: {
      label: 'Show why',
      sections: [
        { label: '✗ A) Physical security of data centers', text: 'Physical security of data centers: AWS is responsible.' },
        { label: '✓ B) Patching the guest operating system', text: 'Guest OS patching: the customer is responsible.' },
        { label: '✓ C) Configuring security group rules', text: 'Security groups, network ACLs and firewalls: the customer is responsible.' },
      ],
      action: { kind: 'exam-why', itemId: 'abc' },
    },
    choicesLabel: 'More',
    choices: [{ label: 'Add to my quiz', action: { kind: 'exam-save', itemId: 'abc' } }, ask('Quiz me', 'quiz me')],
  },
};
const OWNERS = (['aws', 'customer', 'shared'] as const).map((owner): [string, Reply] => [`an answer owned by ${owner}`, { ...MADE.answer, owner }]);

let bot: Bot;
beforeAll(() => {
  bot = new Bot(loadKnowledgeBase());
});

/** What the bot answers, in a conversation of its own (a quiz verdict needs the question before it). */
async function answer(...texts: string[]): Promise<Reply> {
  const conversation = `render-${texts.join('|')}`;
  let reply: Reply | undefined;
  for (const text of texts) reply = (await bot.handle({ text, user: 'U1', conversation, platform: 'teams' })).reply;
  return reply!;
}

const REAL: Array<[string, () => Promise<Reply>, ReplyKind]> = [
  ['who patches rds?', async () => bot.answerOnce('who patches rds?').reply, 'answer'],
  ['do we encrypt S3 or does AWS?', async () => bot.answerOnce('do we encrypt S3 or does AWS?').reply, 'answer'],
  ['pathces', async () => bot.answerOnce('pathces').reply, 'did-you-mean'],
  ['compare ec2 and lambda', async () => bot.answerOnce('compare ec2 and lambda').reply, 'answer'],
  ['responsibility matrix for ec2, rds and s3', async () => bot.answerOnce('responsibility matrix for ec2, rds and s3').reply, 'answer'],
  ['quiz me', async () => bot.answerOnce('quiz me').reply, 'quiz-question'],
  ['quiz me, then 1', () => answer('quiz me', '1'), 'quiz-verdict'],
  ['onboard me', async () => bot.answerOnce('onboard me').reply, 'lesson'],
  ['help', async () => bot.answerOnce('help').reply, 'help'],
  ['who patches azure vms?', async () => bot.answerOnce('who patches azure vms?').reply, 'out-of-scope'],
  [
    'a pasted practice item',
    async () =>
      bot.answerOnce(
        "Which are the customer's responsibility on Amazon EC2? (Select TWO.)\nA. Patching the guest operating system\nB. Physical security of data centers\nC. Configuring security group rules\nD. Maintaining the hypervisor",
      ).reply,
    'exam',
  ],
];

// ---------------------------------------------------------------------------------------------------------------

describe.each(Object.keys(THEMES) as Theme[])('Teams, %s theme', (theme) => {
  test.each([...Object.entries(MADE), ...OWNERS])('made: %s', (_name, reply) => {
    for (const feedback of [false, true]) expect(problems(reply, renderCard(reply, { question: 'who patches rds?', feedback }), theme)).toEqual([]);
  });

  test.each(REAL)('asked: "%s"', async (_question, make, kind) => {
    const reply = await make();
    expect(reply.kind).toBe(kind);
    expect(problems(reply, renderCard(reply, { question: 'q', feedback: true }), theme)).toEqual([]);
  });

  test('the owner badges read at ≥ 4.5:1', () => {
    for (const [, reply] of OWNERS) expect(badgeContrast(renderCard(reply, { question: 'q' }), theme)).toBeGreaterThanOrEqual(4.5);
  });
});

test('the badge contrasts in Teams\' light theme are the ones the renderer draws', () => {
  const ratios = OWNERS.map(([, r]) => Number(badgeContrast(renderCard(r, { question: 'q' }), 'light').toFixed(2)));
  expect(ratios).toEqual([15.48, 5.38, 5.38]); // AWS in Default #252424, you and shared in Accent #6264a7, on white
});

test('the measure catches what it should: the old layout (six buttons in one row, a yellow badge) fails it', () => {
  const reply = MADE.answer;
  const old: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'AWS IS RESPONSIBLE', wrap: true, weight: 'Bolder', size: 'Small', color: 'Warning' },
      { type: 'TextBlock', text: 'Shared', color: 'Purple' }, // not a colour Adaptive Cards knows
    ],
    actions: [...reply.choices, ask('What is a shared control?'), ask('Help')].map((c) => ({ type: 'Action.Submit', title: c.label, data: {} })),
  };
  const found = problems({ ...reply, choices: [] }, old, 'light');
  expect(found).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^5 buttons in one row/),
      expect.stringMatching(/^a row of buttons \d+ px wide in 364 px/),
      '"AWS IS RESPONSIBLE" at 1.47:1',
      'parse: Invalid value "Purple" for property "color".',
    ]),
  );
});

test('every answer to the question fixtures renders in Teams\' light theme without a problem', () => {
  const lines = readFileSync(join(ROOT, 'test', 'fixtures', 'questions.jsonl'), 'utf8').split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(300);
  for (const line of lines) {
    const { q } = JSON.parse(line) as { q: string };
    const reply = bot.answerOnce(q).reply;
    expect({ q, problems: problems(reply, renderCard(reply, { question: q, feedback: true }), 'light') }).toEqual({ q, problems: [] });
  }
});
