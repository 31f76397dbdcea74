// When a channel's daily question is due: "09:00 Europe/Berlin weekdays" as data, its next run from
// croner (a well-kept cron library that knows time zones and daylight-saving changes), and the local
// date a post belongs to, which is what makes "one post per channel per day" a database rule.
import { Cron } from 'croner';

export interface ScheduleSpec {
  /** "HH:MM", 24-hour, in `timeZone`. */
  time: string;
  /** An IANA time zone ("Europe/Berlin"). */
  timeZone: string;
  /** Monday to Friday only. */
  weekdays: boolean;
  /** "HH:MM" the same day when the answer is revealed; without it, the next question reveals it. */
  reveal?: string;
}

export class ScheduleError extends Error {}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Whether the runtime knows the zone (Intl throws a RangeError for an unknown one). */
export function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads "09:00 Europe/Berlin weekdays" (the words after `quiz daily`). The time is required; the zone
 * defaults to `defaultZone` (the person's own, where the platform tells it, else UTC); "weekdays" or
 * "mon-fri" keeps weekends free.
 */
export function parseSchedule(words: string, defaultZone = 'UTC'): ScheduleSpec {
  const parts = words.trim().split(/\s+/).filter(Boolean);
  const timeAt = parts.findIndex((p) => TIME.test(p));
  if (timeAt < 0) throw new ScheduleError('Say when, as a 24-hour time: `quiz daily 09:00 Europe/Berlin weekdays`.');
  const [, h, m] = TIME.exec(parts[timeAt]!)!;
  // "reveal 17:00": the answer that afternoon instead of with the next question.
  const revealAt = parts.findIndex((p, i) => /^reveal(ed)?$/i.test(p) && TIME.test(parts[i + 1] ?? ''));
  const reveal = revealAt >= 0 ? parts[revealAt + 1]!.padStart(5, '0') : undefined;
  if (reveal && reveal <= `${h!.padStart(2, '0')}:${m}`) throw new ScheduleError('The reveal must come after the question, the same day: `quiz daily 09:00 Europe/Berlin reveal 17:00`.');
  const rest = parts.filter((_, i) => i !== timeAt && (revealAt < 0 || (i !== revealAt && i !== revealAt + 1)));
  const weekdays = rest.some((p) => /^(weekdays|mon-fri|monday-friday|workdays)$/i.test(p));
  const zoneWord = rest.find((p) => !/^(weekdays|mon-fri|monday-friday|workdays|daily|every|day|at)$/i.test(p));
  const timeZone = zoneWord ?? defaultZone;
  if (!validTimeZone(timeZone)) throw new ScheduleError(`"${timeZone}" is not a time zone I know. Use an IANA name such as Europe/Berlin or America/New_York.`);
  return { time: `${h!.padStart(2, '0')}:${m}`, timeZone, weekdays, ...(reveal ? { reveal } : {}) };
}

const cronOf = (spec: ScheduleSpec): Cron => {
  const [h, m] = spec.time.split(':').map(Number);
  return new Cron(`${m} ${h} * * ${spec.weekdays ? '1-5' : '*'}`, { timezone: spec.timeZone, paused: true });
};

/** The first run strictly after `after`. */
export function nextRun(spec: ScheduleSpec, after: Date): Date {
  const next = cronOf(spec).nextRun(after);
  if (!next) throw new ScheduleError('that schedule never runs');
  return next;
}

/** The run that is due at `now` or was last due before it (for posting late on a day that was missed). */
export function previousRun(spec: ScheduleSpec, now: Date): Date | undefined {
  // croner looks forward only: step back a week (the longest gap between runs, weekends included) and walk.
  let at = nextRun(spec, new Date(now.getTime() - 8 * 24 * 3600 * 1000));
  let last: Date | undefined;
  while (at.getTime() <= now.getTime()) {
    last = at;
    at = nextRun(spec, at);
  }
  return last;
}

/** The calendar date ("2026-03-29") of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** How a schedule reads to people: "09:00 Europe/Berlin, Monday to Friday". */
export function describeSchedule(spec: ScheduleSpec): string {
  return `${spec.time} ${spec.timeZone}, ${spec.weekdays ? 'Monday to Friday' : 'every day'}${spec.reveal ? `, answer at ${spec.reveal}` : ''}`;
}
