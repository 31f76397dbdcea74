// What a person is told is what was saved: "stop reminding me", a change of pace and a checkpoint's score
// survive a race with another writer (the scheduler moving them on, a second click), on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Course } from '../../src/onboarding/course';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { quizPool } from '../../src/quiz/questions';
import { createLogger } from '../../src/log';
import { openStore } from '../../src/store/open';
import type { Progress, Store } from '../../src/store/store';

const kb = loadKnowledgeBase();
const who = { platform: 'slack', user: 'U1', dm: 'D1', timeZone: 'Europe/Berlin' };
let dir: string;
let store: Store;

/** The store, with another writer getting in first on the next `times` updates of the person's progress. */
function racing(real: Store, times: number, other: (p: Progress) => Progress): Store {
  let left = times;
  const raced = Object.create(real) as Store;
  raced.updateProgress = async (p: Progress): Promise<boolean> => {
    if (left-- > 0) {
      const current = (await real.getProgress(p.platform, p.user))!;
      expect(await real.updateProgress(other(current))).toBe(true);
    }
    return real.updateProgress(p);
  };
  return raced;
}

const course = (s: Store): Course =>
  new Course({ store: s, lessons: kb.lessons, bank: quizPool(kb), now: () => new Date('2026-12-02T10:00:00Z'), log: createLogger('error', () => undefined) });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'whosejob-progress-race-'));
  store = await openStore({ DATABASE_PATH: join(dir, 'w.db') });
  await course(store).start(who);
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('"stop reminding me" after the scheduler moved the person on: both changes are kept', async () => {
  const reply = await course(racing(store, 2, (p) => ({ ...p, reminders: p.reminders + 1 }))).stopReminders(who);
  expect(reply.summary).toMatch(/no more reminders/i);
  const p = (await store.getProgress('slack', 'U1'))!;
  expect(p.remindersOff).toBe(true);
  expect(p.reminders).toBe(2);
});

test('"one lesson a day" after a second click moved the lesson: the pace is saved on the moved progress', async () => {
  await course(racing(store, 1, (p) => ({ ...p, lesson: p.lesson + 1 }))).setPace(who, 'daily');
  const p = (await store.getProgress('slack', 'U1'))!;
  expect(p.pace).toBe('daily');
  expect(p.nextAt).toBeDefined();
  expect(p.lesson).toBe(1);
});

test('a checkpoint answered while another writer raced: scored once, the first answer counts', async () => {
  const lesson = kb.lessons[0]!;
  const check = quizPool(kb).find((q) => q.id === lesson.check)!;
  // At the checkpoint of the first lesson.
  const at = (await store.getProgress('slack', 'U1'))!;
  expect(await store.updateProgress({ ...at, step: 99 })).toBe(true);
  // The other writer is a second click that answered wrong first.
  const verdict = await course(racing(store, 1, (p) => ({ ...p, missed: [...p.missed, lesson.id] }))).answer(who, check.id, check.answer);
  expect(verdict?.title).toBe('Correct!');
  const p = (await store.getProgress('slack', 'U1'))!;
  expect(p.missed).toEqual([lesson.id]);
  expect(p.passed).toEqual([]);
});

test('a checkpoint answered while the scheduler wrote something else: the score is still saved', async () => {
  const lesson = kb.lessons[0]!;
  const check = quizPool(kb).find((q) => q.id === lesson.check)!;
  const at = (await store.getProgress('slack', 'U1'))!;
  expect(await store.updateProgress({ ...at, step: 99 })).toBe(true);
  await course(racing(store, 1, (p) => ({ ...p, reminders: p.reminders + 1 }))).answer(who, check.id, check.answer);
  const p = (await store.getProgress('slack', 'U1'))!;
  expect(p.passed).toEqual([lesson.id]);
  expect(p.reminders).toBe(1);
});
