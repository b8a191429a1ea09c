import { toHubIntakeRules, resolvePolicy, validateHubPolicy } from '@app/hub-policy';
import { DEMO_HUBS } from '../../tools/seed/demo-data';
import { demoHubPolicy } from '../../tools/seed/demo-hub-policies';

describe('the demo hubs’ first policies', () => {
  it.each(DEMO_HUBS.map((hub) => [hub.hubId, hub] as const))('%s: valid, with the intake rules of its hubs row and its accountable manager', (_, hub) => {
    const validation = validateHubPolicy(resolvePolicy(demoHubPolicy(hub)));
    if (!validation.valid) throw new Error(JSON.stringify(validation.problems));
    const intake = toHubIntakeRules(hub.hubId, 1, validation.policy);
    expect(intake.scope).toBe(hub.scope);
    expect(intake.directReferrers).toEqual(hub.directReferrers === null ? 'any' : [...hub.directReferrers]);
    expect(validation.policy.accountableManager.userId).toBe(`${hub.hubId}-accountable-manager`);
  });
});
