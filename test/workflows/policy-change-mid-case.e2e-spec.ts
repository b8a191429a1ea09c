import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { referralStreamId, type LifecyclePolicy } from '@app/domain';
import { policy } from '../../libs/domain/src/testing/referral/lifecycle-fixtures';
import { createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { bundleLifecycle, withLifecycleCase } from './support/lifecycle-harness';
import { triageAndAuthorise } from './support/lifecycle-steps';

// A hub publishes a new policy version while a referral is open: decisions from then on are
// taken (and stamped) under the new version; what was decided before keeps its version.
describe('referralLifecycle: a policy change mid-case', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installTestRuntime();
    bundle = await bundleLifecycle();
    env = await createTimeSkippingEnv();
  }, 60000);

  afterAll(async () => {
    await env?.teardown();
  });

  const v7 = policy();
  // v8: amber information requests are due within 3 calendar hours (v7: 1 working day).
  const v8: LifecyclePolicy = {
    ...v7,
    policyVersion: 8,
    ragLevels: v7.ragLevels.map((level) => (level.code === 'amber' ? { ...level, informationRequestTimescale: { calendarHours: 3 }, reminderLeadTime: null } : level)),
  };

  it('stamps the triage wait with v7 and the triage decision and information requests with v8, due on v8 timescales', async () => {
    let inForce = v7;
    await withLifecycleCase(env, bundle, { policyFor: () => inForce }, async (c) => {
      await c.reaches('awaiting-triage');
      inForce = v8; // the hub publishes v8
      await triageAndAuthorise(c, 'amber');
      await c.reaches('information-gathering');

      const stored = c.store.stream(referralStreamId(c.referralId));
      const versionOf = (type: string) => stored.filter((e) => e.type === type).map((e) => e.metadata.policyVersion);
      expect(versionOf('TriageAwaited')).toEqual([7]);
      expect(versionOf('TriageDecisionRecorded')).toEqual([8]);
      expect(versionOf('DecisionAuthorised')).toEqual([8]);
      const requests = c.eventsOf('InformationRequested');
      expect(requests.map((r) => [r.data.agency, r.data.policyVersion])).toEqual([
        ['police', 8],
        ['social-care', 8],
      ]);
      for (const { data } of requests) expect(Date.parse(data.dueAt) - Date.parse(data.requestedAt)).toBe(3 * 3600_000);
      // The triage deadline set under v7 kept its due time.
      const awaited = c.eventsOf('TriageAwaited')[0].data as { dueAt?: string };
      expect(awaited.dueAt).toBeDefined();
    });
  });
});
