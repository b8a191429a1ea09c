import { englandAndWalesCalendar } from './bank-holidays';
import { addWorkingTime, isWorkingTime, nextWorkingInstant, subtractWorkingTime, workingTimeBetween } from './working-time';
import type { WorkingCalendar } from './working-time.types';

/** mulberry32: a small seeded generator, so every run checks the same instants. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = 300;
const random = seeded(20250330);
const between = (low: number, high: number) => low + Math.floor(random() * (high - low));
const START = Date.parse('2024-01-01T00:00:00Z');
const END = Date.parse('2027-12-01T00:00:00Z');
// Whole minutes mostly, some exact milliseconds; a share on the clock-change weekends.
const clockChanges = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25'].map(Date.parse);
const instants = Array.from({ length: SAMPLES }, (_, i) => {
  if (i % 5 === 0) return new Date(clockChanges[i % clockChanges.length] + between(-3 * 86_400_000, 2 * 86_400_000));
  return new Date(i % 3 === 0 ? between(START, END) : Math.floor(between(START, END) / 60_000) * 60_000);
});

const calendars: [string, WorkingCalendar][] = [
  ['England and Wales', englandAndWalesCalendar([2024, 2025, 2026, 2027, 2028])],
  ['a hub open 07:30 to 19:45, Monday to Saturday', { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5, 6], dayStart: '07:30', dayEnd: '19:45', holidays: ['2025-12-25'] }],
  ['a night desk 00:00 to 03:00 (clock changes inside the hours)', { timeZone: 'Europe/London', workingDays: [5, 6, 7], dayStart: '00:00', dayEnd: '03:00', holidays: [] }],
];

/** Working time, or exactly the end of a working day (the instant just before is working time). */
const isWorkingTimeOrDayEnd = (at: Date, calendar: WorkingCalendar) =>
  isWorkingTime(at, calendar) || (isWorkingTime(new Date(at.getTime() - 1), calendar) && !isWorkingTime(at, calendar));

/** The instants where a property fails, described; each test expects none. */
function failures<T>(cases: T[], holds: (value: T) => boolean, describe: (value: T) => string): string[] {
  return cases.filter((value) => !holds(value)).map(describe);
}

const isNonDecreasing = (values: number[]) => values.every((value, i) => i === 0 || value >= values[i - 1]);

describe.each(calendars)('working-time properties: %s', (_, calendar) => {
  it('adding more working hours never gives an earlier due time, and each lands in working time or at a day end', () => {
    const hours = [0, 0.25, 1, 4, 7.5, 8, 13, 40];
    const dues = (from: Date) => hours.map((workingHours) => addWorkingTime(from, { workingHours }, calendar));
    const holds = (from: Date) => {
      const due = dues(from);
      return isNonDecreasing([from.getTime(), ...due.map((d) => d.getTime())]) && due.every((d) => isWorkingTimeOrDayEnd(d, calendar));
    };
    expect(failures(instants, holds, (from) => `${from.toISOString()}: ${dues(from).map((d) => d.toISOString()).join(', ')}`)).toEqual([]);
  });

  it('adding more working days always gives a later due time, and each lands in working time or at a day end', () => {
    const dues = (from: Date) => [0, 1, 2, 3, 5, 10].map((workingDays) => addWorkingTime(from, { workingDays }, calendar));
    const holds = (from: Date) => {
      const due = dues(from).map((d) => d.getTime());
      return due.every((d, i) => i === 0 || d > due[i - 1]) && dues(from).every((d) => isWorkingTimeOrDayEnd(d, calendar));
    };
    expect(failures(instants, holds, (from) => `${from.toISOString()}: ${dues(from).map((d) => d.toISOString()).join(', ')}`)).toEqual([]);
  });

  it('the working time between a start and its due time is exactly the duration asked for', () => {
    const cases = instants.map((from) => ({ from, workingHours: between(0, 4000) / 100 }));
    const measured = ({ from, workingHours }: (typeof cases)[number]) =>
      workingTimeBetween(from, addWorkingTime(from, { workingHours }, calendar), calendar);
    const holds = (c: (typeof cases)[number]) => Math.abs(measured(c) - c.workingHours) < 1e-9;
    expect(failures(cases, holds, (c) => `${c.from.toISOString()} + ${c.workingHours}: measured ${measured(c)}`)).toEqual([]);
  });

  it('a later start never gives an earlier due time', () => {
    const sorted = [...instants].sort((a, b) => a.getTime() - b.getTime());
    const durations = [{ workingHours: 4 }, { workingDays: 1 }, { workingDays: 3 }];
    const holds = (duration: (typeof durations)[number]) => isNonDecreasing(sorted.map((from) => addWorkingTime(from, duration, calendar).getTime()));
    expect(failures(durations, holds, (duration) => JSON.stringify(duration))).toEqual([]);
  });

  it('subtracting working hours from a due time counts back exactly that much working time', () => {
    const cases = instants.map((to) => ({ to, workingHours: between(0, 2000) / 100 }));
    const reminder = ({ to, workingHours }: (typeof cases)[number]) => subtractWorkingTime(to, { workingHours }, calendar);
    const holds = (c: (typeof cases)[number]) =>
      reminder(c) <= c.to && Math.abs(workingTimeBetween(reminder(c), c.to, calendar) - c.workingHours) < 1e-9;
    expect(failures(cases, holds, (c) => `${c.to.toISOString()} - ${c.workingHours}: ${reminder(c).toISOString()}`)).toEqual([]);
  });

  it('the next working instant is working time, with no working time before it', () => {
    const holds = (at: Date) => {
      const next = nextWorkingInstant(at, calendar);
      return isWorkingTime(next, calendar) && workingTimeBetween(at, next, calendar) === 0;
    };
    expect(failures(instants, holds, (at) => `${at.toISOString()}: ${nextWorkingInstant(at, calendar).toISOString()}`)).toEqual([]);
  });
});
