import type { LawfulBasis } from '../information-gathering/sharing-decision';
import type { Actor } from '../lifecycle/lifecycle.types';
import type { DisclosureDecision, DisclosureRecipient } from './disclosure.commands';

/** A disclosure onward, or a decision not to disclose, as recorded: `what` with every part spelled out. */
export interface DisclosureRecorded {
  type: 'DisclosureRecorded';
  data: {
    referralId: string;
    recipient: DisclosureRecipient;
    decision: DisclosureDecision;
    what: { responseIds: string[]; outcome: boolean; decision: boolean };
    lawfulBasis: LawfulBasis;
    reason: string;
    by: Actor;
    disclosedAt: string;
    policyVersion: number;
  };
}
