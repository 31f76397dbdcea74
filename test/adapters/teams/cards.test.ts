// renderCard (Reply → Adaptive Card 1.5) and escapeCardMarkdown, as pure functions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CARD_LIMITS, cardFallback, cardSizeBound, escapeCardMarkdown, renderCard, rowFits, type AdaptiveCard, type CardElement } from '../../../src/adapters/teams/cards';
import { welcomeReply } from '../../../src/adapters/teams/welcome';
import { Bot } from '../../../src/conversation/bot';
import { decodeAction } from '../../../src/reply/action';
import { ask, NO_FACTS, type Reply, type Section } from '../../../src/reply/reply';
import { loadKnowledgeBase } from '../../../src/nlu/knowledge-base';
import { validateAdaptiveCard } from '../../stand-ins/teams-connector';
import { buttonRows, cardActions } from './card-actions';

const SOURCES = [
  { title: 'AWS Compliance: Shared responsibility model', url: 'https://aws.amazon.com/compliance/shared-responsibility-model/' },
  { title: 'Amazon RDS User Guide: Using with RDS', url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html' },
];

function reply(over: Partial<Reply> = {}): Reply {
  return {
    kind: 'answer',
    intent: 'responsibility',
    title: 'Patch management on Amazon RDS',
    owner: 'aws',
    summary: 'AWS is responsible for patch management on Amazon RDS.',
    sections: [
      { label: 'AWS does', text: 'AWS patches the operating system and the database engine.' },
      { label: 'You do', text: 'Choose the maintenance window.' },
    ],
    choicesLabel: 'Related questions',
    choices: [ask('Who is responsible for guest OS patching on Amazon RDS?'), ask('What am I responsible for on Amazon RDS?')],
    sources: SOURCES,
    facts: NO_FACTS,
    ...over,
  };
}

const bytes = (card: AdaptiveCard): number => Buffer.byteLength(JSON.stringify(card));
const textsOf = (card: AdaptiveCard): string[] => card.body.filter((e) => e.type === 'TextBlock').map((e) => String(e.text));
/** The choices a person can press (everything but 👍/👎). */
const choicesOf = (card: AdaptiveCard): CardElement[] => cardActions(card).filter((a) => decodeAction(a.data)?.kind !== 'feedback');
const sourcesLine = (card: AdaptiveCard): CardElement | undefined => card.body.find((e) => e.type === 'TextBlock' && String(e.text).startsWith('Sources: '));

/** Indexes of `ch` in `text` not escaped by a backslash (an even run of backslashes before it does not escape). */
function unescaped(text: string, ch: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ch) continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) at.push(i);
  }
  return at;
}

/** Undoes escapeCardMarkdown: what a reader sees. */
const unescape = (text: string): string => text.replace(/\\(.)/gs, '$1');

