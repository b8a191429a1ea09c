import { london, londonText } from '../testing/calendar/london-time';
import { englandAndWalesCalendar } from './bank-holidays';
import { addWorkingTime } from './working-time';
import type { WorkingDuration } from './working-time.types';

// England and Wales defaults (Mon–Fri 09:00–17:00 Europe/London) with the bank holidays.
const hub = englandAndWalesCalendar([2024, 2025, 2026, 2027, 2028]);

const due = (from: string, duration: WorkingDuration) => londonText(addWorkingTime(london(from), duration, hub));

describe('addWorkingTime in working hours', () => {
  it.each([
    ['inside one day', 'Mon 2025-01-13 10:00', 4, 'Mon 2025-01-13 14:00'],
    ['ending exactly at the end of the day stays at the day end', 'Mon 2025-01-13 13:00', 4, 'Mon 2025-01-13 17:00'],
    ['overnight', 'Mon 2025-01-13 14:00', 4, 'Tue 2025-01-14 10:00'],
    ['a whole day from the start', 'Mon 2025-01-13 09:00', 8, 'Mon 2025-01-13 17:00'],
    ['a working week', 'Mon 2025-01-13 09:00', 40, 'Fri 2025-01-17 17:00'],
    ['half an hour across the night', 'Mon 2025-01-13 16:45', 0.5, 'Tue 2025-01-14 09:15'],
    ['Friday afternoon to Monday morning', 'Fri 2025-01-10 15:00', 4, 'Mon 2025-01-13 11:00'],
    ['received Friday evening', 'Fri 2025-01-10 18:00', 4, 'Mon 2025-01-13 13:00'],
    ['received at the end of the day', 'Fri 2025-01-10 17:00', 4, 'Mon 2025-01-13 13:00'],
    ['received on Saturday', 'Sat 2025-01-11 12:00', 4, 'Mon 2025-01-13 13:00'],
    ['received late Sunday night', 'Sun 2025-01-12 23:59', 4, 'Mon 2025-01-13 13:00'],
    ['received in the small hours', 'Mon 2025-01-13 03:00', 4, 'Mon 2025-01-13 13:00'],
    ['received a minute before the day starts', 'Mon 2025-01-13 08:59', 1, 'Mon 2025-01-13 10:00'],
    ['nothing to add, out of hours: the next working instant', 'Sat 2025-01-11 12:00', 0, 'Mon 2025-01-13 09:00'],
    ['nothing to add, in hours: unchanged', 'Wed 2025-01-15 11:11', 0, 'Wed 2025-01-15 11:11'],
    ['over Easter (Good Friday and Easter Monday)', 'Thu 2025-04-17 15:00', 4, 'Tue 2025-04-22 11:00'],
    ['received on Good Friday', 'Fri 2025-04-18 10:00', 4, 'Tue 2025-04-22 13:00'],
    ['over Christmas and Boxing Day and a weekend', 'Wed 2025-12-24 16:00', 4, 'Mon 2025-12-29 12:00'],
    ["over New Year's Day", 'Wed 2025-12-31 16:00', 2, 'Fri 2026-01-02 10:00'],
    ['over the 2026 Boxing Day substitute (Mon 28 Dec)', 'Thu 2026-12-24 16:00', 2, 'Tue 2026-12-29 10:00'],
    ['over the 2027 Christmas substitutes (Mon 27 and Tue 28 Dec)', 'Fri 2027-12-24 16:00', 2, 'Wed 2027-12-29 10:00'],
    ['over the early May bank holiday', 'Fri 2025-05-02 13:00', 8, 'Tue 2025-05-06 13:00'],
    ['over the summer bank holiday', 'Fri 2025-08-22 16:30', 1, 'Tue 2025-08-26 09:30'],
    ['over the spring clock change (GMT to BST)', 'Fri 2025-03-28 15:00', 4, 'Mon 2025-03-31 11:00'],
    ['over the autumn clock change (BST to GMT)', 'Fri 2025-10-24 15:00', 4, 'Mon 2025-10-27 11:00'],
    ['received on the Sunday the clocks go forward', 'Sun 2025-03-30 02:30', 1, 'Mon 2025-03-31 10:00'],
    ['received on the Sunday the clocks go back', 'Sun 2025-10-26 03:00', 1, 'Mon 2025-10-27 10:00'],
  ])('%s: %s + %d working hours = %s', (_, from, hours, expected) => {
    expect(due(from, { workingHours: hours })).toBe(expected);
  });

  it('counts to the millisecond', () => {
    expect(due('Mon 2025-01-13 16:59', { workingHours: 1 / 60 + 0.5 / 3600 })).toBe('Tue 2025-01-14 09:00:00.500');
  });
});

