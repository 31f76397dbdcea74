// The quiz's chat commands: `quiz daily 09:00 Europe/Berlin weekdays`, `quiz status`, `quiz stop`,
// `quiz leaderboard [week|month|all]`, `quiz me stats`. They are commands, not questions, so they are
// read by their first words before any matching.
import { NO_FACTS, type Reply } from '../reply/reply';
import type { DailyQuiz, Platform } from './daily';
import { parseSchedule, ScheduleError, describeSchedule, localDate } from './schedule';
import { leaderboardTable, periodStart, standings, streak, type Period } from './scores';

export type QuizCommand =
  | { kind: 'daily'; words: string }
  | { kind: 'status' }
  | { kind: 'stop' }
  | { kind: 'leaderboard'; period: Period }
  | { kind: 'stats' };

/** The command in a message, or undefined when the message is not a quiz command. */
export function readQuizCommand(text: string): QuizCommand | undefined {
  if (text.length > 300) return undefined; // a command is short; no pattern runs over a long message
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const t = trimmed.toLowerCase();
  // The schedule keeps its case: time zones are written "Europe/Berlin".
  const daily = /^quiz (?:daily|every day|schedule)\b ?(.*)$/i.exec(trimmed);
  if (daily) return { kind: 'daily', words: daily[1] ?? '' };
  if (/^quiz status\??$/.test(t)) return { kind: 'status' };
  if (/^quiz (stop|off|cancel|unschedule)$/.test(t)) return { kind: 'stop' };
  const board = /^quiz (?:leaderboard|scores|standings)(?: (week|weekly|month|monthly|season|all|all time|all-time))?$/.exec(t);
  if (board) {
    const p = board[1] ?? 'week';
    return { kind: 'leaderboard', period: p.startsWith('week') ? 'week' : p.startsWith('month') || p === 'season' ? 'month' : 'all' };
  }
  if (/^(quiz (me )?stats|my (quiz )?stats|quiz my stats)$/.test(t)) return { kind: 'stats' };
  return undefined;
}

const note = (title: string, summary: string, sections: Reply['sections'] = []): Reply => ({
  kind: 'notice',
  intent: 'quiz',
  title,
  summary,
  sections,
  choices: [],
  sources: [],
  facts: NO_FACTS,
});

export interface QuizCommandContext {
  platform: string;
  /** The channel or conversation to schedule in; undefined where there is none (the console). */
  channel?: string;
  user: string;
  /** The person's own time zone, where the platform says (Slack users.info, Teams' local timestamp). */
  timeZone?: string;
  /** Display names for the leaderboard, where known. */
  nameOf?: (user: string) => string;
}

export async function runQuizCommand(daily: DailyQuiz | undefined, command: QuizCommand, ctx: QuizCommandContext): Promise<Reply> {
  const platform = ctx.platform;
  if (!daily || !ctx.channel || (platform !== 'slack' && platform !== 'teams'))
    return note('Daily quiz', 'The daily quiz runs in Slack and Teams channels: say `quiz daily 09:00 Europe/Berlin weekdays` there. Here, say "quiz me" for a question of your own.');
  const p: Platform = platform;
  switch (command.kind) {
    case 'daily': {
      try {
        const spec = parseSchedule(command.words, ctx.timeZone ?? 'UTC');
        const s = await daily.schedule(p, ctx.channel, spec);
        return note('Daily quiz scheduled', `A question every ${describeSchedule(spec)}, starting ${localDate(new Date(s.nextRunAt), spec.timeZone)}. Answers are private; the answer is revealed ${spec.reveal ? `at ${spec.reveal}` : 'with the next question'}. \`quiz status\` shows it, \`quiz stop\` ends it.`);
      } catch (err) {
        if (err instanceof ScheduleError) return note('Daily quiz not scheduled', err.message);
        throw err;
      }
    }
    case 'status':
      return note('Daily quiz', await daily.status(p, ctx.channel));
    case 'stop':
      return note('Daily quiz', (await daily.stop(p, ctx.channel)) ? 'The daily quiz is stopped here. Scores stay; `quiz daily …` starts it again.' : 'There was no daily quiz here.');
    case 'leaderboard': {
      const store = daily.store;
      const today = localDate(daily.now(), (await store.getSchedule(p, ctx.channel))?.timeZone ?? 'UTC');
      const rows = standings(await store.channelAnswers(p, ctx.channel), periodStart(command.period, today));
      const label = command.period === 'week' ? 'This week' : command.period === 'month' ? `Season ${today.slice(0, 7)}` : 'All time';
      return note(`Quiz leaderboard: ${label.toLowerCase()}`, label, [{ label: 'Standings', text: leaderboardTable(rows, ctx.nameOf) }]);
    }
    case 'stats': {
      const store = daily.store;
      const answers = await store.channelAnswers(p, ctx.channel);
      const mine = standings(answers).find((r) => r.user === ctx.user);
      if (!mine) return note('Your quiz stats', 'You have not answered a daily question here yet.');
      const posts = await store.channelPosts(p, ctx.channel, 366);
      const run = streak(ctx.user, posts, answers);
      return note('Your quiz stats', `${mine.points} points, ${mine.right} of ${mine.answered} right (${Math.round(100 * mine.accuracy)} %), a streak of ${run} ${run === 1 ? 'day' : 'days'}.`);
    }
  }
}
