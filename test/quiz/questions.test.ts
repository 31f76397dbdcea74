// The quiz pool (curated questions and those made from the facts) and the ways through it: generated
// answers are the facts' owners, and a channel's days take difficulties in turn without repeating a
// question until the bank is used up.
import { factQuestions, OWNER_CHOICES, OWNER_INDEX } from '../../src/kb/fact-questions';
import { lookupFact } from '../../src/kb/lookup';
import type { Difficulty } from '../../src/kb/schema';
import { createLogger } from '../../src/log';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/nlu/knowledge-base';
import { DailyQuiz } from '../../src/quiz/daily';
import { channelRound, DIFFICULTY_TURNS, nextForChannel, quizPool, type QuizItem } from '../../src/quiz/questions';
import type { Reply } from '../../src/reply/reply';
import type { Outbox } from '../../src/reply/outbox';
import { openStore } from '../../src/store/open';
import { freshDatabase } from '../support/databases';

let kb: KnowledgeBase;
let pool: QuizItem[];
beforeAll(() => {
  kb = loadKnowledgeBase();
  pool = quizPool(kb);
});

const item = (id: string, difficulty: Difficulty): QuizItem => ({ id, question: `Question ${id}?`, choices: ['a', 'b'], answer: 0, explanation: 'Because.', source: 'https://aws.amazon.com/compliance/shared-responsibility-model/', difficulty });

