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
 * A timescale in working time. `workingHours` counts only hours inside working days;
 * `workingDays` means "by the same local time that many working days later" (a referral
 * received out of hours counts from the next working instant).
 */
export type WorkingDuration = { workingHours: number } | { workingDays: number } | { calendarHours: number };
