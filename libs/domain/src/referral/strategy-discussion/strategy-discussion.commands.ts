import type { Agency } from '../referral-dataset';
import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';
import type { Absence, Attendee } from './strategy-discussion.events';

export interface ProposedAction {
  actionId: string;
  description: string;
  owningAgency: Agency;
  /** ISO instant; absent: the policy's default action timescale from the discussion. */
  dueAt?: string;
}

export interface RecordStrategyDiscussion {
  type: 'RecordStrategyDiscussion';
  data: {
    referralId: string;
    heldAt: string;
    attendees: Attendee[];
    absences: Absence[];
    decision: string;
    rationale: string;
    actions: ProposedAction[];
    by: Actor;
  };
  metadata: LifecycleMetadata;
}
