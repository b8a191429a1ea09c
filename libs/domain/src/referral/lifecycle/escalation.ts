import type { EscalationRung, LifecyclePolicy } from '../../policy/lifecycle-policy';
import type { Agency } from '../referral-dataset';
import { dueAfter } from './deadlines';
import type { EscalationClock, Notified } from './lifecycle.types';

export const startClock = (dueAt: string): EscalationClock => ({ level: 0, nextAt: dueAt });

/** The rung after `level`: the next one up, or the top one again when it repeats. */
function nextRung(ladder: readonly EscalationRung[], level: number): EscalationRung | undefined {
  const rungs = [...ladder].sort((a, b) => a.level - b.level);
  const higher = rungs.find((rung) => rung.level > level);
  if (higher) return higher;
  const top = rungs[rungs.length - 1];
  return top?.nextRungAfter ? top : undefined;
}

export interface Climb {
  level: number;
  notify: Notified[];
  escalatedAt: string;
  nextEscalationAt: string | null;
}

/**
 * The next step up the ladder, or undefined when it is not due at `now` (a timer set before a
 * re-rating moved the deadline) or the ladder has run out. The next rung is timed from the
 * instant this one was due, not from when the timer happened to fire.
 */
export function climb(clock: EscalationClock, now: Date, policy: LifecyclePolicy, agency?: Agency): Climb | undefined {
  if (!clock.nextAt || now.getTime() < Date.parse(clock.nextAt)) return undefined;
  const rung = nextRung(policy.escalationLadder, clock.level);
  if (!rung) return undefined;
  return {
    level: rung.level,
    notify: rung.notify.map((to) => (to.agencyContact && agency ? { role: to.role, agency } : { role: to.role })),
    escalatedAt: clock.nextAt,
    nextEscalationAt: rung.nextRungAfter ? dueAfter(clock.nextAt, rung.nextRungAfter, policy.calendar) : null,
  };
}
