import { nationalDefaultLifecyclePolicy } from '@app/domain';
import { resolvePolicy, toLifecyclePolicy, validateHubPolicy } from '@app/hub-policy';
import type { StoredHubPolicy } from '@app/hub-policy-store';
import { hubFacts } from '../../../../libs/hub-policy/src/testing/hub-policy-fixtures';
import { lifecyclePolicyFor, NO_HUB_POLICIES } from './lifecycle-policy-for';

const now = new Date('2026-03-02T10:00:00Z');

describe('lifecyclePolicyFor', () => {
  it('gives the national default, version 0 and <hub>-accountable-manager, to a hub that has published no policy', async () => {
    const policy = await lifecyclePolicyFor(NO_HUB_POLICIES, () => now)('northshire');
    expect(policy).toEqual(nationalDefaultLifecyclePolicy('northshire', 'northshire-accountable-manager', [2026, 2027, 2028]));
    expect(policy.policyVersion).toBe(0);
  });

  it("gives the hub's current version, stamped with its number", async () => {
    const validation = validateHubPolicy(resolvePolicy(hubFacts));
    if (!validation.valid) throw new Error('fixture invalid');
    const stored: StoredHubPolicy = { hubId: 'northshire', version: 4, document: validation.policy, publishedBy: { userId: 'mia', agency: 'social-care' }, publishedAt: now };
    const policy = await lifecyclePolicyFor({ current: async () => stored }, () => now)('northshire');
    expect(policy).toEqual(toLifecyclePolicy('northshire', 4, validation.policy, now));
    expect(policy.policyVersion).toBe(4);
  });
});
