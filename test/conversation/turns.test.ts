// Turns with state: clicks as typed actions, the quiz and lesson words that lean on what the person is
// in the middle of, and state that outlives the process (a restart on the same database).
import { Bot, type Speaker } from '../../src/conversation/bot';
import type { KnowledgeBase } from '../../src/nlu/knowledge-base';
import { loadKnowledgeBase } from '../../src/nlu/knowledge-base';
import { quizPool } from '../../src/quiz/questions';
import { decodeAction, encodeAction, type Action } from '../../src/reply/action';
import { openStore } from '../../src/store/open';
import type { FeedbackInput } from '../../src/store/store';
import { ENGINES, freshDatabase } from '../support/databases';

let kb: KnowledgeBase;
beforeAll(() => {
  kb = loadKnowledgeBase();
});

let n = 0;
const speaker = (user = 'U1'): Speaker => ({ user, conversation: `conv${++n}`, platform: 'slack' });

describe('typed actions', () => {
  test.each<Action>([
    { kind: 'ask', question: 'who patches rds? <!here> & "quotes"' },
    { kind: 'quiz-answer', questionId: 'q-001', choice: 2 },
    { kind: 'quiz-answer', questionId: 'q-001', choice: 0, postId: 'post-42' },
    { kind: 'quiz-next' },
    { kind: 'lesson', lessonId: 'security-of-the-cloud', step: 3 },
    { kind: 'feedback', vote: 'down', question: 'who patches rds?', intent: 'responsibility' },
    { kind: 'share', question: 'Who is responsible for guest OS patching on Amazon EC2?' },
  ])('%j survives the round trip through a button', (action) => {
    expect(decodeAction(encodeAction(action))).toEqual(action);
    expect(decodeAction(JSON.parse(encodeAction(action)))).toEqual(action); // Teams hands back the object
  });

  test.each([
    ['not JSON', '{"k":"a"'],
    ['an unknown kind', '{"k":"z","q":"x"}'],
    ['a field of the wrong type', '{"k":"q","i":"q1","c":"2"}'],
    ['a choice out of range', '{"k":"q","i":"q1","c":12}'],
    ['the old plain-question value', 'who patches rds?'],
    ['nothing', undefined],
  ])('%s is refused', (_what, value) => {
    expect(decodeAction(value)).toBeUndefined();
  });

  test('a question of any length and content encodes within Slack’s 2,000 characters', () => {
    for (const q of ['x'.repeat(5000), '\u0001'.repeat(3000), '"\\'.repeat(2000), '😀'.repeat(1500)]) {
      const value = encodeAction({ kind: 'ask', question: q });
      expect(value.length).toBeLessThanOrEqual(2000);
      expect(decodeAction(value)?.kind).toBe('ask');
    }
  });

  test('a quiz-answer click gets the verdict for that question, whoever’s state it is', async () => {
    const bot = new Bot(kb);
    const item = quizPool(kb)[0]!;
    const right = await bot.act({ kind: 'quiz-answer', questionId: item.id, choice: item.answer }, speaker());
    expect(right.reply.kind).toBe('quiz-verdict');
    expect(right.reply.title).toBe('Correct!');
    const wrong = await bot.act({ kind: 'quiz-answer', questionId: item.id, choice: (item.answer + 1) % item.choices.length }, speaker());
    expect(wrong.reply.title).toBe('Not quite');
  });

  test('a quiz-answer for a question no longer in the bank says so', async () => {
    const turn = await new Bot(kb).act({ kind: 'quiz-answer', questionId: 'gone', choice: 0 }, speaker());
    expect(turn.reply.kind).toBe('notice');
    expect(turn.reply.summary).toMatch(/no longer/);
  });

  test('a feedback click records the vote and thanks', async () => {
    const votes: FeedbackInput[] = [];
    const bot = new Bot(kb, { feedback: { recordFeedback: async (f) => votes.push(f) } });
    const who = speaker('U9');
    const turn = await bot.act({ kind: 'feedback', vote: 'up', question: 'who patches rds?', intent: 'responsibility' }, who);
    expect(turn.reply.summary).toMatch(/Thanks/);
    expect(votes).toEqual([{ platform: 'slack', user: 'U9', conversation: who.conversation, question: 'who patches rds?', intent: 'responsibility', vote: 'up' }]);
  });

  test('Next and Back in a lesson go to the lesson the button names', async () => {
    const bot = new Bot(kb);
    const who = speaker();
    const second = kb.lessons[1]!;
    const turn = await bot.act({ kind: 'lesson', lessonId: second.id, step: 0 }, who);
    expect(turn.reply.title).toMatch(/^Lesson 2 of /);
    const next = turn.reply.choices.find((c) => c.action.kind === 'lesson')!;
    expect((await bot.act(next.action, who)).reply.title).toMatch(/^Lesson 3 of /);
    // "next" typed now means the next lesson
    expect((await bot.handle({ ...who, text: 'next' })).reply.title).toMatch(/^Lesson 4 of /);
  });
});

