import type { Agency } from '../referral-dataset';
import type { Actor } from '../lifecycle/lifecycle.types';

export interface RagReRated {
  type: 'RagReRated';
  data: { referralId: string; from: string; to: string; rationale: string; by: Actor; reRatedAt: string; policyVersion: number };
}

/** An open request's deadline after a re-rating (and its reminder and first escalation). */
export interface InformationRequestDueTimeMoved {
  type: 'InformationRequestDueTimeMoved';
  data: {
    referralId: string;
    agency: Agency;
    rag: string;
    dueAt: string;
    remindAt: string | null;
    nextEscalationAt: string | null;
    movedAt: string;
    policyVersion: number;
  };
}
