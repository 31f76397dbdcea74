// Points, streaks and leaderboards of a channel's daily quiz, worked out from the answers themselves
// (nothing is stored twice, so nothing can drift): 10 points for a right answer, a bonus for the first
// three right answers to a post, a streak of scheduled days answered right, monthly seasons.
import type { ChannelAnswer, QuizAnswer, QuizPost } from '../store/store';

export const POINTS_RIGHT = 10;
/** Extra points for the first, second and third right answers to a post. */
export const FIRST_BONUS = [3, 2, 1] as const;

export type Period = 'week' | 'month' | 'all';

/** Points each person got on one post: right answers in the order they came (ties by user id). */
export function postPoints(answers: readonly QuizAnswer[]): Map<string, number> {
  const points = new Map<string, number>();
  const right = answers.filter((a) => a.correct).sort((a, b) => (a.at === b.at ? a.user.localeCompare(b.user) : a.at.localeCompare(b.at)));
  right.forEach((a, rank) => points.set(a.user, POINTS_RIGHT + (FIRST_BONUS[rank] ?? 0)));
  for (const a of answers) if (!points.has(a.user)) points.set(a.user, 0);
  return points;
}

/** "2026-12-02" → the Monday of its ISO week. */
export function weekStart(localDate: string): string {
  const d = new Date(`${localDate}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}

/** The season a local date belongs to: its calendar month, "2026-12". */
export const seasonOf = (localDate: string): string => localDate.slice(0, 7);

/** The first local date a period covers, counted from `today` (a local date); undefined for all time. */
export function periodStart(period: Period, today: string): string | undefined {
  if (period === 'week') return weekStart(today);
  if (period === 'month') return `${seasonOf(today)}-01`;
  return undefined;
}

export interface Standing {
  user: string;
  points: number;
  answered: number;
  right: number;
  /** Right answers over answered, 0–1. */
  accuracy: number;
}

/** A leaderboard from a channel's answers in a period: most points first, then more right, then user id. */
export function standings(answers: readonly ChannelAnswer[], since?: string): Standing[] {
  const inPeriod = since ? answers.filter((a) => a.localDate >= since) : answers;
  const byPost = new Map<number, QuizAnswer[]>();
  for (const a of inPeriod) {
    const list = byPost.get(a.postId);
    if (list) list.push(a);
    else byPost.set(a.postId, [a]);
  }
  const rows = new Map<string, Standing>();
  for (const post of byPost.values())
    for (const [user, points] of postPoints(post)) {
      const row = rows.get(user) ?? { user, points: 0, answered: 0, right: 0, accuracy: 0 };
      row.points += points;
      row.answered += 1;
      if (points > 0) row.right += 1;
      rows.set(user, row);
    }
  for (const row of rows.values()) row.accuracy = row.answered ? row.right / row.answered : 0;
  return [...rows.values()].sort((a, b) => b.points - a.points || b.right - a.right || a.user.localeCompare(b.user));
}

/**
 * How many of the channel's latest posts in a row the person answered right. The posts are the
 * scheduled days (a weekdays-only schedule has no weekend posts, so weekends never break a streak);
 * the newest post does not break it while it is still open (not revealed and not answered yet).
 */
export function streak(user: string, posts: readonly QuizPost[], answers: readonly ChannelAnswer[]): number {
  const mine = new Map(answers.filter((a) => a.user === user).map((a) => [a.postId, a]));
  const sent = posts.filter((p) => p.sentAt).sort((a, b) => b.localDate.localeCompare(a.localDate));
  let count = 0;
  for (const [i, p] of sent.entries()) {
    const a = mine.get(p.id);
    if (!a && i === 0 && !p.revealedAt) continue; // today's question, still open
    if (!a?.correct) break;
    count++;
  }
  return count;
}

/** A leaderboard as a tidy monospace table (chat apps show it in a code block). */
export function leaderboardTable(rows: readonly Standing[], nameOf: (user: string) => string = (u) => u, limit = 10): string {
  if (rows.length === 0) return 'No answers yet.';
  const shown = rows.slice(0, limit);
  const names = shown.map((r) => nameOf(r.user).slice(0, 24));
  const width = Math.max(6, ...names.map((n) => n.length));
  const lines = [`${'#'.padStart(2)}  ${'Player'.padEnd(width)}  ${'Points'.padStart(6)}  ${'Right'.padStart(7)}`];
  shown.forEach((r, i) => lines.push(`${String(i + 1).padStart(2)}  ${names[i]!.padEnd(width)}  ${String(r.points).padStart(6)}  ${`${r.right}/${r.answered}`.padStart(7)}`));
  return lines.join('\n');
}
