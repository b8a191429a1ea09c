import { assertDuration } from './calendar-validation';
import { compileCalendar, type CompiledCalendar } from './compiled-calendar';
import type { WorkingCalendar, WorkingDuration } from './working-time.types';

const MS_PER_HOUR = 3_600_000;

/*
 * Working time is the union of each working day's window [dayStart, dayEnd) in the hub's zone.
 * Working hours are real elapsed time inside those windows.
 *
 * The working-day rule (statutory "within one working day of receipt"):
 * - received inside working hours: due at the same local time that many working days later
 *   (Monday 10:30 + 1 working day = Tuesday 10:30);
 * - received out of hours (evening, night, weekend, bank holiday) or exactly at the start of
 *   the day: counted as received at the start of the next working day, and that day is the
 *   first of the working days, so it is due at the END of the last one (Friday 18:00 + 1
 *   working day = Monday 17:00, not Tuesday 09:00).
 * Both readings give the same amount of working time (Monday 17:00 and Tuesday 09:00 have no
 * working time between them); the end of the day is chosen because it is the reading a
 * practitioner expects ("by close of business Monday") and it never lets the deadline slip
 * past a night the hub could have used to chase. So n working days = n whole working days of
 * working time, landing at a day end rather than on the next morning, and a due time is always
 * inside working hours or exactly at a day end.
 */

/**
 * The instant `duration` of working time after `from`, in the hub's calendar. Pure and
 * deterministic, so a workflow computes the same instant on replay. Time outside working hours
 * does not count: a `from` out of hours counts from the next working instant.
 */
export function addWorkingTime(from: Date, duration: WorkingDuration, calendar: WorkingCalendar): Date {
  assertDuration(duration);
  const cal = compileCalendar(calendar);
  const at = instantOf(from, 'from');
  if ('calendarHours' in duration) return new Date(at + Math.round(duration.calendarHours * MS_PER_HOUR));
  if ('workingHours' in duration) return new Date(addWorkingMs(cal, at, Math.round(duration.workingHours * MS_PER_HOUR)));
  return new Date(addWorkingDays(cal, at, duration.workingDays));
}

/**
 * The instant `duration` of working time before `to`: the mirror of addWorkingTime. A `to` out
 * of hours counts back from the end of the last working day before it; landing exactly on a
 * day's start, the start is kept (not the end of the day before).
 */
export function subtractWorkingTime(to: Date, duration: WorkingDuration, calendar: WorkingCalendar): Date {
  assertDuration(duration);
  const cal = compileCalendar(calendar);
  const at = instantOf(to, 'to');
  if ('calendarHours' in duration) return new Date(at - Math.round(duration.calendarHours * MS_PER_HOUR));
  if ('workingHours' in duration) return new Date(subtractWorkingMs(cal, at, Math.round(duration.workingHours * MS_PER_HOUR)));
  return new Date(subtractWorkingDays(cal, at, duration.workingDays));
}

/**
 * When to remind: `before` ahead of the due time, but never before `notBefore` (the request
 * was made then; a reminder earlier than the request would go out with it or be meaningless).
 * A request made with less than `before` to go is reminded at once.
 */
export function reminderBefore(due: Date, before: WorkingDuration, calendar: WorkingCalendar, notBefore: Date): Date {
  const reminder = subtractWorkingTime(due, before, calendar);
  return reminder.getTime() < instantOf(notBefore, 'notBefore') ? new Date(notBefore.getTime()) : reminder;
}

/** Whether the instant is inside a working day's hours (the day's end itself is not). */
export function isWorkingTime(at: Date, calendar: WorkingCalendar): boolean {
  const instant = instantOf(at, 'at');
  const window = compileCalendar(calendar).windowOfDayOf(instant);
  return window !== undefined && window.start <= instant && instant < window.end;
}

/** `at` itself if it is working time, otherwise the start of the next working day's hours. */
export function nextWorkingInstant(at: Date, calendar: WorkingCalendar): Date {
  const instant = instantOf(at, 'at');
  return new Date(Math.max(instant, compileCalendar(calendar).currentOrNextWindow(instant).start));
}

/**
 * Working hours between two instants (negative when `b` is before `a`), for timeliness
 * measures: a response 2 working hours after the request, whatever the night between.
 */
export function workingTimeBetween(a: Date, b: Date, calendar: WorkingCalendar): number {
  const [from, to] = [instantOf(a, 'a'), instantOf(b, 'b')];
  if (to < from) return -workingTimeBetween(b, a, calendar);
  const cal = compileCalendar(calendar);
  let total = 0;
  for (let window = cal.currentOrNextWindow(from); window.start < to; window = cal.windowAfter(window, 1)) {
    total += Math.max(0, Math.min(to, window.end) - Math.max(from, window.start));
  }
  return total / MS_PER_HOUR;
}

function addWorkingMs(cal: CompiledCalendar, from: number, ms: number): number {
  let window = cal.currentOrNextWindow(from);
  let at = Math.max(from, window.start);
  let left = ms;
  while (left > window.end - at) {
    left -= window.end - at;
    window = cal.windowAfter(window, 1);
    at = window.start;
  }
  return at + left;
}

function subtractWorkingMs(cal: CompiledCalendar, to: number, ms: number): number {
  let window = cal.currentOrPreviousWindow(to);
  let at = Math.min(to, window.end);
  let left = ms;
  while (left > at - window.start) {
    left -= at - window.start;
    window = cal.windowAfter(window, -1);
    at = window.end;
  }
  return at - left;
}

function addWorkingDays(cal: CompiledCalendar, from: number, days: number): number {
  const window = cal.currentOrNextWindow(from);
  const start = Math.max(from, window.start);
  if (days === 0) return start;
  if (start === window.start) return cal.windowAfter(window, days - 1).end;
  return cal.sameTimeOn(cal.stepWorkingDays(window.day, days), start);
}

function subtractWorkingDays(cal: CompiledCalendar, to: number, days: number): number {
  const window = cal.currentOrPreviousWindow(to);
  const end = Math.min(to, window.end);
  if (days === 0) return end;
  if (end === window.end) return cal.windowAfter(window, -(days - 1)).start;
  return cal.sameTimeOn(cal.stepWorkingDays(window.day, -days), end);
}

/** Duck-typed, not `instanceof`: a Date made in another realm (the workflow sandbox) is still a Date. */
function instantOf(date: Date, name: string): number {
  const instant = typeof date?.getTime === 'function' ? date.getTime() : Number.NaN;
  if (Number.isNaN(instant)) throw new RangeError(`${name} must be a valid Date`);
  return instant;
}
