import { addWorkingTime, subtractWorkingTime } from '../../calendar/working-time';
import type { WorkingCalendar, WorkingDuration } from '../../calendar/working-time.types';

/** The ISO instant `duration` of working time after `from`. */
export function dueAfter(from: string, duration: WorkingDuration, calendar: WorkingCalendar): string {
  return addWorkingTime(new Date(from), duration, calendar).toISOString();
}

/**
 * When to remind: `lead` of working time before `dueAt`. Null when there is no lead time or it
 * does not fit after `from` (a reminder sent with the request itself would tell nobody anything).
 */
export function reminderAt(from: string, dueAt: string, lead: WorkingDuration | null, calendar: WorkingCalendar): string | null {
  if (!lead) return null;
  const reminder = subtractWorkingTime(new Date(dueAt), lead, calendar);
  return reminder.getTime() > Date.parse(from) ? reminder.toISOString() : null;
}
