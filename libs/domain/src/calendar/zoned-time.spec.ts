import { civilDay } from './civil-date';
import { ZonedTime } from './zoned-time';

const london = new ZonedTime('Europe/London');
const HOUR = 3_600_000;
const iso = (instant: number) => new Date(instant).toISOString();

describe('ZonedTime (Europe/London)', () => {
  it.each([
    ['winter: GMT', civilDay(2025, 1, 13), 9, '2025-01-13T09:00:00.000Z'],
    ['summer: BST', civilDay(2025, 7, 1), 9, '2025-07-01T08:00:00.000Z'],
    ['the day the clocks go forward, before the change', civilDay(2025, 3, 30), 0.5, '2025-03-30T00:30:00.000Z'],
    ['the day the clocks go forward, after the change', civilDay(2025, 3, 30), 3, '2025-03-30T02:00:00.000Z'],
    ['the day the clocks go back, after the change', civilDay(2025, 10, 26), 3, '2025-10-26T03:00:00.000Z'],
    ['midnight at the end of the day (24:00) is the next midnight', civilDay(2025, 3, 30), 24, '2025-03-30T23:00:00.000Z'],
  ])('%s', (_, day, hour, expected) => {
    expect(iso(london.instantAt(day, hour * HOUR))).toBe(expected);
  });

  it('a time the clocks skip (01:30 on the last Sunday of March) is moved forward by the gap: 02:30 BST', () => {
    expect(iso(london.instantAt(civilDay(2025, 3, 30), 1.5 * HOUR))).toBe('2025-03-30T01:30:00.000Z');
  });

  it('a time that happens twice (01:30 on the last Sunday of October) is its first occurrence, in BST', () => {
    expect(iso(london.instantAt(civilDay(2025, 10, 26), 1.5 * HOUR))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('reads local date and time of an instant', () => {
    const secondOneThirty = Date.parse('2025-10-26T01:30:00Z'); // 01:30 GMT, the repeat
    expect(london.dayOf(secondOneThirty)).toBe(civilDay(2025, 10, 26));
    expect(london.timeOfDayOf(secondOneThirty)).toBe(1.5 * HOUR);
    expect(london.dayOf(Date.parse('2025-06-30T23:30:00Z'))).toBe(civilDay(2025, 7, 1));
    expect(london.timeOfDayOf(Date.parse('2025-06-30T23:30:00Z'))).toBe(0.5 * HOUR);
  });

  it('round-trips every quarter hour of a year that exists exactly once', () => {
    for (let instant = Date.parse('2025-01-01T00:00:00Z'); instant < Date.parse('2026-01-01T00:00:00Z'); instant += HOUR / 4) {
      const back = london.instantAt(london.dayOf(instant), london.timeOfDayOf(instant));
      const repeated = instant >= Date.parse('2025-10-26T01:00:00Z') && instant < Date.parse('2025-10-26T02:00:00Z');
      expect(back).toBe(repeated ? instant - HOUR : instant);
    }
  });

  it('refuses an unknown zone', () => {
    expect(() => new ZonedTime('Europe/Lundon')).toThrow("unknown time zone 'Europe/Lundon'");
  });
});

describe('ZonedTime elsewhere', () => {
  it('handles a zone whose clocks change at midnight (America/Santiago, 2025-09-07: 00:00 does not exist)', () => {
    const santiago = new ZonedTime('America/Santiago');
    // 00:00 local is skipped (clocks go from 00:00 -04 to 01:00 -03): moved to 01:00 -03, 04:00Z.
    expect(iso(santiago.instantAt(civilDay(2025, 9, 7), 0))).toBe('2025-09-07T04:00:00.000Z');
  });

  it('handles a zone south of the equator and a half-hour offset', () => {
    expect(iso(new ZonedTime('Australia/Adelaide').instantAt(civilDay(2025, 1, 13), 9 * HOUR))).toBe('2025-01-12T22:30:00.000Z');
  });
});
