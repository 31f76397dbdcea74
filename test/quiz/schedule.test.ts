// Next runs of daily schedules with a controlled clock, across time zones and both daylight-saving
// changes of Europe/Berlin (last Sunday of March and of October).
import { describeSchedule, localDate, nextRun, parseSchedule, previousRun, ScheduleError } from '../../src/quiz/schedule';

const berlin = parseSchedule('09:00 Europe/Berlin');

test('reading a schedule: time, zone, weekdays, defaults', () => {
  expect(parseSchedule('09:00 Europe/Berlin weekdays')).toEqual({ time: '09:00', timeZone: 'Europe/Berlin', weekdays: true });
  expect(parseSchedule('7:05')).toEqual({ time: '07:05', timeZone: 'UTC', weekdays: false });
  expect(parseSchedule('at 16:30 mon-fri', 'America/New_York')).toEqual({ time: '16:30', timeZone: 'America/New_York', weekdays: true });
  expect(describeSchedule(parseSchedule('09:00 Asia/Tokyo weekdays'))).toBe('09:00 Asia/Tokyo, Monday to Friday');
  expect(parseSchedule('09:00 Europe/Berlin reveal 17:00 weekdays')).toEqual({ time: '09:00', timeZone: 'Europe/Berlin', weekdays: true, reveal: '17:00' });
  expect(() => parseSchedule('09:00 Europe/Berlin reveal 08:00')).toThrow(/after the question/);
});

test.each([
  ['no time', 'Europe/Berlin', /24-hour time/],
  ['a time that is not one', '25:00 UTC', /24-hour time/],
  ['an unknown zone', '09:00 Mars/Olympus', /not a time zone I know/],
])('%s is refused with a message that says what to write', (_what, words, message) => {
  expect(() => parseSchedule(words)).toThrow(ScheduleError);
  expect(() => parseSchedule(words)).toThrow(message);
});

test('09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC in summer', () => {
  expect(nextRun(berlin, new Date('2026-01-15T10:00:00Z')).toISOString()).toBe('2026-01-16T08:00:00.000Z');
  expect(nextRun(berlin, new Date('2026-07-15T10:00:00Z')).toISOString()).toBe('2026-07-16T07:00:00.000Z');
});

test('across the March change (29 March 2026, clocks go forward): 09:00 local each day', () => {
  const runs: string[] = [];
  let at = new Date('2026-03-27T12:00:00Z');
  for (let i = 0; i < 4; i++) runs.push((at = nextRun(berlin, at)).toISOString());
  expect(runs).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-03-31T07:00:00.000Z']);
});

test('across the October change (25 October 2026, clocks go back): 09:00 local each day', () => {
  const runs: string[] = [];
  let at = new Date('2026-10-23T12:00:00Z');
  for (let i = 0; i < 4; i++) runs.push((at = nextRun(berlin, at)).toISOString());
  expect(runs).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-10-27T08:00:00.000Z']);
});

test('a time inside the spring gap (02:30 on 29 March does not exist in Berlin) still runs once that day', () => {
  const gap = parseSchedule('02:30 Europe/Berlin');
  const run = nextRun(gap, new Date('2026-03-28T12:00:00Z'));
  expect(localDate(run, 'Europe/Berlin')).toBe('2026-03-29');
  expect(localDate(nextRun(gap, run), 'Europe/Berlin')).toBe('2026-03-30');
});

test('weekdays skip Saturday and Sunday', () => {
  const weekdays = parseSchedule('09:00 Europe/Berlin weekdays');
  const friday = new Date('2026-12-04T09:00:00Z'); // after Friday's 09:00 Berlin
  expect(nextRun(weekdays, friday).toISOString()).toBe('2026-12-07T08:00:00.000Z'); // Monday
});

test('other zones: New York, Tokyo, Kolkata (half-hour offset)', () => {
  expect(nextRun(parseSchedule('09:00 America/New_York'), new Date('2026-11-10T00:00:00Z')).toISOString()).toBe('2026-11-10T14:00:00.000Z');
  expect(nextRun(parseSchedule('09:00 Asia/Tokyo'), new Date('2026-11-10T00:00:00Z')).toISOString()).toBe('2026-11-11T00:00:00.000Z');
  expect(nextRun(parseSchedule('09:00 Asia/Kolkata'), new Date('2026-11-10T00:00:00Z')).toISOString()).toBe('2026-11-10T03:30:00.000Z');
});

test('the local date of an instant depends on the zone', () => {
  const at = new Date('2026-12-01T23:30:00Z');
  expect(localDate(at, 'UTC')).toBe('2026-12-01');
  expect(localDate(at, 'Europe/Berlin')).toBe('2026-12-02');
  expect(localDate(at, 'America/Los_Angeles')).toBe('2026-12-01');
});

test('previousRun: the run due now or last due, for posting late on a missed day', () => {
  expect(previousRun(berlin, new Date('2026-12-02T15:00:00Z'))?.toISOString()).toBe('2026-12-02T08:00:00.000Z');
  expect(previousRun(berlin, new Date('2026-12-02T07:59:00Z'))?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
  expect(previousRun(berlin, new Date('2026-12-02T08:00:00Z'))?.toISOString()).toBe('2026-12-02T08:00:00.000Z');
});
