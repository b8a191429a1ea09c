import type { Actor, Notified } from '../lifecycle/lifecycle.types';
import type { Agency } from '../referral-dataset';

export interface ActionReminded {
  type: 'ActionReminded';
  data: { referralId: string; actionId: string; owningAgency: Agency; remindedAt: string; dueAt: string; policyVersion: number };
}

export interface ActionEscalated {
  type: 'ActionEscalated';
  data: {
    referralId: string;
    actionId: string;
    owningAgency: Agency;
    level: number;
    notify: Notified[];
    escalatedAt: string;
    nextEscalationAt: string | null;
    policyVersion: number;
  };
}

export interface ActionCompleted {
  type: 'ActionCompleted';
  data: { referralId: string; actionId: string; by: Actor; note: string; completedAt: string; late: boolean };
}

export interface ActionCancelled {
  type: 'ActionCancelled';
  data: { referralId: string; actionId: string; by: Actor; reason: string; cancelledAt: string };
}
