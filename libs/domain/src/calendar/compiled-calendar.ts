import { isoWeekday, parseIsoDate, type CivilDay } from './civil-date';
import { parseTimeOfDay, validateCalendar } from './calendar-validation';
import type { WorkingCalendar } from './working-time.types';
import { ZonedTime } from './zoned-time';

/** Ten years without a working day means the calendar is broken, not that work is far off. */
const MAX_DAYS_SEARCHED = 3660;

/** Compiled calendars by content: hubs share a handful, and each day's window is then computed once. */
const compiled = new Map<string, CompiledCalendar>();
const MAX_CALENDARS = 64;
const MAX_WINDOWS = 4000;

/**
 * The compiled form of a calendar, reused while its content is unchanged. Keyed by content, not
 * by object, so a policy edited in place is never served stale; the answers are the same with
 * or without the cache, so sharing it between workflows cannot affect replay.
 */
export function compileCalendar(calendar: WorkingCalendar): CompiledCalendar {
  const key = JSON.stringify([calendar.timeZone, calendar.workingDays, calendar.dayStart, calendar.dayEnd, calendar.holidays]);
  let found = compiled.get(key);
  if (!found) {
    found = new CompiledCalendar(calendar);
    if (compiled.size >= MAX_CALENDARS) compiled.clear();
    compiled.set(key, found);
  }
  return found;
}

/** One working day's hours as instants: [start, end). */
export interface WorkingWindow {
  day: CivilDay;
  start: number;
  end: number;
}

/**
 * A WorkingCalendar checked once and turned into day arithmetic over instants (epoch ms).
 * Every question the working-time functions ask goes through here.
 */
export class CompiledCalendar {
  private readonly zone: ZonedTime;
  private readonly weekdays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<CivilDay>;
  private readonly startMs: number;
  private readonly endMs: number;
  /** Each day's window, computed once: the time-zone look-ups are the costly part. */
  private readonly windows = new Map<CivilDay, WorkingWindow>();

  constructor(calendar: WorkingCalendar) {
    const problems = validateCalendar(calendar);
    if (problems.length > 0) throw new RangeError(`invalid working calendar: ${problems.join('; ')}`);
    this.zone = new ZonedTime(calendar.timeZone);
    this.weekdays = new Set(calendar.workingDays);
    this.holidays = new Set(calendar.holidays.map((date) => parseIsoDate(date) as CivilDay));
    this.startMs = (parseTimeOfDay(calendar.dayStart) as number) * 60_000;
    this.endMs = (parseTimeOfDay(calendar.dayEnd, true) as number) * 60_000;
  }

  isWorkingDay(day: CivilDay): boolean {
    return this.weekdays.has(isoWeekday(day)) && !this.holidays.has(day);
  }

  window(day: CivilDay): WorkingWindow {
    let window = this.windows.get(day);
    if (!window) {
      if (this.windows.size >= MAX_WINDOWS) this.windows.clear();
      this.windows.set(day, (window = this.computeWindow(day)));
    }
    return window;
  }

  private computeWindow(day: CivilDay): WorkingWindow {
    const start = this.zone.instantAt(day, this.startMs);
    // A start moved forward out of a DST gap can pass an end just after the gap: empty window.
    return { day, start, end: Math.max(start, this.zone.instantAt(day, this.endMs)) };
  }

  /** The working window `count` working days after (count > 0) or before (count < 0) this one. */
  windowAfter(window: WorkingWindow, count: number): WorkingWindow {
    return this.window(this.stepWorkingDays(window.day, count));
  }

  /** The working window of the instant's local day, if that day is a working day. */
  windowOfDayOf(instant: number): WorkingWindow | undefined {
    const day = this.zone.dayOf(instant);
    return this.isWorkingDay(day) ? this.window(day) : undefined;
  }

  /** The working day `count` working days after (count > 0) or before (count < 0) `day`. */
  stepWorkingDays(day: CivilDay, count: number): CivilDay {
    const direction = Math.sign(count);
    let current = day;
    for (let left = Math.abs(count); left > 0; left--) current = this.adjacentWorkingDay(current, direction);
    return current;
  }

  /** The first working window that ends after the instant (the one it is in, or the next). */
  currentOrNextWindow(instant: number): WorkingWindow {
    const own = this.windowOfDayOf(instant);
    if (own && instant < own.end) return own;
    return this.window(this.adjacentWorkingDay(this.zone.dayOf(instant), 1));
  }

  /** The last working window that starts at or before the instant (the one it is in, or the last). */
  currentOrPreviousWindow(instant: number): WorkingWindow {
    const own = this.windowOfDayOf(instant);
    if (own && own.start <= instant) return own;
    return this.window(this.adjacentWorkingDay(this.zone.dayOf(instant), -1));
  }

  /** The instant at the same local time of day as `instant`, on `day`. */
  sameTimeOn(day: CivilDay, instant: number): number {
    return this.zone.instantAt(day, this.zone.timeOfDayOf(instant));
  }

  private adjacentWorkingDay(day: CivilDay, direction: number): CivilDay {
    for (let step = 1; step <= MAX_DAYS_SEARCHED; step++) {
      const candidate = day + step * direction;
      if (this.isWorkingDay(candidate)) return candidate;
    }
    throw new RangeError(`working calendar has no working day within ${MAX_DAYS_SEARCHED} days of ${day}`);
  }
}
