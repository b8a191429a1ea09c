import type { CurrentPolicyInput } from '@app/workflow-contracts';
import type { LifecyclePolicyFor } from '../policy/lifecycle-policy-for';

/** The hub's lifecycle policy in force now: the workflow decides each command under it. */
export function currentPolicy(policyFor: LifecyclePolicyFor) {
  return async function currentPolicy({ hubId }: CurrentPolicyInput) {
    return await policyFor(hubId);
  };
}
