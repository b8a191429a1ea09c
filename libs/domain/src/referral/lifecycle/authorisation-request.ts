import type { AuthorisationKind, AuthorisationRequested } from '../authorisation/authorisation.events';
import { dueAfter } from './deadlines';
import type { LifecycleMetadata } from './lifecycle.types';

/** Puts a decision (or a challenge) in the manager's queue, with its own deadline. */
export function authorisationRequested(
  referralId: string,
  kind: AuthorisationKind,
  { now, policy }: LifecycleMetadata,
): AuthorisationRequested {
  const requestedAt = now.toISOString();
  return {
    type: 'AuthorisationRequested',
    data: {
      referralId,
      kind,
      requestedAt,
      dueAt: dueAfter(requestedAt, policy.authorisationTimescale, policy.calendar),
      policyVersion: policy.policyVersion,
    },
  };
}
