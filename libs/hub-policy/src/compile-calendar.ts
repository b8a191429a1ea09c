import { englandAndWalesCalendar, type WorkingCalendar } from '@app/domain';
import type { CalendarPolicy } from './hub-policy.types';

/**
 * The working calendar the clocks run on, compiled as the national default is: the region's
 * bank holidays for the years named (absent: the year of `now` and the next two) plus the
 * hub's closures, under the hub's zone, days and hours.
 */
export function compileCalendar(calendar: CalendarPolicy, now: Date): WorkingCalendar {
  const year = now.getUTCFullYear();
  const years = calendar.bankHolidays.years ?? [year, year + 1, year + 2];
  const withHolidays = englandAndWalesCalendar(years, calendar.localClosures.map((closure) => closure.date));
  return {
    timeZone: calendar.timeZone,
    workingDays: [...calendar.workingDays],
    dayStart: calendar.workingHours.start,
    dayEnd: calendar.workingHours.end,
    holidays: withHolidays.holidays,
  };
}
