import type { LawfulBasis } from '../information-gathering/sharing-decision';
import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';
import type { Agency } from '../referral-dataset';

/** Someone outside the MASH the hub passes information on to (a school's safeguarding lead, a GP, the family...). */
export interface DisclosureRecipient {
  organisation: string;
  role: string;
  /** The platform agency the recipient belongs to, where it is one. */
  agency?: Agency;
}

/**
 * What is (or is not) passed on: agencies' contributions by their responseId, and/or the
 * referral's authorised outcome and its decision (with the rationale). At least one.
 */
export interface DisclosedItems {
  responseIds?: string[];
  outcome?: boolean;
  decision?: boolean;
}

export const DISCLOSURE_DECISIONS = ['disclosed', 'not-disclosed'] as const;
export type DisclosureDecision = (typeof DISCLOSURE_DECISIONS)[number];

/**
 * The hub records a disclosure onward, or its decision not to disclose, with the lawful basis
 * and the reason either way. Hub casework only: the API lets practitioners and hub managers send it.
 */
export interface RecordDisclosure {
  type: 'RecordDisclosure';
  data: {
    referralId: string;
    recipient: DisclosureRecipient;
    decision: DisclosureDecision;
    what: DisclosedItems;
    lawfulBasis: LawfulBasis;
    reason: string;
    by: Actor;
  };
  metadata: LifecycleMetadata;
}