describe('addWorkingTime in working days', () => {
  it.each([
    ['in hours: same time next working day', 'Mon 2025-01-13 10:30', 1, 'Tue 2025-01-14 10:30'],
    ['in hours, last minute of the day', 'Mon 2025-01-13 16:59', 1, 'Tue 2025-01-14 16:59'],
    ['at the start of the day: the end of that day', 'Mon 2025-01-13 09:00', 1, 'Mon 2025-01-13 17:00'],
    ['before the start of the day: the end of that day', 'Mon 2025-01-13 08:00', 1, 'Mon 2025-01-13 17:00'],
    ['in the small hours: the end of that day', 'Mon 2025-01-13 02:00', 1, 'Mon 2025-01-13 17:00'],
    ['Friday afternoon: Monday at the same time', 'Fri 2025-01-10 16:00', 1, 'Mon 2025-01-13 16:00'],
    ['Friday at the end of the day: Monday end of day', 'Fri 2025-01-10 17:00', 1, 'Mon 2025-01-13 17:00'],
    ['Friday evening: Monday end of day', 'Fri 2025-01-10 18:00', 1, 'Mon 2025-01-13 17:00'],
    ['Saturday: Monday end of day', 'Sat 2025-01-11 10:00', 1, 'Mon 2025-01-13 17:00'],
    ['Sunday night: Monday end of day', 'Sun 2025-01-12 22:00', 1, 'Mon 2025-01-13 17:00'],
    ['three days in hours', 'Mon 2025-01-13 10:30', 3, 'Thu 2025-01-16 10:30'],
    ['three days over a weekend', 'Thu 2025-01-16 14:00', 3, 'Tue 2025-01-21 14:00'],
    ['three days from Friday evening', 'Fri 2025-01-10 18:00', 3, 'Wed 2025-01-15 17:00'],
    ['three days across Easter', 'Wed 2025-04-16 14:00', 3, 'Wed 2025-04-23 14:00'],
    ['three days from Maundy Thursday', 'Thu 2025-04-17 10:00', 3, 'Thu 2025-04-24 10:00'],
    ['received on Good Friday', 'Fri 2025-04-18 11:00', 1, 'Tue 2025-04-22 17:00'],
    ['received on Christmas Eve 2026 (28 Dec is the Boxing Day substitute)', 'Thu 2026-12-24 12:00', 1, 'Tue 2026-12-29 12:00'],
    ['over the spring clock change: same local time', 'Fri 2025-03-28 10:30', 1, 'Mon 2025-03-31 10:30'],
    ['over the autumn clock change: same local time', 'Fri 2025-10-24 10:30', 1, 'Mon 2025-10-27 10:30'],
    ['received the night the clocks go back', 'Sun 2025-10-26 00:30', 1, 'Mon 2025-10-27 17:00'],
    ['zero days, out of hours: the next working instant', 'Sat 2025-01-11 10:00', 0, 'Mon 2025-01-13 09:00'],
    ['zero days, in hours: unchanged', 'Tue 2025-01-14 12:00', 0, 'Tue 2025-01-14 12:00'],
    ['ten days', 'Mon 2025-01-13 12:00', 10, 'Mon 2025-01-27 12:00'],
  ])('%s: %s + %d working days = %s', (_, from, days, expected) => {
    expect(due(from, { workingDays: days })).toBe(expected);
  });
});

describe('addWorkingTime in calendar hours (timescales around the clock)', () => {
  it.each([
    ['Friday evening', 'Fri 2025-01-10 18:00', 2, 'Fri 2025-01-10 20:00'],
    ['across midnight on a Saturday', 'Sat 2025-01-11 23:00', 2, 'Sun 2025-01-12 01:00'],
    ['on a bank holiday', 'Fri 2025-04-18 10:00', 2, 'Fri 2025-04-18 12:00'],
    ['a day', 'Mon 2025-01-13 10:00', 24, 'Tue 2025-01-14 10:00'],
    ['a quarter of an hour', 'Mon 2025-01-13 10:00', 0.25, 'Mon 2025-01-13 10:15'],
    ['spring clock change: 2 elapsed hours show as 3 on the clock', 'Sun 2025-03-30 00:30', 2, 'Sun 2025-03-30 03:30'],
  ])('%s: %s + %d hours = %s', (_, from, hours, expected) => {
    expect(due(from, { calendarHours: hours })).toBe(expected);
  });

  it('autumn clock change: 2 elapsed hours show as 1 on the clock', () => {
    const from = new Date('2025-10-25T23:30:00Z'); // 00:30 BST
    expect(addWorkingTime(from, { calendarHours: 2 }, hub).toISOString()).toBe('2025-10-26T01:30:00.000Z'); // 01:30 GMT
  });
});

