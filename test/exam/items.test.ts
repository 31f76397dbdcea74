// The practice-exam items of test/fixtures/exam/items.jsonl: 120 items written blind (by a helper who
// never saw the code), single and multi-answer, statements, benefits, shared and inherited controls,
// items partly outside the model, in every option format. Issue 13 asks for 90 % of items fully right
// and at most 3 % of options wrongly picked; these floors guard what holds today (see the README's
// figure) so that a change can only move it forward.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonAnswer } from '../../src/conversation/answer-json';
import { Bot } from '../../src/conversation/bot';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';

interface Item {
  id: string;
  text: string;
  answer: string[];
  kind: string;
}

const items = readFileSync(join(__dirname, '..', 'fixtures', 'exam', 'items.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Item);

test('every item is recognised as an exam item with one verdict per option', () => {
  const bot = new Bot(loadKnowledgeBase());
  for (const item of items) {
    const a = toJsonAnswer(item.text, bot.answerOnce(item.text));
    expect(a.intent).toBe('exam');
    expect(a.options?.map((o) => o.letter)).toEqual(['A', 'B', 'C', 'D', 'E'].slice(0, a.options!.length));
    expect(a.options!.length).toBeGreaterThanOrEqual(4);
    // A pick is exactly as many letters as the item asks for, or none (abstaining).
    if (a.choices!.length) expect(a.choices).toHaveLength(item.answer.length);
  }
});

test('fully right on at least 90 % of the items; wrongly picked options at most 3 % (floors, not the target)', () => {
  const bot = new Bot(loadKnowledgeBase());
  let full = 0;
  let wrong = 0;
  let options = 0;
  for (const item of items) {
    const a = toJsonAnswer(item.text, bot.answerOnce(item.text));
    options += a.options!.length;
    if (a.choices!.join() === item.answer.join()) full++;
    wrong += a.choices!.filter((c) => !item.answer.includes(c)).length;
  }
  expect(full / items.length).toBeGreaterThanOrEqual(0.9);
  expect(wrong / options).toBeLessThanOrEqual(0.03);
});
