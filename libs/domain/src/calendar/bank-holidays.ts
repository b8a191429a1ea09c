import { civilDay, formatIsoDate, isoWeekday, type CivilDay } from './civil-date';
import type { WorkingCalendar } from './working-time.types';

/**
 * The national default a hub starts from: Europe/London (GMT and British Summer Time),
 * Monday to Friday, 09:00 to 17:00. Holidays are per year, so they are not part of it: use
 * englandAndWalesCalendar, which adds them.
 */
export const ENGLAND_AND_WALES_CALENDAR_DEFAULTS: Readonly<Omit<WorkingCalendar, 'holidays'>> = Object.freeze({
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  dayStart: '09:00',
  dayEnd: '17:00',
});

/**
 * The default calendar with the bank holidays of the given years and a hub's own closures.
 * One-off national holidays (a coronation, a state funeral, a moved May holiday as in 2020)
 * follow no rule: hubs add them to `extraHolidays`, as they do their local closures.
 */
export function englandAndWalesCalendar(years: number[], extraHolidays: string[] = []): WorkingCalendar {
  const holidays = new Set([...years.flatMap(englandAndWalesBankHolidays), ...extraHolidays]);
  return { ...ENGLAND_AND_WALES_CALENDAR_DEFAULTS, workingDays: [...ENGLAND_AND_WALES_CALENDAR_DEFAULTS.workingDays], holidays: [...holidays].sort() };
}

/**
 * The regular bank holidays of England and Wales in a year, by rule (Banking and Financial
 * Dealings Act 1971 and the yearly proclamations), as sorted YYYY-MM-DD dates. When a fixed
 * holiday falls at a weekend the next weekday(s) not already a holiday are substitute days.
 */
export function englandAndWalesBankHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1971) throw new RangeError(`year ${year}: the rules apply from 1971`);
  const easter = easterSunday(year);
  const days: CivilDay[] = [
    ...withSubstitutes([civilDay(year, 1, 1)]),
    easter - 2, // Good Friday
    easter + 1, // Easter Monday
    firstMonday(year, 5), // early May
    lastMonday(year, 5), // spring
    lastMonday(year, 8), // summer
    ...withSubstitutes([civilDay(year, 12, 25), civilDay(year, 12, 26)]),
  ];
  return days.sort((a, b) => a - b).map(formatIsoDate);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CivilDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilDay(year, month, day);
}

/** Each fixed holiday kept if a weekday, else moved to the next weekday not already taken. */
function withSubstitutes(fixed: CivilDay[]): CivilDay[] {
  const taken = new Set(fixed.filter(isWeekday));
  for (const day of fixed.filter((d) => !isWeekday(d))) {
    let substitute = day + 1;
    while (!isWeekday(substitute) || taken.has(substitute)) substitute++;
    taken.add(substitute);
  }
  return [...taken];
}

function isWeekday(day: CivilDay): boolean {
  return isoWeekday(day) <= 5;
}

function firstMonday(year: number, month: number): CivilDay {
  const first = civilDay(year, month, 1);
  return first + ((8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number): CivilDay {
  const last = civilDay(year, month + 1, 0);
  return last - ((isoWeekday(last) + 6) % 7);
}
