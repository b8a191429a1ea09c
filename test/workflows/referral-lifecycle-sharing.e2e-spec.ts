import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { policy } from '../../libs/domain/src/testing/referral/lifecycle-fixtures';
import { createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { bundleLifecycle, withLifecycleCase } from './support/lifecycle-harness';
import { holdNotShare, respond, triageAndAuthorise } from './support/lifecycle-steps';

// The sharing decision in the running workflow, on the time-skipping server.
describe('referralLifecycle: sharing decisions and the sharing agreement', () => {
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

  it('takes "held, not shared" before the due time as an answer on time: no reminder, no escalation, gathering completes', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'amber');
      await c.reaches('information-gathering');
      await respond(c, 'social-care');
      await holdNotShare(c, 'police');

      await env.sleep('14 days');

      const police = c.eventsOf('InformationProvided').find((e) => e.data.agency === 'police')!;
      expect(police.data).toEqual(
        expect.objectContaining({ late: false, sharing: expect.objectContaining({ decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e' }) }),
      );
      expect(police.data.summary).toBeUndefined();
      expect(c.eventsOf('InformationRequestReminded')).toEqual([]);
      expect(c.eventsOf('InformationRequestEscalated')).toEqual([]);
      expect(c.notices).toEqual([]);
      await c.reaches('strategy-discussion');
    });
  });

  it('asks only the agencies that signed the agreement, and chases only them', async () => {
    const signedWithoutPolice = policy({ sharingAgreement: { version: '4', signatories: ['social-care', 'health', 'education', 'housing'] } });
    await withLifecycleCase(env, bundle, { policy: signedWithoutPolice }, async (c) => {
      await triageAndAuthorise(c, 'amber');
      await c.reaches('information-gathering');
      expect(c.eventsOf('InformationRequested').map((e) => e.data.agency)).toEqual(['social-care']);

      await env.sleep('14 days');

      expect(new Set(c.eventsOf('InformationRequestEscalated').map((e) => e.data.agency))).toEqual(new Set(['social-care']));
    });
  });
});
