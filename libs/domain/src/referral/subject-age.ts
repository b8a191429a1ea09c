import { ADULT_AGE_BANDS, CHILD_AGE_BANDS, type Subject } from './referral-dataset';

/** Whole years between an ISO date of birth and an instant, by the calendar date in UTC. */
export function ageInYears(dateOfBirth: string, at: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number);
  let age = at.getUTCFullYear() - y;
  const beforeBirthday = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/** Why the subject's age contradicts the subject type, or undefined when it fits. */
export function ageMismatch(subject: Subject, at: Date): { field: string; reason: string } | undefined {
  if (subject.dateOfBirth) {
    const age = ageInYears(subject.dateOfBirth, at);
    if (age < 0) return { field: 'subject.dateOfBirth', reason: 'date of birth is in the future' };
    if (subject.type === 'child' && age >= 18) {
      return { field: 'subject.dateOfBirth', reason: `a child must be under 18; this date of birth gives ${age}` };
    }
    if (subject.type === 'adult' && age < 18) {
      return { field: 'subject.dateOfBirth', reason: `an adult must be 18 or over; this date of birth gives ${age}` };
    }
  }
  if (subject.ageBand) {
    const bands: readonly string[] = subject.type === 'child' ? CHILD_AGE_BANDS : ADULT_AGE_BANDS;
    if (!bands.includes(subject.ageBand)) {
      return { field: 'subject.ageBand', reason: `age band ${subject.ageBand} is not one for a ${subject.type}` };
    }
  }
  return undefined;
}
