// The curated quiz bank as a whole: big enough, its difficulties spread, its subjects mixed, and every
// "who is responsible" answer the owner the knowledge base gives.
import { asksOwner, OWNER_INDEX } from '../../src/kb/fact-questions';
import { lookupFact } from '../../src/kb/lookup';
import { DIFFICULTIES, type QuizQuestion } from '../../src/kb/schema';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';

let kb: KnowledgeBase;
let bank: QuizQuestion[];
beforeAll(() => {
  kb = loadKnowledgeBase();
  bank = kb.quiz;
});

const share = (keep: (q: QuizQuestion) => boolean): number => bank.filter(keep).length / bank.length;

test('the bank holds at least 80 curated questions', () => {
  expect(bank.length).toBeGreaterThanOrEqual(80);
});

test.each([
  ['easy', 0.25, 0.35],
  ['medium', 0.4, 0.5],
  ['hard', 0.2, 0.3],
])('about 30 / 45 / 25 %% easy, medium, hard: %s between %p and %p', (difficulty, low, high) => {
  const part = share((q) => q.difficulty === difficulty);
  expect(part).toBeGreaterThanOrEqual(low);
  expect(part).toBeLessThanOrEqual(high);
});

test('every question says how hard it is and what it practises', () => {
  for (const q of bank) {
    expect(DIFFICULTIES).toContain(q.difficulty);
    expect(q.tags.length).toBeGreaterThan(0);
  }
});

test.each(['concepts', 'controls', 'compliance', 'categories', 'misconceptions', 'variants', 'lifecycle', 'patching', 'encryption', 'iam', 'network'])(
  'the mix covers %s',
  (tag) => {
    expect(bank.filter((q) => q.tags.includes(tag)).length).toBeGreaterThanOrEqual(2);
  },
);

test('service-specific questions reach many services', () => {
  expect(new Set(bank.flatMap((q) => (q.service ? [q.service] : []))).size).toBeGreaterThanOrEqual(20);
});

test('variant questions cover keys, certificates and node types', () => {
  const variants = new Set(bank.flatMap((q) => (q.variant ? [q.variant] : [])));
  for (const v of ['customer-managed-key', 'imported-cert', 'acm-issued-cert', 'managed-node-group', 'ec2-launch-type', 'fargate']) expect(variants).toContain(v);
});

test('choices are 2 to 4, the answer one of them, and a "who is responsible" answer the owner the facts give', () => {
  for (const q of bank) {
    expect(q.choices.length).toBeGreaterThanOrEqual(2);
    expect(q.choices.length).toBeLessThanOrEqual(4);
    expect(q.answer).toBeLessThan(q.choices.length);
    if (!asksOwner(q.choices) || !q.task) continue;
    const cell = lookupFact(kb, q.task, q.service);
    if (!cell.applies) throw new Error(`${q.id}: ${q.task} does not apply on ${q.service}`);
    const owner = q.variant ? cell.variants.find((v) => v.variant.id === q.variant)!.owner : cell.owner;
    expect([q.id, q.answer]).toEqual([q.id, OWNER_INDEX[owner]]);
  }
});

test('sources are AWS pages', () => {
  for (const q of bank) expect(q.source).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|aws\.amazon\.com)\//);
});
