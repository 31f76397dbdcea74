// The daily quiz's rules in the database, on SQLite and on PostgreSQL: one post per channel per local
// day, one answer per person per post under concurrent clicks from several connections, a schedule
// advanced by one replica only, and cards for spaced repetition.
import { openStore } from '../../src/store/open';
import type { QuizSchedule, Store } from '../../src/store/store';
import { ENGINES, freshDatabase, type EngineName } from '../support/databases';

describe.each(ENGINES)('the quiz store on %s', (engine: EngineName) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let clock = new Date('2026-12-01T08:00:00.000Z');
  const opened: Store[] = [];
  const open = async (): Promise<Store> => {
    const s = await openStore(db, () => clock);
    opened.push(s);
    return s;
  };
  beforeEach(async () => {
    clock = new Date('2026-12-01T08:00:00.000Z');
    db = await freshDatabase(engine);
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    db.cleanup();
  });

  const berlin = (channel: string, nextRunAt = '2026-12-01T08:00:00.000Z'): QuizSchedule => ({
    platform: 'slack',
    channel,
    time: '09:00',
    timeZone: 'Europe/Berlin',
    weekdays: true,
    nextRunAt,
  });

  test('schedules: saved, replaced, due in order, paused ones never due, deleted', async () => {
    const s = await open();
    await s.saveSchedule(berlin('C2', '2026-12-01T07:59:00.000Z'));
    await s.saveSchedule(berlin('C1', '2026-12-01T07:00:00.000Z'));
    await s.saveSchedule(berlin('C3', '2026-12-02T08:00:00.000Z'));
    await s.saveSchedule({ ...berlin('C4', '2026-12-01T06:00:00.000Z'), pausedReason: 'not_in_channel' });
    expect((await s.dueSchedules('2026-12-01T08:00:00.000Z', 10)).map((x) => x.channel)).toEqual(['C1', 'C2']);
    expect(await s.getSchedule('slack', 'C4')).toMatchObject({ pausedReason: 'not_in_channel', weekdays: true });
    await s.saveSchedule({ ...berlin('C4'), weekdays: false }); // re-scheduling resumes it
    expect(await s.getSchedule('slack', 'C4')).toEqual({ ...berlin('C4'), weekdays: false });
    expect(await s.deleteSchedule('slack', 'C4')).toBe(true);
    expect(await s.deleteSchedule('slack', 'C4')).toBe(false);
  });

  test('two replicas advancing the same due schedule: only one moves it', async () => {
    const a = await open();
    const b = await open();
    await a.saveSchedule(berlin('C1'));
    const moved = await Promise.all([
      a.advanceSchedule('slack', 'C1', '2026-12-01T08:00:00.000Z', '2026-12-02T08:00:00.000Z'),
      b.advanceSchedule('slack', 'C1', '2026-12-01T08:00:00.000Z', '2026-12-02T08:00:00.000Z'),
    ]);
    expect(moved.filter(Boolean)).toHaveLength(1);
  });

  test('one post per channel per local day; an unsent claim is taken over after its lease, a sent one never', async () => {
    const a = await open();
    const b = await open();
    const day = { platform: 'slack', channel: 'C1', localDate: '2026-12-01', questionId: 'q1' };
    const claims = await Promise.all([a.claimPost(day, 60_000), b.claimPost(day, 60_000), a.claimPost(day, 60_000)]);
    const won = claims.filter(Boolean);
    expect(won).toHaveLength(1);
    clock = new Date(clock.getTime() + 60_001); // the claimant died before sending
    const retaken = await b.claimPost({ ...day, questionId: 'other' }, 60_000);
    expect(retaken).toMatchObject({ id: won[0]!.id, questionId: 'q1' }); // the same post, the same question
    await b.markPostSent(retaken!.id, '1700000000.000100');
    clock = new Date(clock.getTime() + 3_600_000);
    expect(await a.claimPost(day, 60_000)).toBeUndefined();
    expect(await a.getPost(retaken!.id)).toMatchObject({ messageId: '1700000000.000100', localDate: '2026-12-01' });
    expect(await a.claimPost({ ...day, localDate: '2026-12-02' }, 60_000)).toBeDefined(); // the next day is a new post
    expect((await a.channelPosts('slack', 'C1', 5)).map((p) => p.localDate)).toEqual(['2026-12-02', '2026-12-01']);
  });

  test('one answer per person per post, even with twenty concurrent clicks from two connections', async () => {
    const a = await open();
    const b = await open();
    const p = (await a.claimPost({ platform: 'slack', channel: 'C1', localDate: '2026-12-01', questionId: 'q1' }, 60_000))!;
    const clicks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).recordAnswer({ postId: p.id, user: 'U1', choice: i % 3, correct: i % 3 === 0, at: clock.toISOString() })),
    );
    expect(clicks.filter((c) => c.recorded)).toHaveLength(1);
    const existing = clicks.find((c) => !c.recorded);
    const answers = await a.answersTo(p.id);
    expect(answers).toHaveLength(1);
    expect(existing).toMatchObject({ recorded: false, existing: { user: 'U1', choice: answers[0]!.choice } });
  });

  test('a revealed post is revealed once', async () => {
    const s = await open();
    const p = (await s.claimPost({ platform: 'teams', channel: '19:x', localDate: '2026-12-01', questionId: 'q1' }, 60_000))!;
    const both = await Promise.all([s.markRevealed(p.id), s.markRevealed(p.id)]);
    expect(both.filter(Boolean)).toHaveLength(1);
  });

  test('channel answers carry their post’s local date, filtered by a start date', async () => {
    const s = await open();
    for (const [date, correct] of [['2026-11-30', true], ['2026-12-01', false]] as const) {
      const p = (await s.claimPost({ platform: 'slack', channel: 'C1', localDate: date, questionId: `q-${date}` }, 60_000))!;
      await s.recordAnswer({ postId: p.id, user: 'U1', choice: 0, correct, at: `${date}T09:00:00.000Z` });
    }
    expect((await s.channelAnswers('slack', 'C1')).map((x) => [x.localDate, x.correct])).toEqual([['2026-11-30', true], ['2026-12-01', false]]);
    expect((await s.channelAnswers('slack', 'C1', '2026-12-01')).map((x) => x.localDate)).toEqual(['2026-12-01']);
    expect(await s.channelAnswers('slack', 'C2')).toEqual([]);
  });

  test('cards: stored per person and question, due ones soonest first', async () => {
    const s = await open();
    await s.putCard('slack', 'U1', 'q1', '{"a":1}', '2026-12-03T00:00:00.000Z');
    await s.putCard('slack', 'U1', 'q2', '{"a":2}', '2026-12-01T00:00:00.000Z');
    await s.putCard('slack', 'U1', 'q1', '{"a":3}', '2026-11-30T00:00:00.000Z');
    await s.putCard('slack', 'U2', 'q3', '{}', '2026-11-01T00:00:00.000Z');
    expect(await s.getCard('slack', 'U1', 'q1')).toBe('{"a":3}');
    expect(await s.dueCards('slack', 'U1', '2026-12-02T00:00:00.000Z', 10)).toEqual(['q1', 'q2']);
    expect((await s.cardIds('slack', 'U1')).sort()).toEqual(['q1', 'q2']);
  });
});
