import type { LifecyclePolicy } from '../../policy/lifecycle-policy';
import type { Agency } from '../referral-dataset';

/** Who did it, for which agency: on every command a person sends and on the event it gives. */
export interface Actor {
  userId: string;
  agency: Agency;
}

/** Time and the hub policy in force arrive with the command; the rules read no clock. */
export interface LifecycleMetadata {
  now: Date;
  policy: LifecyclePolicy;
}

/** Who an escalation notifies: a role, and the agency whose contact it is where there is one. */
export interface Notified {
  role: string;
  agency?: Agency;
}

/** Where an escalation stands: the rung reached (0: none yet) and when the next is due. */
export interface EscalationClock {
  level: number;
  nextAt: string | null;
}
