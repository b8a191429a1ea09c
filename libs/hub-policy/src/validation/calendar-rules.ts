import { validateCalendar } from '@app/domain';
import type { HubPolicyDocument } from '../hub-policy.types';
import type { PolicyProblem } from './policy-problem';

/**
 * The domain's calendar checks (validateCalendar) on the hub's calendar, each told at the field
 * the hub wrote. validateCalendar's sentences quote the value, so only its field is kept.
 */
const AT_FIELD: Record<string, PolicyProblem> = {
  timeZone: { path: '/calendar/timeZone', reason: "is not an IANA time zone such as 'Europe/London'" },
  dayStart: { path: '/calendar/workingHours/start', reason: 'is not a time written HH:mm (00:00 to 23:59)' },
  dayEnd: { path: '/calendar/workingHours/end', reason: 'must be a time written HH:mm (up to 24:00) later than the start' },
  workingDays: { path: '/calendar/workingDays', reason: 'must list distinct ISO weekdays (1 = Monday … 7 = Sunday)' },
  holidays: { path: '/calendar/localClosures', reason: 'must be real dates written YYYY-MM-DD' },
};

export function calendarProblems({ calendar }: HubPolicyDocument): PolicyProblem[] {
  const problems = validateCalendar({
    timeZone: calendar.timeZone,
    workingDays: calendar.workingDays,
    dayStart: calendar.workingHours.start,
    dayEnd: calendar.workingHours.end,
    holidays: calendar.localClosures.map((closure) => closure.date),
  });
  const fields = new Set(problems.map((problem) => problem.split(':')[0]));
  return [...fields].map((field) => AT_FIELD[field] ?? { path: '/calendar', reason: 'is not a usable working calendar' });
}
