import type { Actor, Notified } from '../lifecycle/lifecycle.types';

/** What waits for the manager: a triage decision, a strategy decision, or a referrer's challenge. */
export type AuthorisationKind = 'triage' | 'strategy' | 'challenge';

export interface AuthorisationRequested {
  type: 'AuthorisationRequested';
  data: { referralId: string; kind: AuthorisationKind; requestedAt: string; dueAt: string; policyVersion: number };
}

export interface AuthorisationEscalated {
  type: 'AuthorisationEscalated';
  data: {
    referralId: string;
    kind: AuthorisationKind;
    level: number;
    notify: Notified[];
    escalatedAt: string;
    nextEscalationAt: string | null;
    policyVersion: number;
  };
}

export interface DecisionAuthorised {
  type: 'DecisionAuthorised';
  data: {
    referralId: string;
    kind: 'triage' | 'strategy';
    decision: string;
    by: Actor;
    rationale: string;
    authorisedAt: string;
    policyVersion: number;
  };
}

export interface DecisionReturned {
  type: 'DecisionReturned';
  data: {
    referralId: string;
    kind: 'triage' | 'strategy';
    decision: string;
    by: Actor;
    rationale: string;
    returnedAt: string;
    policyVersion: number;
  };
}
