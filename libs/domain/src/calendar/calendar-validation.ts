import { IANAZone } from 'luxon';
import { parseIsoDate } from './civil-date';
import type { WorkingDuration } from './working-time.types';

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since local midnight of 'HH:mm'; '24:00' is allowed as an end of day. */
export function parseTimeOfDay(text: unknown, allowMidnightEnd = false): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (allowMidnightEnd && text === '24:00') return 24 * 60;
  const match = HH_MM.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/**
 * Everything wrong with a hub's calendar, one sentence each naming the field; empty when it is
 * usable. Takes `unknown` because policies arrive as JSON: the checks do not trust the type.
 */
export function validateCalendar(calendar: unknown): string[] {
  if (typeof calendar !== 'object' || calendar === null) return ['calendar must be an object'];
  const { timeZone, workingDays, dayStart, dayEnd, holidays } = calendar as Record<string, unknown>;
  const problems: string[] = [];

  // IANAZone.create caches each zone and its validity; isValidZone builds an Intl formatter per call.
  if (typeof timeZone !== 'string' || !IANAZone.create(timeZone).isValid) {
    problems.push(`timeZone: ${JSON.stringify(timeZone)} is not an IANA time zone such as 'Europe/London'`);
  }
  const start = parseTimeOfDay(dayStart);
  const end = parseTimeOfDay(dayEnd, true);
  if (start === undefined) problems.push(`dayStart: ${JSON.stringify(dayStart)} is not a time written HH:mm (00:00 to 23:59)`);
  if (end === undefined) problems.push(`dayEnd: ${JSON.stringify(dayEnd)} is not a time written HH:mm (00:00 to 24:00)`);
  if (start !== undefined && end !== undefined && end <= start) {
    problems.push(`dayEnd: ${String(dayEnd)} must be later than dayStart ${String(dayStart)}`);
  }
  problems.push(...workingDayProblems(workingDays), ...holidayProblems(holidays));
  return problems;
}

function workingDayProblems(workingDays: unknown): string[] {
  if (!Array.isArray(workingDays)) return ['workingDays: must be a list of ISO weekdays (1 = Monday … 7 = Sunday)'];
  if (workingDays.length === 0) return ['workingDays: must name at least one working day'];
  const problems = workingDays
    .filter((day) => !Number.isInteger(day) || day < 1 || day > 7)
    .map((day) => `workingDays: ${JSON.stringify(day)} is not an ISO weekday (1 = Monday … 7 = Sunday)`);
  if (new Set(workingDays).size !== workingDays.length) problems.push('workingDays: a weekday is listed twice');
  return problems;
}

function holidayProblems(holidays: unknown): string[] {
  if (!Array.isArray(holidays)) return ['holidays: must be a list of dates written YYYY-MM-DD'];
  return holidays
    .filter((date) => typeof date !== 'string' || parseIsoDate(date) === undefined)
    .map((date) => `holidays: ${JSON.stringify(date)} is not a real date written YYYY-MM-DD`);
}

/** Everything wrong with a timescale; empty when it is usable. */
export function validateDuration(duration: unknown): string[] {
  if (typeof duration !== 'object' || duration === null) return ['duration must be an object'];
  const keys = Object.keys(duration);
  const units = ['workingHours', 'workingDays', 'calendarHours'];
  if (keys.length !== 1 || !units.includes(keys[0])) {
    return [`duration must have exactly one of ${units.join(', ')}`];
  }
  const [unit] = keys;
  const amount = (duration as Record<string, unknown>)[unit];
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    return [`${unit}: ${shown(amount)} must be a number, zero or more`];
  }
  if (unit === 'workingDays' && !Number.isInteger(amount)) {
    return [`workingDays: ${amount} must be a whole number (use workingHours for part of a day)`];
  }
  return [];
}

/** A value as the policy author wrote it; JSON.stringify would show NaN and Infinity as null. */
function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Throws when the duration is unusable, so a bad policy fails loudly instead of mis-timing. */
export function assertDuration(duration: WorkingDuration): void {
  const problems = validateDuration(duration);
  if (problems.length > 0) throw new RangeError(`invalid working duration: ${problems.join('; ')}`);
}