describe('addWorkingTime: the typical information-request timescales for one referral', () => {
  // Received Friday 14:30: red 4 working hours, amber 1 working day, green 3 working days.
  it.each([
    ['red', { workingHours: 4 }, 'Mon 2025-01-13 10:30'],
    ['amber', { workingDays: 1 }, 'Mon 2025-01-13 14:30'],
    ['green', { workingDays: 3 }, 'Wed 2025-01-15 14:30'],
    ['red around the clock', { calendarHours: 2 }, 'Fri 2025-01-10 16:30'],
  ] as const)('%s', (_, duration: WorkingDuration, expected) => {
    expect(due('Fri 2025-01-10 14:30', duration)).toBe(expected);
  });
});

describe('addWorkingTime with other hub calendars', () => {
  it('a hub open Monday to Saturday, 08:00 to 20:00, with a local closure', () => {
    const sixDays = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5, 6], dayStart: '08:00', dayEnd: '20:00', holidays: ['2025-01-11'] };
    expect(londonText(addWorkingTime(london('Fri 2025-01-10 19:00'), { workingHours: 2 }, sixDays))).toBe('Mon 2025-01-13 09:00');
    expect(londonText(addWorkingTime(london('Fri 2025-01-17 19:00'), { workingHours: 2 }, sixDays))).toBe('Sat 2025-01-18 09:00');
  });

  it('a hub open around the clock: working hours are elapsed hours, even over the clock changes', () => {
    const always = { timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5, 6, 7], dayStart: '00:00', dayEnd: '24:00', holidays: [] };
    for (const from of ['2025-03-29T22:15:00Z', '2025-10-25T21:45:00Z', '2025-06-01T00:00:00Z']) {
      const start = new Date(from);
      for (const hours of [1, 2, 5, 24, 49]) {
        expect(addWorkingTime(start, { workingHours: hours }, always)).toEqual(addWorkingTime(start, { calendarHours: hours }, always));
      }
    }
  });

  it('a hub in another zone counts its own local hours', () => {
    const newYork = { timeZone: 'America/New_York', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00', holidays: [] };
    // Friday 15:00 EST is 20:00Z; 4 working hours is Monday 11:00 EST, 16:00Z.
    expect(addWorkingTime(new Date('2025-01-10T20:00:00Z'), { workingHours: 4 }, newYork).toISOString()).toBe('2025-01-13T16:00:00.000Z');
  });
});

describe('addWorkingTime refuses what it cannot time', () => {
  it.each([
    [{ workingHours: -1 }, /workingHours: -1 must be a number, zero or more/],
    [{ workingDays: 1.5 }, /workingDays: 1.5 must be a whole number/],
    [{ calendarHours: Number.NaN }, /calendarHours: NaN must be a number/],
    [{}, /exactly one of workingHours, workingDays, calendarHours/],
    [{ workingHours: 1, workingDays: 1 }, /exactly one of/],
  ])('duration %j', (duration, message) => {
    expect(() => addWorkingTime(london('Mon 2025-01-13 10:00'), duration as WorkingDuration, hub)).toThrow(message);
  });

  it('an invalid date', () => {
    expect(() => addWorkingTime(new Date('nonsense'), { workingHours: 1 }, hub)).toThrow('from must be a valid Date');
  });

  it('an invalid calendar, with every problem named', () => {
    const broken = { ...hub, timeZone: 'Europe/Lundon', workingDays: [] };
    expect(() => addWorkingTime(london('Mon 2025-01-13 10:00'), { workingHours: 1 }, broken)).toThrow(
      /invalid working calendar: timeZone: .*; workingDays: must name at least one working day/,
    );
  });

  it('a calendar whose every day is a holiday, instead of looping for ever', () => {
    const closed = { ...hub, workingDays: [6], holidays: [] as string[] };
    for (let day = 0; day < 3700; day++) closed.holidays.push(new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10));
    expect(() => addWorkingTime(london('Mon 2025-01-13 10:00'), { workingHours: 1 }, closed)).toThrow(/no working day within 3660 days/);
  });
});
