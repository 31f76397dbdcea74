// Leaderboard, season and streak arithmetic.
import { leaderboardTable, periodStart, postPoints, seasonOf, standings, streak, weekStart } from '../../src/quiz/scores';
import type { ChannelAnswer, QuizPost } from '../../src/store/store';

const answer = (postId: number, localDate: string, user: string, correct: boolean, at: string): ChannelAnswer => ({ postId, localDate, user, correct, choice: correct ? 0 : 1, at });
const post = (id: number, localDate: string, extra: Partial<QuizPost> = {}): QuizPost => ({
  id,
  platform: 'slack',
  channel: 'C1',
  localDate,
  questionId: `q${id}`,
  claimedAt: `${localDate}T08:00:00Z`,
  sentAt: `${localDate}T08:00:01Z`,
  revealedAt: `${localDate}T23:00:00Z`,
  ...extra,
});

test('a right answer is 10 points, the first three right answers get 3, 2 and 1 more; wrong answers 0', () => {
  const points = postPoints([
    answer(1, 'd', 'late', true, 'T4'),
    answer(1, 'd', 'first', true, 'T1'),
    answer(1, 'd', 'wrong', false, 'T0'),
    answer(1, 'd', 'second', true, 'T2'),
    answer(1, 'd', 'third', true, 'T3'),
  ]);
  expect(Object.fromEntries(points)).toEqual({ first: 13, second: 12, third: 11, late: 10, wrong: 0 });
});

test('weeks start on Monday, seasons are calendar months', () => {
  expect(weekStart('2026-12-02')).toBe('2026-11-30'); // a Wednesday
  expect(weekStart('2026-11-30')).toBe('2026-11-30'); // a Monday
  expect(weekStart('2026-12-06')).toBe('2026-11-30'); // a Sunday
  expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across the year
  expect(seasonOf('2026-12-31')).toBe('2026-12');
  expect(periodStart('week', '2026-12-02')).toBe('2026-11-30');
  expect(periodStart('month', '2026-12-02')).toBe('2026-12-01');
  expect(periodStart('all', '2026-12-02')).toBeUndefined();
});

test('standings: points, then right answers; accuracy; the period filters by the post’s local date', () => {
  const all = [
    answer(1, '2026-11-27', 'ana', true, '1'),
    answer(1, '2026-11-27', 'ben', true, '2'),
    answer(2, '2026-11-30', 'ben', true, '1'),
    answer(2, '2026-11-30', 'ana', false, '2'),
    answer(3, '2026-12-01', 'ana', true, '1'),
    answer(3, '2026-12-01', 'cy', false, '2'),
  ];
  expect(standings(all).map((r) => [r.user, r.points, r.right, r.answered])).toEqual([
    ['ana', 26, 2, 3], // 13 (first on post 1) + 0 + 13 (first on post 3)
    ['ben', 25, 2, 2], // 12 (second on post 1) + 13 (first on post 2)
    ['cy', 0, 0, 1],
  ]);
  const week = standings(all, weekStart('2026-12-02'));
  expect(week.map((r) => [r.user, r.points])).toEqual([['ana', 13], ['ben', 13], ['cy', 0]]);
  expect(week.find((r) => r.user === 'ana')!.accuracy).toBeCloseTo(0.5);
});

test('streak: consecutive posts answered right, newest first; today’s open question does not break it', () => {
  const posts = [post(1, '2026-11-26'), post(2, '2026-11-27'), post(3, '2026-11-30'), post(4, '2026-12-01'), post(5, '2026-12-02', { revealedAt: undefined })];
  const answers = [
    answer(1, '2026-11-26', 'ana', false, '1'),
    answer(2, '2026-11-27', 'ana', true, '1'),
    answer(3, '2026-11-30', 'ana', true, '1'), // Friday 27th to Monday 30th: a weekdays schedule, no weekend posts
    answer(4, '2026-12-01', 'ana', true, '1'),
  ];
  expect(streak('ana', posts, answers)).toBe(3);
  expect(streak('ana', posts, [...answers, answer(5, '2026-12-02', 'ana', true, '1')])).toBe(4);
  expect(streak('ana', posts, [...answers, answer(5, '2026-12-02', 'ana', false, '1')])).toBe(0);
  // A revealed post the person skipped ends the streak.
  expect(streak('ana', [...posts.slice(0, 4), post(5, '2026-12-02')], answers)).toBe(0);
  expect(streak('nobody', posts, answers)).toBe(0);
});

test('the leaderboard table lines up', () => {
  const table = leaderboardTable(standings([answer(1, 'd', 'U1', true, '1'), answer(1, 'd', 'U22', false, '2')]), (u) => (u === 'U1' ? 'Ana' : 'Benedikt'));
  expect(table.split('\n')).toEqual([' #  Player    Points    Right', ' 1  Ana           13      1/1', ' 2  Benedikt       0      0/1']);
  expect(leaderboardTable([])).toBe('No answers yet.');
});
