import { nationalDefaultLifecyclePolicy, type LifecyclePolicy } from '@app/domain';
import { toLifecyclePolicy } from '@app/hub-policy';
import type { HubPolicyStore } from '@app/hub-policy-store';

/** What the worker reads a hub's policy from (HubPolicyStore). */
export type HubPolicySource = Pick<HubPolicyStore, 'current'>;

/** Gives a hub's lifecycle policy in force now (tests may answer at once). */
export type LifecyclePolicyFor = (hubId: string) => Promise<LifecyclePolicy> | LifecyclePolicy;

/** For a worker without a policy store (tests of other things): every hub on the national default. */
export const NO_HUB_POLICIES: HubPolicySource = { current: async () => undefined };

/**
 * The lifecycle policy a hub's referrals run under: its current published version, or, while
 * the hub has published none, the national default (version 0) with bank holidays for this year
 * and the next two (and `<hub>-accountable-manager` authorising), as before hub policies were stored.
 */
export function lifecyclePolicyFor(policies: HubPolicySource, clock: () => Date = () => new Date()): LifecyclePolicyFor {
  return async (hubId) => {
    const now = clock();
    const stored = await policies.current(hubId);
    if (stored) return toLifecyclePolicy(hubId, stored.version, stored.document, now);
    const year = now.getUTCFullYear();
    return nationalDefaultLifecyclePolicy(hubId, `${hubId}-accountable-manager`, [year, year + 1, year + 2]);
  };
}