describe('the owner badge', () => {
  test.each([
    ['aws', 'AWS IS RESPONSIBLE', 'Default'],
    ['customer', 'YOU ARE RESPONSIBLE', 'Accent'],
    ['shared', 'SHARED RESPONSIBILITY', 'Accent'],
  ] as const)('%s → "%s" in %s', (owner, text, color) => {
    const card = renderCard(reply({ owner }), { question: 'q' });
    expect(card.body[0]).toEqual({ type: 'TextBlock', text, wrap: true, weight: 'Bolder', size: 'Small', color });
  });

  test('no owner → no badge: the title comes first', () => {
    const card = renderCard(reply({ owner: undefined, intent: 'concept' }), { question: 'q' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Patch management on Amazon RDS', size: 'Large', weight: 'Bolder' });
  });
});

describe('the card layout', () => {
  test('an AdaptiveCard 1.5, full width, with the schema', () => {
    const card = renderCard(reply(), { question: 'q' });
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', msteams: { width: 'Full' } });
    expect(validateAdaptiveCard(card)).toEqual([]);
  });

  test('title, summary, then each section as a bold label and its text', () => {
    const card = renderCard(reply(), { question: 'q' });
    expect(textsOf(card).slice(1, 7)).toEqual([
      'Patch management on Amazon RDS',
      'AWS is responsible for patch management on Amazon RDS.',
      '**AWS does**',
      'AWS patches the operating system and the database engine.',
      '**You do**',
      'Choose the maintenance window.',
    ]);
    expect(card.body[4]).toMatchObject({ spacing: 'None' }); // a section's text sits right under its label
    expect(card.body[3]).toMatchObject({ spacing: 'Medium' });
    for (const e of card.body.filter((x) => x.type === 'TextBlock')) expect(e.wrap).toBe(true);
  });

  test('after the sources, the choices under their label', () => {
    const card = renderCard(reply(), { question: 'q' });
    const at = (e: CardElement | undefined): number => card.body.indexOf(e!);
    const label = card.body.find((e) => e.text === 'Related questions');
    expect(label).toMatchObject({ type: 'TextBlock', weight: 'Bolder' });
    expect(at(sourcesLine(card))).toBeLessThan(at(label));
    expect(card.body.slice(at(label) + 1).every((e) => e.type === 'ActionSet' || e.type === 'Container')).toBe(true);
  });

  test('sources become one line of markdown links, titles escaped, URLs as given', () => {
    const card = renderCard(reply({ sources: [...SOURCES, { title: 'a [weird] title*', url: 'https://docs.aws.amazon.com/x.html' }] }), { question: 'q' });
    const line = sourcesLine(card)!;
    expect(line).toMatchObject({ size: 'Small', isSubtle: true });
    expect(line.text).toBe(
      'Sources: [AWS Compliance: Shared responsibility model](https://aws.amazon.com/compliance/shared-responsibility-model/)' +
        ' · [Amazon RDS User Guide: Using with RDS](https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.html)' +
        ' · [a \\[weird\\] title\\*](https://docs.aws.amazon.com/x.html)',
    );
  });

  test('no sources → no sources line', () => {
    const card = renderCard(reply({ sources: [] }), { question: 'q' });
    expect(textsOf(card).some((t) => t.startsWith('Sources:'))).toBe(false);
  });

  test('long titles and texts are cut at a word with an ellipsis', () => {
    const long = 'word '.repeat(2000);
    const card = renderCard(reply({ title: long, summary: long, sections: [{ label: 'L', text: long }] }), { question: 'q' });
    const [, title, summary, , text] = textsOf(card);
    expect(title!.length).toBeLessThanOrEqual(CARD_LIMITS.titleChars);
    expect(summary!.length).toBeLessThanOrEqual(CARD_LIMITS.textChars);
    expect(text!.length).toBeLessThanOrEqual(CARD_LIMITS.textChars);
    for (const t of [title, summary, text]) expect(t).toMatch(/word…$/);
  });
});

describe('choices', () => {
  const LONG = ['Who is responsible for guest OS patching on Amazon RDS?', 'What am I responsible for on Amazon RDS?'];

  test('questions too long for a button become full-width rows that show them whole and ask them when pressed', () => {
    const card = renderCard(reply({ choices: LONG.map((q) => ask(q)) }), { question: 'q', feedback: true });
    const rows = card.body.filter((e) => e.type === 'Container');
    expect(rows).toEqual(
      LONG.map((q) => ({
        type: 'Container',
        style: 'emphasis',
        spacing: 'Small',
        selectAction: { type: 'Action.Submit', title: q, data: { k: 'a', q } },
        items: [{ type: 'TextBlock', text: q, wrap: true, color: 'Accent' }],
      })),
    );
    expect(card.body.some((e) => e.type === 'ActionSet')).toBe(false); // one list, not a list and some buttons
    expect(card.actions.map((a) => a.title)).toEqual(['👍 Helpful', '👎 Not helpful']);
    expect(choicesOf(card).map((a) => decodeAction(a.data))).toEqual(LONG.map((question) => ({ kind: 'ask', question })));
  });

  test('short labels become buttons, at most three to a row, each row fitting the card', () => {
    const labels = ['Quiz me', 'Onboard me', 'Help', 'Who patches RDS?', 'Do we encrypt S3?'];
    const card = renderCard(reply({ choices: labels.map((l) => ask(l, l.toLowerCase())) }), { question: 'q' });
    const rows = buttonRows(card);
    expect(rows.map((r) => r.map((a) => a.title))).toEqual([['Quiz me', 'Onboard me', 'Help'], ['Who patches RDS?', 'Do we encrypt S3?']]);
    for (const row of rows) expect(rowFits(row.map((a) => String(a.title)))).toBe(true);
    expect(choicesOf(card).map((a) => decodeAction(a.data))).toEqual(labels.map((l) => ({ kind: 'ask', question: l.toLowerCase() })));
  });

  test('choices that would stack up as more than two rows of buttons read as a list instead', () => {
    const labels = ['Who patches RDS?', 'Do we encrypt S3 or does AWS?', 'What does security in the cloud mean?', 'Quiz me'];
    const card = renderCard(reply({ choices: labels.map((l) => ask(l)) }), { question: 'q' });
    expect(buttonRows(card)).toEqual([]);
    expect(card.body.filter((e) => e.type === 'Container').map((e) => (e.items as CardElement[])[0]!.text)).toEqual(labels);
  });

  test('a button shows its label and carries its own question', () => {
    const card = renderCard(reply({ choices: [ask('Quiz me', 'quiz me')] }), { question: 'q' });
    expect(card.body.at(-1)).toEqual({ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Quiz me', data: { k: 'a', q: 'quiz me' } }] });
  });

  test('quiz answers, "Another question" and lesson steps carry their own actions', () => {
    const choices: Reply['choices'] = [
      { label: 'A) AWS', action: { kind: 'quiz-answer', questionId: 'fact-rds-guest-os-patching', choice: 0 } },
      { label: 'Another question', action: { kind: 'quiz-next' } },
      { label: 'Next: Inherited controls', action: { kind: 'lesson', lessonId: 'inherited', step: 0 } },
    ];
    const card = renderCard(reply({ kind: 'quiz-question', intent: 'quiz', choices }), { question: 'q' });
    expect(choicesOf(card).map((a) => a.data)).toEqual([{ k: 'q', i: 'fact-rds-guest-os-patching', c: 0 }, { k: 'n' }, { k: 'l', l: 'inherited', s: 0 }]);
    expect(choicesOf(card).map((a) => decodeAction(a.data))).toEqual(choices.map((c) => c.action));
  });

  const quiz = (choices: string[]): Reply =>
    reply({
      kind: 'quiz-question',
      intent: 'quiz',
      owner: undefined,
      title: 'Quiz',
      summary: 'Who is responsible for guest OS patching on Amazon RDS?',
      sections: [{ label: 'Choices', text: choices.map((c, i) => `${'ABCD'[i]}) ${c}`).join('  ') }],
      choicesLabel: 'Your answer',
      choices: choices.map((c, i) => ({ label: `${'ABCD'[i]}) ${c}`, action: { kind: 'quiz-answer', questionId: 'x', choice: i } })),
      sources: [],
    });

  test('a quiz question: the question, then its choices as lettered buttons in one row — not again as a line of text', () => {
    const card = renderCard(quiz(['AWS', 'You (the customer)', 'Shared']), { question: 'quiz me' });
    expect(textsOf(card)).toEqual(['Quiz', 'Who is responsible for guest OS patching on Amazon RDS?', 'Your answer']);
    expect(buttonRows(card).map((r) => r.map((a) => a.title))).toEqual([['A) AWS', 'B) You (the customer)', 'C) Shared']]);
  });

  test('a quiz whose answers are sentences: each answer a full-width row, read whole', () => {
    const answers = ['AWS configures its infrastructure devices; you configure your guest OS, databases and applications', 'AWS configures everything, including your applications'];
    const card = renderCard(quiz(answers), { question: 'quiz me' });
    expect(textsOf(card)).toEqual(['Quiz', 'Who is responsible for guest OS patching on Amazon RDS?', 'Your answer']);
    expect(card.body.filter((e) => e.type === 'Container').map((e) => (e.items as CardElement[])[0]!.text)).toEqual(answers.map((a, i) => `${'AB'[i]}) ${a}`));
  });

  test('a section that only resembles the choices stays', () => {
    const r = quiz(['AWS', 'You (the customer)', 'Shared']);
    const card = renderCard({ ...r, sections: [{ label: 'Hint', text: 'Think about who runs the database engine.' }] }, { question: 'q' });
    expect(textsOf(card)).toContain('Think about who runs the database engine.');
  });

  test('feedback adds 👍/👎 as the card\'s own actions, carrying the question and the intent', () => {
    const card = renderCard(reply({ intent: 'service' }), { question: 'who patches rds?', feedback: true });
    expect(card.actions).toEqual([
      { type: 'Action.Submit', title: '👍 Helpful', data: { k: 'f', v: 'up', q: 'who patches rds?', i: 'service' } },
      { type: 'Action.Submit', title: '👎 Not helpful', data: { k: 'f', v: 'down', q: 'who patches rds?', i: 'service' } },
    ]);
    expect(decodeAction(card.actions.at(-1)!.data)).toEqual({ kind: 'feedback', vote: 'down', question: 'who patches rds?', intent: 'service' });
  });

  test('no feedback unless asked for', () => {
    expect(cardActions(renderCard(reply(), { question: 'q' })).some((a) => decodeAction(a.data)?.kind === 'feedback')).toBe(false);
    const card = renderCard(reply(), { question: 'q', feedback: false });
    expect(card.actions).toEqual([]);
    expect(choicesOf(card)).toHaveLength(2);
  });

  test('the question a button carries is bounded (1000 characters), and so is a choice value and title', () => {
    const q = 'q'.repeat(5000);
    const card = renderCard(reply({ choices: [ask('t'.repeat(500), 'v'.repeat(5000))] }), { question: q, feedback: true });
    const [choice, up] = cardActions(card) as Array<CardElement & { title: string; data: { q: string } }>;
    expect(up!.data.q).toHaveLength(1000);
    expect(choice!.data.q).toHaveLength(1000);
    expect(choice!.title.length).toBeLessThanOrEqual(CARD_LIMITS.titleChars);
    for (const a of cardActions(card)) expect(decodeAction(a.data)).toBeDefined(); // bounded, and still readable
  });

  test.each([
    [0, false],
    [3, true],
    [4, true],
    [5, true],
    [10, true],
    [6, false],
    [10, false],
  ])('%i choices, feedback %s → at most 6 actions, feedback kept', (n, feedback) => {
    for (const label of ['q', 'a question long enough that it cannot be a button of its own']) {
      const choices = Array.from({ length: n }, (_, i) => ask(`${label} ${i}`));
      const card = renderCard(reply({ choices }), { question: 'q', feedback });
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(cardActions(card).length).toBe(Math.min(n + (feedback ? 2 : 0), CARD_LIMITS.actions));
      if (feedback) expect(card.actions.map((a) => decodeAction(a.data))).toEqual(['up', 'down'].map((vote) => ({ kind: 'feedback', vote, question: 'q', intent: 'responsibility' })));
    }
  });
});

describe('the 28 KB limit', () => {
  /** The answer's texts, without the choices' label that follows them. */
  const answerTexts = (card: AdaptiveCard): string[] => textsOf(card).filter((t) => t !== 'Related questions');
  const many = (n: number, size: number): Section[] =>
    Array.from({ length: n }, (_, i) => ({ label: `Section ${i}`, text: `${`s${i} `.repeat(size)}end${i}` }));

  test('a Reply with 200 long sections is cut to ≤ 28 KB, keeping badge, title, summary, sources and the first sections in order', () => {
    const card = renderCard(reply({ sections: many(200, 700) }), { question: 'q', feedback: true });
    expect(bytes(card)).toBeLessThanOrEqual(CARD_LIMITS.bytes);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const texts = answerTexts(card);
    expect(texts.slice(0, 3)).toEqual(['AWS IS RESPONSIBLE', 'Patch management on Amazon RDS', 'AWS is responsible for patch management on Amazon RDS.']);
    expect(texts[texts.length - 1]).toMatch(/^Sources: /);
    const sections = texts.slice(3, -1);
    expect(sections.length).toBeGreaterThan(4);
    expect(sections.length).toBeLessThan(400);
    // What is left is the start of the list, in order (labels and texts of sections 0, 1, 2, …).
    const index = (t: string): number => Number(/^\*\*Section (\d+)\*\*$/.exec(t)?.[1] ?? /^s(\d+) /.exec(t)?.[1]);
    expect(sections.map(index)).toEqual(sections.map((_, k) => Math.floor(k / 2)));
    expect(cardActions(card)).toHaveLength(4);
  });

  // Regression guard (fixed): the size cut removes single TextBlocks, not whole sections. renderCard removes `body[length - 2]` (meant to
  // spare the sources line) one element at a time, so
  //   * with a sources line it can stop after removing a section's text, leaving its bold label dangling above
  //     "Sources:" (here "**Section 8**" with no text);
  //   * without one it removes the last label, then the previous section's text, …, so "**Section 7**" ends up
  //     above the text of section 199.
  // Fix: cut label+text pairs together (and remember where the sources line is).
  const pairsIntact = (sections: string[]): void => {
    expect(sections.length % 2).toBe(0);
    for (let k = 0; k < sections.length; k += 2) {
      expect(sections[k]).toBe(`**Section ${k / 2}**`);
      expect(sections[k + 1]).toMatch(new RegExp(`^s${k / 2} `));
    }
  };

  test('with sources, the cut leaves no label without its text', () => {
    const card = renderCard(reply({ sections: many(200, 700) }), { question: 'q', feedback: true });
    pairsIntact(answerTexts(card).slice(3, -1));
  });

  test('without sources, the cut keeps each label with its own text', () => {
    const card = renderCard(reply({ sources: [], sections: many(200, 700) }), { question: 'q' });
    expect(bytes(card)).toBeLessThanOrEqual(CARD_LIMITS.bytes);
    pairsIntact(answerTexts(card).slice(3));
  });

  // Regression guard (fixed): when badge + title + summary + the last element are still over 28 KB, the cut loop (which only stops at 3
  // elements) removes the summary — the answer itself — and keeps the stray last block. Backslash-heavy text does it
  // with printable ASCII (each "\\" is escaped for markdown and again for JSON: 4 bytes).
  test('a card that needs cutting down to the bone still keeps its summary', () => {
    const slashes = '\\'.repeat(2990);
    const summary = `${slashes} summary`;
    const card = renderCard(reply({ summary, sections: [{ label: 'L', text: `${slashes} section` }], sources: [] }), { question: slashes, feedback: true });
    expect(bytes(card)).toBeLessThanOrEqual(CARD_LIMITS.bytes);
    expect(textsOf(card)[2]).toBe(escapeCardMarkdown(summary));
  });

  // Regression guard (fixed): the card can stay over 28 KB: the cut stops at 3 body elements and never shortens the actions. Control
  // characters (6 bytes each in JSON) in a 3000-character summary/section plus a 1000-character question do it.
  // Not reachable with today's knowledge base, and a user's question alone (≤ 1000 characters per button, 12 KB
  // at worst for the two feedback buttons) cannot do it either.
  test('control-character-heavy text still yields ≤ 28 KB', () => {
    const ctl = '\u0001'.repeat(3000);
    const card = renderCard(reply({ summary: ctl, sections: [{ label: 'L', text: ctl }], sources: [] }), { question: ctl, feedback: true });
    expect(bytes(card)).toBeLessThanOrEqual(CARD_LIMITS.bytes);
  });

  test('every answer to the question fixtures renders to a valid Teams card', () => {
    const bot = new Bot(loadKnowledgeBase());
    const lines = readFileSync(join(__dirname, '..', '..', 'fixtures', 'questions.jsonl'), 'utf8').split('\n').filter(Boolean);
    let biggest = 0;
    for (const line of lines) {
      const { q } = JSON.parse(line) as { q: string };
      const r = bot.answerOnce(q).reply;
      const card = renderCard(r, { question: q, feedback: true });
      expect({ q, problems: validateAdaptiveCard(card) }).toEqual({ q, problems: [] });
      biggest = Math.max(biggest, bytes(card));
    }
    expect(lines.length).toBeGreaterThan(300);
    expect(biggest).toBeLessThan(CARD_LIMITS.bytes / 2); // real answers are far from the limit
  });

  test('the welcome card is valid and has no feedback buttons', () => {
    const card = renderCard(welcomeReply('Alice'), { question: '', feedback: false });
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(textsOf(card).join('\n')).toContain('Alice added me here.');
    expect(card.actions).toEqual([]);
    expect(cardActions(card).map((a) => a.title)).toEqual(['Who patches RDS?', 'Do we encrypt S3 or does AWS?', 'What does security in the cloud mean?', 'Quiz me']);
    expect(cardActions(card).map((a) => decodeAction(a.data))).toEqual(
      ['Who patches RDS?', 'Do we encrypt S3 or does AWS?', 'What does security in the cloud mean?', 'quiz me'].map((question) => ({ kind: 'ask', question })),
    );
  });
});

describe('escapeCardMarkdown', () => {
  test.each([
    ['plain text', 'plain text'],
    ['**bold**', '\\*\\*bold\\*\\*'],
    ['_italic_', '\\_italic\\_'],
    ['~~strike~~', '\\~\\~strike\\~\\~'],
    ['`code`', '\\`code\\`'],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['![img](https://evil.example/x.png)', '!\\[img\\](https://evil.example/x.png)'],
    ['<at>Everyone</at>', '\\<at\\>Everyone\\</at\\>'],
    ['a \\ backslash', 'a \\\\ backslash'],
    ['\\[already]', '\\\\\\[already\\]'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['# heading', '\\# heading'],
    ['  - indented', '  \\- indented'],
    ['line one\n- line two\n# three', 'line one\n\\- line two\n\\# three'],
    ['not-a-list - here', 'not-a-list - here'],
    ['AWS’s “quotes” — and ünïcödé 漢字 👍', 'AWS’s “quotes” — and ünïcödé 漢字 👍'],
  ])('%j → %j', (input, output) => {
    expect(escapeCardMarkdown(input)).toBe(output);
    expect(unescape(escapeCardMarkdown(input))).toBe(input); // nothing is lost: the reader sees what was typed
  });

  // Regression guard (fixed): an ordered-list marker is escaped as "\1. one". In CommonMark only ASCII punctuation can be
  // backslash-escaped, so "\1" shows a literal backslash ("\1. one") — the escape belongs before the period:
  // "1\. one". (No knowledge-base text starts a line with "<digits>." today, so nobody sees it yet.)
  test('"1. one" → "1\\. one" (escape the period, not the digit)', () => {
    expect(escapeCardMarkdown('1. one')).toBe('1\\. one');
  });

});

test('cardFallback: owner, title and summary as plain text, at most 1000 characters', () => {
  expect(cardFallback(reply())).toBe('AWS: Patch management on Amazon RDS — AWS is responsible for patch management on Amazon RDS.');
  expect(cardFallback(reply({ owner: undefined }))).toBe('Patch management on Amazon RDS — AWS is responsible for patch management on Amazon RDS.');
  expect(cardFallback(reply({ summary: 'x '.repeat(2000) })).length).toBeLessThanOrEqual(1000);
});

describe('properties', () => {
  // Strings rich in what escaping must handle, mixed with arbitrary code points (control characters and astral
  // symbols included).
  const MARKDOWN = ['[', ']', '(', ')', '*', '_', '~', '`', '<', '>', '\\', '#', '-', '+', '1', '.', '!', ' ', '\n', 'a', 'B', 'é', '👍'];
  const nasty = (maxLength: number): fc.Arbitrary<string> =>
    fc.oneof(fc.string({ unit: 'binary', maxLength }), fc.string({ unit: fc.constantFrom(...MARKDOWN), maxLength }), fc.string({ maxLength }));

  // The KB's texts are a few hundred characters; the property covers up to 1000 code points per field (≈ 3× the
  // longest real text) and any question. Longer adversarial fields break the size limit: see the size tests above.
  const arbReply: fc.Arbitrary<Reply> = fc.record({
    owner: fc.constantFrom(undefined, 'aws' as const, 'customer' as const, 'shared' as const),
    title: nasty(300),
    summary: nasty(1000),
    sections: fc.array(fc.record({ label: nasty(60), text: nasty(1000) }), { maxLength: 30 }),
    choices: fc.array(nasty(100).map((s) => ask(s || 'x')), { maxLength: 10 }),
  }).map(({ owner, title, summary, sections, choices }) => reply({ owner, title, summary, sections, choices, sources: [] }));

  test('any text as title/summary/section/question → a valid card ≤ 28 KB, ≤ 6 actions, no unescaped markup from it', () => {
    fc.assert(
      fc.property(arbReply, fc.string({ unit: 'binary', maxLength: 3000 }), fc.boolean(), (r, question, feedback) => {
        const card = renderCard(r, { question, feedback });
        expect(validateAdaptiveCard(card)).toEqual([]);
        expect(bytes(card)).toBeLessThanOrEqual(CARD_LIMITS.bytes);
        expect(cardActions(card).length).toBeLessThanOrEqual(CARD_LIMITS.actions);
        for (const a of cardActions(card)) expect(decodeAction(a.data)).toBeDefined(); // every button reads back as an action
        const texts = textsOf(card);
        // Our own markup is only the bold wrapper around section labels (there is no sources line here); the
        // choices' rows hold user text too.
        const rows = card.body.flatMap((e) => (e.type === 'Container' ? (e.items as CardElement[]).map((i) => String(i.text)) : []));
        for (const t of [...texts, ...rows]) {
          const inner = /^\*\*[\s\S]*\*\*$/.test(t) ? t.slice(2, -2) : t;
          for (const ch of ['[', ']', '*', '_', '`', '<', '>', '~']) expect({ t, ch, at: unescaped(inner, ch) }).toEqual({ t, ch, at: [] });
        }
        // The summary is always kept and reads as what was written (up to the cut).
        expect(unescape(texts[r.owner ? 2 : 1]!).replace(/…$/, '')).toBe(r.summary.slice(0, unescape(texts[r.owner ? 2 : 1]!).replace(/…$/, '').length));
      }),
      { numRuns: 300 },
    );
  });

  // Most cards are not serialised to be measured: a bound computed from the reply's text vouches for them.
  // It must hold for the worst characters (control characters take 6 bytes of JSON, markdown escaping doubles).
  test('the size bound is never below the card’s real size', () => {
    const worst = (maxLength: number): fc.Arbitrary<string> =>
      fc.oneof(fc.string({ unit: fc.constantFrom('\u0001', '\\', '*', '"', '\n', '#', '1.'), maxLength, size: 'max' }), nasty(maxLength));
    const any = fc
      .record({
        owner: fc.constantFrom(undefined, 'aws' as const, 'shared' as const),
        title: worst(200),
        summary: worst(1000),
        sections: fc.array(fc.record({ label: worst(40), text: worst(600) }), { maxLength: 8, size: 'max' }),
        sources: fc.array(fc.record({ title: worst(60), url: worst(100) }), { maxLength: 4, size: 'max' }),
        choices: fc.array(worst(80).map((x) => ask(x || 'x')), { maxLength: 6, size: 'max' }),
      })
      .map((over) => reply(over));
    fc.assert(
      fc.property(any, worst(600), fc.boolean(), (r, question, feedback) => {
        const card = renderCard(r, { question, feedback });
        const measured = bytes(card);
        if (cardSizeBound(r, question) <= CARD_LIMITS.bytes) expect(measured).toBeLessThanOrEqual(cardSizeBound(r, question));
        expect(measured).toBeLessThanOrEqual(CARD_LIMITS.bytes);
        for (const a of cardActions(card)) expect(decodeAction(a.data)).toBeDefined(); // shortened to fit, never unreadable
      }),
      { numRuns: 200, endOnFailure: true }, // big inputs: report the first counterexample rather than shrink it for minutes
    );
  });

  test('escapeCardMarkdown: reversible, and leaves no unescaped markdown character', () => {
    fc.assert(
      fc.property(nasty(500), (s) => {
        const e = escapeCardMarkdown(s);
        expect(unescape(e)).toBe(s);
        for (const ch of ['[', ']', '*', '_', '`', '<', '>', '~']) expect(unescaped(e, ch)).toEqual([]);
        // No line starts with a list or heading marker.
        for (const line of e.split('\n')) expect(line).not.toMatch(/^\s*([-+#]|\d+\.)/);
      }),
      { numRuns: 500 },
    );
  });
});
