import { englandAndWalesCalendar } from './bank-holidays';
import { validateCalendar, validateDuration } from './calendar-validation';

const good = englandAndWalesCalendar([2025]);

describe('validateCalendar', () => {
  it('accepts the national default', () => {
    expect(validateCalendar(good)).toEqual([]);
  });

  it.each([
    ['a hub open to midnight', { dayStart: '08:00', dayEnd: '24:00' }],
    ['a seven-day hub', { workingDays: [1, 2, 3, 4, 5, 6, 7] }],
    ['no holidays', { holidays: [] }],
    ['another IANA zone', { timeZone: 'Europe/Belfast' }],
  ])('accepts %s', (_, change) => {
    expect(validateCalendar({ ...good, ...change })).toEqual([]);
  });

  it.each([
    ['an unknown zone', { timeZone: 'Europe/Lundon' }, /^timeZone: "Europe\/Lundon" is not an IANA time zone/],
    ['a zone that is not a string', { timeZone: 1 }, /^timeZone: 1 is not/],
    ['a start that is not HH:mm', { dayStart: '9:00' }, /^dayStart: "9:00" is not a time written HH:mm/],
    ['a start of 24:00', { dayStart: '24:00' }, /^dayStart: "24:00" is not/],
    ['an end past midnight', { dayEnd: '24:30' }, /^dayEnd: "24:30" is not/],
    ['minutes out of range', { dayEnd: '17:60' }, /^dayEnd: "17:60" is not/],
    ['an end before the start', { dayStart: '17:00', dayEnd: '09:00' }, /^dayEnd: 09:00 must be later than dayStart 17:00$/],
    ['an end equal to the start', { dayStart: '09:00', dayEnd: '09:00' }, /must be later than dayStart/],
    ['no working days', { workingDays: [] }, /^workingDays: must name at least one working day$/],
    ['a weekday 0', { workingDays: [0, 1] }, /^workingDays: 0 is not an ISO weekday/],
    ['a weekday 8', { workingDays: [1, 8] }, /^workingDays: 8 is not an ISO weekday/],
    ['a weekday as text', { workingDays: ['Mon'] }, /^workingDays: "Mon" is not an ISO weekday/],
    ['a weekday twice', { workingDays: [1, 1, 2] }, /^workingDays: a weekday is listed twice$/],
    ['working days that are not a list', { workingDays: '1-5' }, /^workingDays: must be a list/],
    ['an impossible holiday date', { holidays: ['2025-02-30'] }, /^holidays: "2025-02-30" is not a real date written YYYY-MM-DD$/],
    ['a holiday written another way', { holidays: ['25/12/2025'] }, /^holidays: "25\/12\/2025" is not a real date/],
    ['a holiday with a time', { holidays: ['2025-12-25T00:00'] }, /^holidays: .* is not a real date/],
    ['holidays that are not a list', { holidays: null }, /^holidays: must be a list/],
  ])('refuses %s', (_, change, message) => {
    const problems = validateCalendar({ ...good, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('names every problem at once', () => {
    expect(validateCalendar({ timeZone: 'Mars/Olympus', workingDays: [], dayStart: '9am', dayEnd: '5pm', holidays: ['soon'] })).toHaveLength(5);
  });

  it.each([null, undefined, 'Europe/London', 42])('refuses %p as a calendar', (value) => {
    expect(validateCalendar(value)).toEqual(['calendar must be an object']);
  });
});

describe('validateDuration', () => {
  it.each([[{ workingHours: 4 }], [{ workingHours: 0.5 }], [{ workingDays: 3 }], [{ workingDays: 0 }], [{ calendarHours: 2 }]])('accepts %j', (duration) => {
    expect(validateDuration(duration)).toEqual([]);
  });

  it.each([
    [{ workingHours: -1 }, 'workingHours: -1 must be a number, zero or more'],
    [{ workingHours: '4' }, 'workingHours: "4" must be a number, zero or more'],
    [{ calendarHours: Infinity }, 'calendarHours: Infinity must be a number, zero or more'],
    [{ workingDays: 0.5 }, 'workingDays: 0.5 must be a whole number (use workingHours for part of a day)'],
    [{ hours: 4 }, 'duration must have exactly one of workingHours, workingDays, calendarHours'],
    [null, 'duration must be an object'],
  ])('refuses %j', (duration, message) => {
    expect(validateDuration(duration)).toEqual([message]);
  });
});
