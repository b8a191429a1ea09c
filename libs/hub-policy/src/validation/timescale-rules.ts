import type { WorkingDuration } from '@app/domain';
import type { CalendarPolicy, HubPolicyDocument } from '../hub-policy.types';
import type { PolicyProblem } from './policy-problem';

/** Positive durations are the schema's rule; here, reminders that come before anything is due. */
export function timescaleProblems(policy: HubPolicyDocument): PolicyProblem[] {
  const { actionReminder, actionDefault } = policy.timescales;
  const lead = leadTimeProblem(actionReminder, actionDefault, policy.calendar);
  return lead ? [{ path: '/timescales/actionReminder', reason: lead }] : [];
}

/**
 * A reminder lead time as long as the timescale itself would remind before (or as) the clock
 * starts. Compared in working minutes (a working day is the hub's working hours); a calendar
 * duration only against another.
 */
export function leadTimeProblem(
  lead: WorkingDuration | null,
  timescale: WorkingDuration | null,
  calendar: CalendarPolicy,
): string | undefined {
  if (lead === null || timescale === null) return undefined;
  const leadMinutes = minutes(lead, calendar);
  const timescaleMinutes = minutes(timescale, calendar);
  const comparable = ('calendarHours' in lead) === ('calendarHours' in timescale);
  if (leadMinutes === undefined || timescaleMinutes === undefined || !comparable) return undefined;
  return leadMinutes < timescaleMinutes ? undefined : 'must be shorter than the timescale it reminds of';
}

function minutes(duration: WorkingDuration, calendar: CalendarPolicy): number | undefined {
  if ('workingHours' in duration) return duration.workingHours * 60;
  if ('calendarHours' in duration) return duration.calendarHours * 60;
  const [start, end] = [calendar.workingHours.start, calendar.workingHours.end].map(toMinutes);
  return end > start ? duration.workingDays * (end - start) : undefined;
}

function toMinutes(time: string): number {
  const [hours, mins] = time.split(':').map(Number);
  return hours * 60 + mins;
}
