import { nationalDefaultLifecyclePolicy, type LifecyclePolicy } from '@app/domain';

/**
 * The lifecycle policy a hub's referrals run under. The hubs table holds no lifecycle policy
 * yet (issue 5 adds the versioned hub policy), so every hub gets the national default, with
 * bank holidays for this year and the next two. The one place to change when it does.
 */
export function lifecyclePolicyFor(hubId: string, now: Date = new Date()): LifecyclePolicy {
  const year = now.getUTCFullYear();
  return nationalDefaultLifecyclePolicy(hubId, `${hubId}-accountable-manager`, [year, year + 1, year + 2]);
}
