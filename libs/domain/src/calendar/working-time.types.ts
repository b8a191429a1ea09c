/** A hub's working calendar: when its agencies are expected to be at work. */
export interface WorkingCalendar {
  /** IANA zone the hours are in, e.g. 'Europe/London' (British Summer Time included). */
  timeZone: string;
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Start and end of the working day in local time, 'HH:mm' (end exclusive). */
  dayStart: string;
  dayEnd: string;
  /** Local dates (YYYY-MM-DD) that are not working days: bank holidays, closures. */
  holidays: string[];
}

/**
 * A timescale. `workingHours` counts only time inside working hours (fractions allowed);
 * `workingDays` (a whole number) means "by the same local time that many working days later",
 * and a referral received out of hours counts as received at the start of the next working day,
 * which is the first of them: due at the END of the last (Friday 18:00 + 1 working day = Monday
 * 17:00); `calendarHours` is elapsed time around the clock. Rule and reasons: working-time.ts.
 */
export type WorkingDuration = { workingHours: number } | { workingDays: number } | { calendarHours: number };
