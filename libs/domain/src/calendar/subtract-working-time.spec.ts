import { london, londonText } from '../testing/calendar/london-time';
import { englandAndWalesCalendar } from './bank-holidays';
import { addWorkingTime, reminderBefore, subtractWorkingTime } from './working-time';
import type { WorkingDuration } from './working-time.types';

const hub = englandAndWalesCalendar([2024, 2025, 2026]);

describe('subtractWorkingTime', () => {
  it.each([
    ['an hour inside the day', 'Mon 2025-01-13 11:00', { workingHours: 1 }, 'Mon 2025-01-13 10:00'],
    ['back over the weekend', 'Mon 2025-01-13 10:00', { workingHours: 2 }, 'Fri 2025-01-10 16:00'],
    ['from the start of the day', 'Mon 2025-01-13 09:00', { workingHours: 1 }, 'Fri 2025-01-10 16:00'],
    ['from a Saturday: counts back from Friday end of day', 'Sat 2025-01-11 12:00', { workingHours: 1 }, 'Fri 2025-01-10 16:00'],
    ['landing on the start of a day keeps the start', 'Mon 2025-01-13 17:00', { workingHours: 8 }, 'Mon 2025-01-13 09:00'],
    ['back over Easter', 'Tue 2025-04-22 11:00', { workingHours: 4 }, 'Thu 2025-04-17 15:00'],
    ['back over the spring clock change', 'Mon 2025-03-31 11:00', { workingHours: 4 }, 'Fri 2025-03-28 15:00'],
    ['a working day, in hours', 'Tue 2025-01-14 10:30', { workingDays: 1 }, 'Mon 2025-01-13 10:30'],
    ['a working day from the end of the day: that day\'s start', 'Mon 2025-01-13 17:00', { workingDays: 1 }, 'Mon 2025-01-13 09:00'],
    ['a working day over the weekend', 'Mon 2025-01-13 10:00', { workingDays: 1 }, 'Fri 2025-01-10 10:00'],
    ['a working day from a Saturday', 'Sat 2025-01-11 12:00', { workingDays: 1 }, 'Fri 2025-01-10 09:00'],
    ['three working days back over Easter', 'Wed 2025-04-23 14:00', { workingDays: 3 }, 'Wed 2025-04-16 14:00'],
    ['calendar hours ignore the working day', 'Mon 2025-01-13 01:00', { calendarHours: 2 }, 'Sun 2025-01-12 23:00'],
  ] as const)('%s: %s - %j = %s', (_, to, duration: WorkingDuration, expected) => {
    expect(londonText(subtractWorkingTime(london(to), duration, hub))).toBe(expected);
  });

  it.each([
    ['Fri 2025-01-10 15:00', { workingHours: 4 }],
    ['Mon 2025-01-13 10:30', { workingDays: 1 }],
    ['Wed 2025-04-16 14:00', { workingDays: 3 }],
    ['Thu 2025-04-17 15:00', { workingHours: 13.5 }],
  ] as const)('undoes addWorkingTime from working time: %s, %j', (from, duration: WorkingDuration) => {
    const due = addWorkingTime(london(from), duration, hub);
    expect(londonText(subtractWorkingTime(due, duration, hub))).toBe(from);
  });
});

describe('reminderBefore', () => {
  const requested = london('Fri 2025-01-10 15:00');

  it.each([
    ['an hour before a red deadline', 'Mon 2025-01-13 11:00', { workingHours: 1 }, 'Mon 2025-01-13 10:00'],
    ['two hours before: back into Friday', 'Mon 2025-01-13 11:00', { workingHours: 3 }, 'Fri 2025-01-10 16:00'],
    ['before the request was made: clamped to the request', 'Mon 2025-01-13 11:00', { workingHours: 6 }, 'Fri 2025-01-10 15:00'],
    ['a working day before a three-day deadline', 'Wed 2025-01-15 15:00', { workingDays: 1 }, 'Tue 2025-01-14 15:00'],
    ['calendar hours before, clamped', 'Fri 2025-01-10 16:00', { calendarHours: 2 }, 'Fri 2025-01-10 15:00'],
  ] as const)('%s', (_, due, before: WorkingDuration, expected) => {
    expect(londonText(reminderBefore(london(due), before, hub, requested))).toBe(expected);
  });

  it('amber: received Monday 10:30, due Tuesday 10:30, reminded 2 working hours before', () => {
    const received = london('Mon 2025-01-13 10:30');
    const due = addWorkingTime(received, { workingDays: 1 }, hub);
    expect(londonText(due)).toBe('Tue 2025-01-14 10:30');
    expect(londonText(reminderBefore(due, { workingHours: 2 }, hub, received))).toBe('Mon 2025-01-13 16:30');
  });

  it('is never earlier than notBefore, even for a due time before it', () => {
    expect(londonText(reminderBefore(london('Fri 2025-01-10 12:00'), { workingHours: 1 }, hub, requested))).toBe('Fri 2025-01-10 15:00');
  });

  it('returns a new Date, not the caller\'s notBefore', () => {
    const reminder = reminderBefore(london('Mon 2025-01-13 11:00'), { workingHours: 6 }, hub, requested);
    expect(reminder).toEqual(requested);
    expect(reminder).not.toBe(requested);
  });
});
