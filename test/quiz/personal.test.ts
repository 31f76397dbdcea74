// Spaced repetition for each person, with the card state in a real store and a controlled clock.
import { PersonalQuiz } from '../../src/quiz/personal';
import type { QuizItem } from '../../src/quiz/questions';
import { openStore } from '../../src/store/open';
import type { Store } from '../../src/store/store';

const bank: QuizItem[] = Array.from({ length: 12 }, (_, i) => ({
  id: `q${i}`,
  question: `Question ${i}?`,
  choices: ['AWS', 'You (the customer)', 'Shared'],
  answer: i % 3,
  explanation: 'Because.',
  source: 'https://aws.amazon.com/compliance/shared-responsibility-model/',
}));

let store: Store;
let clock: Date;
beforeEach(async () => {
  store = await openStore({ DATABASE_PATH: ':memory:' });
  clock = new Date('2026-12-01T10:00:00.000Z');
});
afterEach(async () => {
  await store.close();
});

test('unseen questions first, each once, in an order of the person’s own', async () => {
  const quiz = new PersonalQuiz(store, bank, () => clock);
  const seen: string[] = [];
  for (let i = 0; i < bank.length; i++) {
    const q = await quiz.next('slack', 'U1');
    seen.push(q.id);
    await quiz.grade('slack', 'U1', q.id, true);
  }
  expect(new Set(seen).size).toBe(bank.length);
  const other = await quiz.next('slack', 'U2');
  expect(other.id).not.toBe(seen[0]); // another person starts elsewhere (offsets differ for these two ids)
});

test('a missed question comes back before new ones; a right one does not come back the same day', async () => {
  const quiz = new PersonalQuiz(store, bank, () => clock);
  const first = await quiz.next('slack', 'U1');
  await quiz.grade('slack', 'U1', first.id, false);
  const second = await quiz.next('slack', 'U1', first.id);
  await quiz.grade('slack', 'U1', second.id, true);
  clock = new Date(clock.getTime() + 5 * 60_000); // five minutes later the miss is due, the right answer is not
  expect((await quiz.next('slack', 'U1')).id).toBe(first.id);
  // Answered right several times, a card moves days ahead.
  let card = await quiz.grade('slack', 'U1', second.id, true);
  clock = card.due;
  card = await quiz.grade('slack', 'U1', second.id, true);
  expect(card.due.getTime() - clock.getTime()).toBeGreaterThan(24 * 3600 * 1000);
});

test('card state survives a restart (a new PersonalQuiz on the same store)', async () => {
  const before = new PersonalQuiz(store, bank, () => clock);
  const q = await before.next('teams', 'U9');
  await before.grade('teams', 'U9', q.id, false);
  clock = new Date(clock.getTime() + 2 * 60_000);
  const after = new PersonalQuiz(store, bank, () => clock);
  expect((await after.next('teams', 'U9')).id).toBe(q.id);
});
