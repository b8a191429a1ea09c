import { formatIsoDate } from './civil-date';
import { ENGLAND_AND_WALES_CALENDAR_DEFAULTS, easterSunday, englandAndWalesBankHolidays, englandAndWalesCalendar } from './bank-holidays';
import { validateCalendar } from './calendar-validation';

describe('englandAndWalesBankHolidays', () => {
  // From the published gov.uk lists; one-off holidays (2022 jubilee and funeral, 2023
  // coronation) are left out because hubs configure those, and the rule gives the regular ones.
  it.each([
    [2024, ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
    [2028, ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']],
    [2023, ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']],
    [2021, ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28']],
  ])('%d', (year, expected) => {
    expect(englandAndWalesBankHolidays(year)).toEqual(expected);
  });

  it.each([
    ['New Year on a Saturday: Monday 3 January', 2022, '2022-01-03'],
    ['New Year on a Sunday: Monday 2 January', 2023, '2023-01-02'],
    ['Christmas on a Sunday: Boxing Day Monday, Christmas substitute Tuesday', 2022, '2022-12-27'],
    ['Christmas on a Friday: Boxing Day substitute Monday', 2026, '2026-12-28'],
  ])('%s', (_, year, substitute) => {
    expect(englandAndWalesBankHolidays(year)).toContain(substitute);
  });

  it('gives eight holidays, all on weekdays, every year for a century', () => {
    for (let year = 1971; year <= 2071; year++) {
      const days = englandAndWalesBankHolidays(year);
      expect(days).toHaveLength(8);
      for (const day of days) expect([0, 6]).not.toContain(new Date(`${day}T12:00:00Z`).getUTCDay());
    }
  });

  it('refuses years before the 1971 Act and fractional years', () => {
    expect(() => englandAndWalesBankHolidays(1970)).toThrow(/from 1971/);
    expect(() => englandAndWalesBankHolidays(2025.5)).toThrow(RangeError);
  });
});

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'], [2001, '2001-04-15'], [2002, '2002-03-31'], [2003, '2003-04-20'], [2004, '2004-04-11'],
    [2005, '2005-03-27'], [2006, '2006-04-16'], [2007, '2007-04-08'], [2008, '2008-03-23'], [2009, '2009-04-12'],
    [2010, '2010-04-04'], [2011, '2011-04-24'], [2012, '2012-04-08'], [2013, '2013-03-31'], [2014, '2014-04-20'],
    [2015, '2015-04-05'], [2016, '2016-03-27'], [2017, '2017-04-16'], [2018, '2018-04-01'], [2019, '2019-04-21'],
    [2020, '2020-04-12'], [2021, '2021-04-04'], [2022, '2022-04-17'], [2023, '2023-04-09'], [2024, '2024-03-31'],
    [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2028, '2028-04-16'], [2029, '2029-04-01'],
    [2030, '2030-04-21'], [2038, '2038-04-25'], [2285, '2285-03-22'],
  ])('%d: %s', (year, expected) => {
    expect(formatIsoDate(easterSunday(year))).toBe(expected);
  });
});

describe('englandAndWalesCalendar', () => {
  it('is the national default with the years\' bank holidays and the hub\'s own closures, valid', () => {
    const calendar = englandAndWalesCalendar([2026, 2025], ['2025-12-24', '2025-12-25']);
    expect(calendar).toMatchObject({ timeZone: 'Europe/London', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00' });
    expect(calendar.holidays).toHaveLength(17);
    expect(calendar.holidays[0]).toBe('2025-01-01');
    expect(calendar.holidays).toContain('2025-12-24');
    expect(validateCalendar(calendar)).toEqual([]);
  });

  it('gives each calendar its own working-day list, so one hub cannot change the default', () => {
    englandAndWalesCalendar([2025]).workingDays.push(6);
    expect(ENGLAND_AND_WALES_CALENDAR_DEFAULTS.workingDays).toEqual([1, 2, 3, 4, 5]);
  });
});
