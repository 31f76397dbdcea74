// A pasted practice-exam item in chat, on a real SQLite file: the answer comes short with its reasons one
// click away ("Show why", which works after a restart because the item is kept in the store), and "Add
// to my quiz" puts the item in the person's own spaced-repetition deck, where "quiz me" brings it back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot, type Speaker } from '../../src/conversation/bot';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { renderText } from '../../src/adapters/console/text';
import { plainText } from '../../src/reply/plain-text';
import { decodeAction, encodeAction, type Action } from '../../src/reply/action';
import type { Reply } from '../../src/reply/reply';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';
import { examQuizItem, typedLetters } from '../../src/quiz/from-exam';
import { parseExamItem } from '../../src/exam/parse';
import { answerItem } from '../../src/exam/reason';
import { Interpreter } from '../../src/nlu/interpret';

const kb = loadKnowledgeBase();

const SINGLE = [
  'Under the AWS shared responsibility model, which of the following is the customer\'s responsibility on Amazon EC2?',
  'A. Patching the guest operating system of the instances',
  'B. Physical security of the data centers',
  'C. Maintaining the hypervisor',
  'D. Replacing failed hardware in the hosts',
].join('\n');

const MULTI = [
  'A company installs and runs its own MySQL database on Amazon EC2 instances. Which of the following are the company\'s responsibilities? (Select TWO.)',
  'A. Applying security updates to the guest operating system',
  'B. Configuring the security groups attached to the instances',
  'C. Patching the hypervisor',
  'D. Replacing failed disks in the physical hosts',
].join('\n');

let dir: string;
let store: Store;
let clock: number;
const speaker: Speaker = { platform: 'slack', user: 'U1', conversation: 'D1' };

const botOn = (s: Store): Bot => new Bot(kb, { state: s, cards: s, exams: s, now: () => clock });
const actionOf = (reply: Reply, label: string): Action => {
  const choice = reply.choices.find((c) => c.label === label);
  if (!choice) throw new Error(`no "${label}" in ${reply.choices.map((c) => c.label).join(', ')}`);
  // Through the wire form, as a platform carries it.
  return decodeAction(encodeAction(choice.action))!;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whosejob-exam-deck-'));
  store = await openStore({ DATABASE_PATH: join(dir, 'w.db') });
  clock = Date.parse('2026-12-02T10:00:00Z');
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the short answer and "Show why"', () => {
  test('the answer names the pick and marks each option; the reasons wait behind "Show why"', async () => {
    const { reply } = await botOn(store).handle({ ...speaker, text: SINGLE });
    expect(reply.kind).toBe('exam');
    expect(reply.facts.exam?.choices).toEqual(['A']);
    expect(reply.sections).toHaveLength(1);
    expect(reply.sections[0]!.text.split('\n')).toEqual([
      expect.stringMatching(/^✓ A\) Patching the guest/),
      expect.stringMatching(/^✗ B\) /),
      expect.stringMatching(/^✗ C\) /),
      expect.stringMatching(/^✗ D\) /),
    ]);
    const reasons = reply.details!.sections;
    expect(reasons).toHaveLength(4);
    expect(reasons.every((s) => s.text.length > 20)).toBe(true);
    // Not in the short form: no reason text shows before the click.
    expect(reply.sections[0]!.text).not.toContain(reasons[0]!.text);
    expect(reply.details!.action?.kind).toBe('exam-why');
    expect(reply.choices.map((c) => c.label)).toEqual(['Add to my quiz', 'Quiz me']);
  });

  test('"Show why" brings the full answer, also from another process on the same database', async () => {
    const first = await botOn(store).handle({ ...speaker, text: SINGLE });
    await store.close();
    store = await openStore({ DATABASE_PATH: join(dir, 'w.db') });
    const why = (await botOn(store).act(first.reply.details!.action!, speaker)).reply;
    expect(why.kind).toBe('exam');
    expect(why.details).toBeUndefined();
    expect(why.sections).toEqual(first.reply.details!.sections);
    expect(why.facts.exam).toEqual(first.reply.facts.exam);
  });

  test('an item the store no longer has gets a plain note, not an error', async () => {
    const turn = await botOn(store).act({ kind: 'exam-why', itemId: 'nothing-like-this' }, speaker);
    expect(turn.reply.kind).toBe('notice');
    expect(turn.reply.summary).toMatch(/paste it again/);
  });

  test('without a store the full answer comes at once, and text shows every reason', () => {
    const reply = new Bot(kb).answerOnce(SINGLE).reply;
    expect(reply.details?.action).toBeUndefined();
    expect(reply.choices.map((c) => c.label)).toEqual(['Quiz me']); // nothing to save into
    const text = renderText(reply);
    for (const s of reply.details!.sections) expect(text).toContain(s.text);
    for (const s of reply.details!.sections) expect(plainText(reply)).toContain(s.text);
  });

  test('the same paste twice is kept once', async () => {
    const bot = botOn(store);
    const a = await bot.handle({ ...speaker, text: SINGLE });
    const b = await bot.handle({ ...speaker, text: `${SINGLE}\n` });
    expect(a.reply.details!.action).toEqual(b.reply.details!.action);
  });
});

