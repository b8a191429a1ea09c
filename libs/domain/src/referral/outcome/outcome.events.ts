import type { LawfulBasis } from '../information-gathering/sharing-decision';
import type { Actor } from '../lifecycle/lifecycle.types';
import type { Referrer } from '../referral-dataset';

export interface OutcomeDecided {
  type: 'OutcomeDecided';
  data: {
    referralId: string;
    source: 'triage' | 'strategy';
    decision: string;
    rag: string;
    authorisedBy: Actor;
    decidedAt: string;
    policyVersion: number;
  };
}

/**
 * The outcome notice to the referrer (sent through the notification port by the workflow). It
 * is a disclosure, so it records its lawful basis and reason; notices before that have neither.
 */
export interface ReferrerNotified {
  type: 'ReferrerNotified';
  data: {
    referralId: string;
    about: 'outcome' | 'challenge-upheld' | 'challenge-reopened';
    decision: string;
    referrer: Pick<Referrer, 'name' | 'agency' | 'email'>;
    notifiedAt: string;
    policyVersion: number;
    lawfulBasis?: LawfulBasis;
    reason?: string;
  };
}

export interface ReferralClosed {
  type: 'ReferralClosed';
  data: { referralId: string; outcome: string; closedAt: string; challengeableUntil: string; policyVersion: number };
}
