import type { Agency } from '../referral-dataset';
import type { Actor } from '../lifecycle/lifecycle.types';

export interface Attendee {
  agency: Agency;
  name: string;
  role: string;
}

export interface Absence {
  agency: Agency;
  reason: string;
}

export interface AgreedAction {
  actionId: string;
  description: string;
  owningAgency: Agency;
  dueAt: string;
  remindAt: string | null;
}

/** Immediate risk: the referral goes to a strategy discussion without triage. */
export interface StrategyDiscussionScheduled {
  type: 'StrategyDiscussionScheduled';
  data: { referralId: string; reason: 'immediate-risk'; rag: string; scheduledAt: string; dueAt: string; policyVersion: number };
}

export interface StrategyDiscussionHeld {
  type: 'StrategyDiscussionHeld';
  data: {
    referralId: string;
    heldAt: string;
    minutesSinceReferral: number;
    attendees: Attendee[];
    absences: Absence[];
    decision: string;
    rationale: string;
    actions: AgreedAction[];
    by: Actor;
    recordedAt: string;
    policyVersion: number;
  };
}