/** A small bank: 2 easy, 5 medium, 3 hard. */
const SMALL: QuizItem[] = [
  ...['e1', 'e2'].map((id) => item(id, 'easy')),
  ...['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => item(id, 'medium')),
  ...['h1', 'h2', 'h3'].map((id) => item(id, 'hard')),
];

/** The questions a channel gets over `days` days, oldest first, starting from what it was asked before (newest first). */
function walk(bank: readonly QuizItem[], channel: string, days: number, before: string[] = []): QuizItem[] {
  const asked = [...before];
  const got: QuizItem[] = [];
  for (let d = 0; d < days; d++) {
    const q = nextForChannel(bank, channel, asked);
    got.push(q);
    asked.unshift(q.id);
  }
  return got;
}

describe('questions made from the facts', () => {
  test('every generated answer is the owner the facts give for its cell (or its variant)', () => {
    const made = factQuestions(kb);
    expect(made.length).toBeGreaterThan(100);
    for (const g of made) {
      const cell = lookupFact(kb, g.task, g.service);
      if (!cell.applies) throw new Error(`${g.id} asks about a cell that does not apply`);
      const owner = g.variant ? cell.variants.find((v) => v.variant.id === g.variant)!.owner : cell.owner;
      expect({ id: g.id, choices: g.choices, answer: g.answer }).toEqual({ id: g.id, choices: [...OWNER_CHOICES], answer: OWNER_INDEX[owner] });
    }
  });

  test('who patches the hypervisor on EC2 → AWS; with Fargate, the EKS worker nodes → AWS', () => {
    const byId = new Map(factQuestions(kb).map((g) => [g.id, g]));
    expect(byId.get('fact-ec2-hypervisor')).toMatchObject({ answer: OWNER_INDEX.aws, difficulty: 'easy', tags: ['hypervisor'] });
    expect(byId.get('fact-eks-worker-nodes-fargate')).toMatchObject({
      question: 'With AWS Fargate, who is responsible for worker nodes and container hosts on Amazon EKS?',
      answer: OWNER_INDEX.aws,
      difficulty: 'hard',
      tags: expect.arrayContaining(['worker-nodes', 'variants']),
    });
  });

  test('a category default is easy, a service exception medium, a variant hard', () => {
    for (const g of factQuestions(kb)) {
      const scope = (lookupFact(kb, g.task, g.service) as { scope: string }).scope;
      expect([g.id, g.difficulty]).toEqual([g.id, g.variant ? 'hard' : scope === 'service' ? 'medium' : 'easy']);
    }
  });

  test('ids are unique across the pool, and every question has a difficulty and tags', () => {
    expect(new Set(pool.map((q) => q.id)).size).toBe(pool.length);
    for (const q of pool) {
      expect(q.difficulty).toMatch(/^(easy|medium|hard)$/);
      expect(q.tags?.length).toBeGreaterThan(0);
    }
  });

  test('a generated question that a curated one already asks is dropped, the curated one stays', () => {
    const generated = factQuestions(kb).find((g) => g.id === 'fact-ec2-hypervisor')!;
    const copy = { ...kb.quiz[0]!, id: 'q-copy', question: `${generated.question.slice(0, -1)}, exactly?` };
    const ids = quizPool({ ...kb, quiz: [...kb.quiz, copy] }).map((q) => q.id);
    expect(ids).toContain('q-copy');
    expect(ids).not.toContain('fact-ec2-hypervisor');
    expect(pool.map((q) => q.id)).toContain('fact-ec2-hypervisor');
  });
});

describe("a channel's daily questions", () => {
  test('difficulties take turns day by day: easy, medium, hard, medium…', () => {
    const days = walk(pool, 'slack:C1', 12).map((q) => q.difficulty);
    expect(days).toEqual([...DIFFICULTY_TURNS, ...DIFFICULTY_TURNS, ...DIFFICULTY_TURNS]);
  });

  test('a difficulty that has run out is skipped, the others keep their turns', () => {
    expect(channelRound(SMALL, 'slack:C1').map((q) => q.difficulty)).toEqual(['easy', 'medium', 'hard', 'medium', 'easy', 'medium', 'hard', 'medium', 'medium', 'hard']);
  });

  test('no question comes twice until the bank is used up, then the next round goes the same way', () => {
    const twice = walk(pool, 'teams:19:abc@thread.tacv2', 2 * pool.length);
    const first = twice.slice(0, pool.length).map((q) => q.id);
    expect(new Set(first).size).toBe(pool.length);
    expect(twice.slice(pool.length).map((q) => q.id)).toEqual(first);
  });

  test('each channel has an order of its own', () => {
    expect(walk(pool, 'slack:C1', 5).map((q) => q.id)).not.toEqual(walk(pool, 'slack:C2', 5).map((q) => q.id));
  });

  test('questions added to the bank mid-round come before any repeat', () => {
    const before = walk(SMALL, 'slack:C1', 6);
    const grown = [...SMALL, item('e3', 'easy'), item('h4', 'hard')];
    const after = walk(grown, 'slack:C1', grown.length - 6, before.map((q) => q.id).reverse());
    const all = [...before, ...after].map((q) => q.id);
    expect(new Set(all).size).toBe(grown.length);
  });

  test('questions removed from the bank are not asked, and nothing repeats', () => {
    const before = walk(SMALL, 'slack:C1', 4);
    const unasked = SMALL.find((q) => !before.includes(q))!;
    const gone = new Set([before[0]!.id, unasked.id]);
    const shrunk = SMALL.filter((q) => !gone.has(q.id));
    const after = walk(shrunk, 'slack:C1', shrunk.length - 3, before.map((q) => q.id).reverse());
    expect(after.filter((q) => gone.has(q.id))).toEqual([]);
    expect(new Set([...before.slice(1), ...after].map((q) => q.id)).size).toBe(shrunk.length);
  });
});

test('posted day by day through the daily quiz and the store: turns of difficulty, no repeat', async () => {
  const db = await freshDatabase('sqlite');
  let clock = new Date('2026-12-01T09:00:00.000Z');
  const store = await openStore(db, () => clock);
  const posted: string[] = [];
  // A stand-in outbox that keeps what was posted (cast: only post is used here).
  const outbox = {
    platform: 'slack',
    post: async (_target, reply: Reply) => {
      posted.push(reply.summary);
      return { channel: 'C1', id: String(posted.length) };
    },
    update: async () => undefined,
    dm: async () => ({ channel: 'D1', id: 'x' }),
    members: async () => [],
  } as Outbox;
  try {
    const daily = new DailyQuiz({ store, outboxes: { slack: outbox }, bank: SMALL, now: () => clock, log: createLogger('error', () => undefined) });
    for (let day = 0; day < SMALL.length + 2; day++) {
      expect(await daily.postNow('slack', 'C1')).toBe('posted');
      clock = new Date(clock.getTime() + 24 * 3600_000);
    }
    const byQuestion = new Map(SMALL.map((q) => [q.question, q]));
    const got = posted.map((text) => byQuestion.get(text)!);
    expect(got.slice(0, 8).map((q) => q.difficulty)).toEqual([...DIFFICULTY_TURNS, ...DIFFICULTY_TURNS]);
    expect(new Set(got.slice(0, SMALL.length).map((q) => q.id)).size).toBe(SMALL.length);
    expect(got.slice(SMALL.length).map((q) => q.id)).toEqual(got.slice(0, 2).map((q) => q.id));
  } finally {
    await store.close();
    db.cleanup();
  }
});
