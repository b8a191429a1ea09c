import type { Agency } from '../referral-dataset';
import type { Actor, Notified } from '../lifecycle/lifecycle.types';
import type { RecordedSharing } from './sharing-decision';

export interface InformationRequested {
  type: 'InformationRequested';
  data: {
    referralId: string;
    agency: Agency;
    rag: string;
    requestedAt: string;
    dueAt: string;
    remindAt: string | null;
    policyVersion: number;
  };
}

export interface InformationRequestReminded {
  type: 'InformationRequestReminded';
  data: { referralId: string; agency: Agency; remindedAt: string; dueAt: string; policyVersion: number };
}

export interface InformationRequestEscalated {
  type: 'InformationRequestEscalated';
  data: {
    referralId: string;
    agency: Agency;
    level: number;
    notify: Notified[];
    escalatedAt: string;
    nextEscalationAt: string | null;
    policyVersion: number;
  };
}

export interface InformationProvided {
  type: 'InformationProvided';
  data: {
    referralId: string;
    agency: Agency;
    responseId: string;
    by: Actor;
    /** What the agency shared; absent when it held information but did not share it. */
    summary?: string;
    /** Since schema v2 always present: v1 responses (before sharing decisions) read as SHARING_NOT_RECORDED. */
    sharing: RecordedSharing;
    providedAt: string;
    dueAt: string;
    late: boolean;
    /** True for a further response from an agency that had already answered. */
    addition: boolean;
  };
}

export interface InformationGatheringClosed {
  type: 'InformationGatheringClosed';
  data: {
    referralId: string;
    early: boolean;
    unanswered: Agency[];
    closedAt: string;
    /** Absent when gathering completed by itself (every agency answered). */
    by?: Actor;
    rationale?: string;
  };
}