describe('"Add to my quiz"', () => {
  test('the saved item is the next "quiz me" question, answered right it is graded and not asked again at once', async () => {
    const bot = botOn(store);
    const { reply } = await bot.handle({ ...speaker, text: SINGLE });
    const saved = (await bot.act(actionOf(reply, 'Add to my quiz'), speaker)).reply;
    expect(saved.summary).toMatch(/^Added to your quiz/);
    expect((await bot.act(actionOf(reply, 'Add to my quiz'), speaker)).reply.summary).toMatch(/in your quiz already/);

    const question = (await bot.handle({ ...speaker, text: 'quiz me' })).reply;
    expect(question.kind).toBe('quiz-question');
    expect(question.summary).toMatch(/which of the following is the customer's responsibility on Amazon EC2/);
    expect(question.choices[0]!.label).toBe('A) Patching the guest operating system of the instances');
    const verdict = (await bot.act(question.choices[0]!.action, speaker)).reply;
    expect(verdict.title).toBe('Correct!');

    // Answered right, it is not due a minute later (FSRS's first step is longer): the next is a bank question.
    clock += 60 * 1000;
    const next = (await bot.handle({ ...speaker, text: 'quiz me' })).reply;
    expect(next.summary).not.toMatch(/Amazon EC2\?$/);
  });

  test('a miss brings the item back first the next time', async () => {
    const bot = botOn(store);
    const { reply } = await bot.handle({ ...speaker, text: SINGLE });
    await bot.act(actionOf(reply, 'Add to my quiz'), speaker);
    const question = (await bot.handle({ ...speaker, text: 'quiz me' })).reply;
    expect((await bot.act(question.choices[1]!.action, speaker)).reply.title).toBe('Not quite');
    clock += 10 * 60 * 1000;
    const again = (await bot.handle({ ...speaker, text: 'quiz me' })).reply;
    expect(again.summary).toBe(question.summary);
  });

  test('a multi-answer item is asked as sets of letters, typed or clicked', async () => {
    const bot = botOn(store);
    const { reply } = await bot.handle({ ...speaker, text: MULTI });
    expect(reply.facts.exam?.choices).toEqual(['A', 'B']);
    await bot.act(actionOf(reply, 'Add to my quiz'), speaker);
    const question = (await bot.handle({ ...speaker, text: 'quiz me' })).reply;
    expect(question.choices.map((c) => c.label)).toEqual(['A + B', 'A + C', 'A + D', 'B + C', 'B + D', 'C + D']);
    expect(question.summary).toContain('B. Configuring'.replace('.', ')'));
    const typed = (await bot.handle({ ...speaker, text: 'b and a' })).reply;
    expect(typed.kind).toBe('quiz-verdict');
    expect(typed.title).toBe('Correct!');
  });

  test('an item the bot was not sure of cannot be saved (no answer to check against)', async () => {
    const unsure = 'Which of the following is true?\nA. Zorblax flims the wibble\nB. Quux frobs the gadget\nC. Plonk is blue\nD. Snark is green';
    const bot = botOn(store);
    const { reply } = await bot.handle({ ...speaker, text: unsure });
    expect(reply.facts.exam?.choices).toEqual([]);
    expect(reply.choices.map((c) => c.label)).toEqual(['Quiz me']);
    const id = reply.details!.action!.kind === 'exam-why' ? reply.details!.action!.itemId : '';
    expect((await bot.act({ kind: 'exam-save', itemId: id }, speaker)).reply.summary).toMatch(/can't add/);
  });
});

describe('items as quiz questions', () => {
  const interpreter = new Interpreter(kb);
  test('six options choose three is too many sets for one quiz click: not saveable', () => {
    const text = ['Which THREE are the customer\'s responsibility on Amazon EC2? (Select THREE.)', ...'ABCDEF'.split('').map((l, i) => `${l}. ${['Patching the guest operating system', 'Configuring security groups', 'Managing IAM users', 'Physical security', 'The hypervisor', 'Replacing host hardware'][i]}`)].join('\n');
    const item = parseExamItem(text)!;
    const answer = { ...answerItem(kb, interpreter, item), choices: ['A', 'B', 'C'] };
    expect(examQuizItem('x', item, answer)).toBeUndefined();
  });

  test.each([
    ['a and c', 'A + C'],
    ['C, A', 'A + C'],
    ['a+b+d', 'A + B + D'],
    ['a a', undefined],
    ['bad', undefined],
    ['and', undefined],
  ])('typed letters %p read as %p', (typed, label) => {
    expect(typedLetters(typed)).toBe(label);
  });
});
