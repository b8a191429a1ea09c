import type { HubPolicyDocument } from '../hub-policy.types';
import { pointer, type PolicyProblem } from './policy-problem';

/**
 * One accountable manager (the schema allows one); delegates act in their name, so the manager
 * is not also a delegate, and each delegate is listed once.
 */
export function managementProblems(policy: HubPolicyDocument): PolicyProblem[] {
  const seen = new Set<string>([policy.accountableManager.userId]);
  return policy.delegates.flatMap(({ userId }, index) => {
    const path = pointer('delegates', index, 'userId');
    if (userId === policy.accountableManager.userId) return [{ path, reason: 'is the accountable manager, who needs no delegation' }];
    if (seen.has(userId)) return [{ path, reason: 'is already a delegate' }];
    seen.add(userId);
    return [];
  });
}

/** Rungs numbered 1..n in order, so "the next rung" always means one thing. */
export function escalationLadderProblems(policy: HubPolicyDocument): PolicyProblem[] {
  return policy.escalationLadder.flatMap((rung, index) =>
    rung.level === index + 1
      ? []
      : [{ path: pointer('escalationLadder', index, 'level'), reason: `must be ${index + 1}: levels run 1, 2, 3, … in order` }],
  );
}
