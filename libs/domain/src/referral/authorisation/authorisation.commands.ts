import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';

/** The manager agrees the waiting decision (for a challenge: upholds the outcome). */
export interface AuthoriseDecision {
  type: 'AuthoriseDecision';
  data: { referralId: string; by: Actor; rationale: string };
  metadata: LifecycleMetadata;
}

/** The manager sends the waiting decision back (for a challenge: re-opens the decision). */
export interface ReturnDecision {
  type: 'ReturnDecision';
  data: { referralId: string; by: Actor; rationale: string };
  metadata: LifecycleMetadata;
}

/** Timer-driven: the decision has waited for authorisation past its deadline. */
export interface EscalateAuthorisation {
  type: 'EscalateAuthorisation';
  data: { referralId: string };
  metadata: LifecycleMetadata;
}