describe('quiz words', () => {
  const pool = () => quizPool(kb);
  const itemOf = (summary: string) => pool().find((q) => q.question === summary)!;

  test('"next" after a verdict is the next question, not the tour', async () => {
    const bot = new Bot(kb);
    const who = speaker();
    const first = await bot.handle({ ...who, text: 'quiz me' });
    const item = itemOf(first.reply.summary);
    await bot.handle({ ...who, text: String(item.answer + 1) });
    const next = await bot.handle({ ...who, text: 'next' });
    expect(next.reply.kind).toBe('quiz-question');
    expect(next.reply.summary).not.toBe(first.reply.summary);
  });

  test.each(['skip', 'another', 'another one'])('"%s" during a question moves to another question', async (word) => {
    const bot = new Bot(kb);
    const who = speaker();
    const first = await bot.handle({ ...who, text: 'quiz me' });
    const second = await bot.handle({ ...who, text: word });
    expect(second.reply.kind).toBe('quiz-question');
    expect(second.reply.summary).not.toBe(first.reply.summary);
  });

  test('"quiz me" while a question is pending asks a new question, it is not the answer "me"', async () => {
    const bot = new Bot(kb);
    const who = speaker();
    const first = await bot.handle({ ...who, text: 'quiz me' });
    const again = await bot.handle({ ...who, text: 'quiz me' });
    expect(again.reply.kind).toBe('quiz-question');
    expect(again.reply.summary).not.toBe(first.reply.summary);
  });

  test.each(['idk', "i don't know", 'no idea'])('"%s" shows the answer instead of guessing one', async (words) => {
    const bot = new Bot(kb);
    const who = speaker();
    const item = itemOf((await bot.handle({ ...who, text: 'quiz me' })).reply.summary);
    const turn = await bot.handle({ ...who, text: words });
    expect(turn.reply.kind).toBe('quiz-verdict');
    expect(turn.reply.title).toBe('The answer');
    expect(turn.reply.summary).toContain(item.choices[item.answer]!);
  });

  test('"i think it\'s shared" is read as Shared, not as "I" (You)', async () => {
    const bot = new Bot(kb);
    for (let tries = 0; tries < 60; tries++) {
      const who = speaker();
      const item = itemOf((await bot.handle({ ...who, text: 'quiz me' })).reply.summary);
      const shared = item.choices.findIndex((c) => /^shared/i.test(c));
      if (shared < 0) continue;
      const turn = await bot.handle({ ...who, text: "i think it's shared" });
      expect(turn.reply.title).toBe(shared === item.answer ? 'Correct!' : 'Not quite');
      return;
    }
    throw new Error('no question with a Shared choice came up');
  });

  test('two people get their questions in different orders, and a person’s place survives the context expiring', async () => {
    let now = 0;
    const bot = new Bot(kb, { ttlMs: 1_000, now: () => now });
    const conversation = 'C1:thread';
    const ask = async (user: string) => (await bot.handle({ user, conversation, platform: 'slack', text: 'quiz me' })).reply.summary;
    const a = [await ask('UA'), await ask('UA'), await ask('UA')];
    const b = [await ask('UB'), await ask('UB'), await ask('UB')];
    expect(a).not.toEqual(b);
    now += 60_000; // the follow-up context has expired; the quiz place has not
    expect(await ask('UA')).not.toBe(a[0]);
  });

  test('in a thread, only the person a question was asked to answers it', async () => {
    const bot = new Bot(kb);
    const conversation = 'C1:1700000000.0001';
    await bot.handle({ user: 'UA', conversation, platform: 'slack', text: 'quiz me' });
    const other = await bot.handle({ user: 'UB', conversation, platform: 'slack', text: 'a' });
    expect(other.reply.kind).not.toBe('quiz-verdict');
    const asker = await bot.handle({ user: 'UA', conversation, platform: 'slack', text: 'a' });
    expect(asker.reply.kind).toBe('quiz-verdict');
  });
});

describe.each(ENGINES)('a restart on the same %s database', (engine) => {
  test('keeps the follow-up context, the lesson and the quiz place', async () => {
    const db = await freshDatabase(engine);
    const who = { user: 'U1', conversation: 'D1', platform: 'slack' } as const;
    try {
      let store = await openStore(db);
      let bot = new Bot(kb, { state: store, feedback: store });
      await bot.handle({ ...who, text: 'who patches RDS?' });
      await store.close(); // the process ends here

      store = await openStore(db);
      bot = new Bot(kb, { state: store, feedback: store });
      const follow = await bot.handle({ ...who, text: 'and for EC2?' });
      expect(follow.reply.facts).toMatchObject({ task: { id: 'patch-management' }, service: { id: 'ec2' } });

      await bot.handle({ ...who, text: 'onboard me' });
      await bot.handle({ ...who, text: 'next' });
      await store.close();

      store = await openStore(db);
      bot = new Bot(kb, { state: store, feedback: store });
      expect((await bot.handle({ ...who, text: 'next' })).reply.title).toMatch(/^Lesson 3 of /);
      await store.close();
    } finally {
      db.cleanup();
    }
  });
});
