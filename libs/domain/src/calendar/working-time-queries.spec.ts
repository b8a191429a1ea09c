import { london, londonText } from '../testing/calendar/london-time';
import { englandAndWalesCalendar } from './bank-holidays';
import { isWorkingTime, nextWorkingInstant, workingTimeBetween } from './working-time';

const hub = englandAndWalesCalendar([2024, 2025, 2026]);

describe('isWorkingTime', () => {
  it.each([
    ['Mon 2025-01-13 09:00', true, 'the start of the day is working time'],
    ['Mon 2025-01-13 12:30', true, 'midday'],
    ['Mon 2025-01-13 16:59', true, 'the last minute'],
    ['Mon 2025-01-13 17:00', false, 'the end of the day is not (end exclusive)'],
    ['Mon 2025-01-13 08:59', false, 'before the start'],
    ['Tue 2025-01-14 02:00', false, 'night'],
    ['Sat 2025-01-11 12:00', false, 'Saturday'],
    ['Sun 2025-01-12 12:00', false, 'Sunday'],
    ['Fri 2025-04-18 12:00', false, 'Good Friday'],
    ['Mon 2025-04-21 12:00', false, 'Easter Monday'],
    ['Mon 2025-03-31 09:00', true, 'the Monday after the clocks go forward, 09:00 BST'],
    ['Mon 2025-10-27 09:00', true, 'the Monday after the clocks go back, 09:00 GMT'],
  ])('%s: %s (%s)', (at, expected) => {
    expect(isWorkingTime(london(at), hub)).toBe(expected);
  });

  it('reads local time, not UTC: 08:30 UTC in summer is 09:30 in London', () => {
    expect(isWorkingTime(new Date('2025-07-01T08:30:00Z'), hub)).toBe(true);
    expect(isWorkingTime(new Date('2025-07-01T16:30:00Z'), hub)).toBe(false);
    expect(isWorkingTime(new Date('2025-01-14T08:30:00Z'), hub)).toBe(false);
  });
});

describe('nextWorkingInstant', () => {
  it.each([
    ['Mon 2025-01-13 10:00', 'Mon 2025-01-13 10:00'],
    ['Mon 2025-01-13 07:00', 'Mon 2025-01-13 09:00'],
    ['Mon 2025-01-13 17:00', 'Tue 2025-01-14 09:00'],
    ['Fri 2025-01-10 18:00', 'Mon 2025-01-13 09:00'],
    ['Sat 2025-01-11 00:00', 'Mon 2025-01-13 09:00'],
    ['Thu 2025-04-17 17:30', 'Tue 2025-04-22 09:00'],
    ['Wed 2025-12-24 17:00', 'Mon 2025-12-29 09:00'],
    ['Sat 2025-03-29 12:00', 'Mon 2025-03-31 09:00'],
  ])('%s -> %s', (at, expected) => {
    expect(londonText(nextWorkingInstant(london(at), hub))).toBe(expected);
  });
});

describe('workingTimeBetween (working hours)', () => {
  it.each([
    ['Fri 2025-01-10 15:00', 'Mon 2025-01-13 11:00', 4],
    ['Mon 2025-01-13 10:00', 'Mon 2025-01-13 10:00', 0],
    ['Mon 2025-01-13 11:00', 'Mon 2025-01-13 10:00', -1],
    ['Sat 2025-01-11 08:00', 'Sun 2025-01-12 20:00', 0],
    ['Mon 2025-01-13 18:00', 'Tue 2025-01-14 08:00', 0],
    ['Mon 2025-01-13 16:30', 'Tue 2025-01-14 09:15', 0.75],
    ['Thu 2025-04-17 09:00', 'Tue 2025-04-22 17:00', 16],
    ['Fri 2025-03-28 09:00', 'Mon 2025-03-31 17:00', 16],
    ['Fri 2025-10-24 09:00', 'Mon 2025-10-27 17:00', 16],
    ['Mon 2025-01-13 09:00', 'Mon 2025-02-10 09:00', 160],
  ])('%s to %s: %d', (a, b, hours) => {
    expect(workingTimeBetween(london(a), london(b), hub)).toBe(hours);
  });

  it('a whole year: 2025 has 253 working days (261 weekdays less 8 bank holidays)', () => {
    expect(workingTimeBetween(london('Wed 2025-01-01 00:00'), london('Thu 2026-01-01 00:00'), hub)).toBe(253 * 8);
  });
});
