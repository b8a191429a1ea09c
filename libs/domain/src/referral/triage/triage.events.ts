import type { Actor, Notified } from '../lifecycle/lifecycle.types';

export interface TriageDecisionRecorded {
  type: 'TriageDecisionRecorded';
  data: { referralId: string; rag: string; decision: string; rationale: string; by: Actor; decidedAt: string; policyVersion: number };
}

export interface TriageEscalated {
  type: 'TriageEscalated';
  data: {
    referralId: string;
    level: number;
    notify: Notified[];
    escalatedAt: string;
    nextEscalationAt: string | null;
    policyVersion: number;
  };
}
