import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import {
  authoriseDecisionUpdate,
  completeActionUpdate,
  recordInformationResponseUpdate,
  recordStrategyDiscussionUpdate,
  recordTriageDecisionUpdate,
  referralStateQuery,
} from '@app/workflow-contracts';
import { createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { bundleLifecycle, withLifecycleCase } from './support/lifecycle-harness';
import { sharedBy } from './support/lifecycle-steps';
import { manager, practitioner } from './support/people';

// The referral lifecycle workflow on the time-skipping test server: the decider's rules, driven
// by updates and one deadline timer, with the real activities over an in-memory event store.
describe('referralLifecycle: the whole happy path', () => {
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

  it('goes from triage to closure, each step an event stamped with the policy version, and ends after the challenge window', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await c.reaches('awaiting-triage');
      await c.handle.executeUpdate(recordTriageDecisionUpdate, {
        args: [{ rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect', by: practitioner }],
      });
      await c.handle.executeUpdate(authoriseDecisionUpdate, { args: [{ by: manager, rationale: 'agreed' }] });
      await c.reaches('information-gathering');
      for (const agency of ['police', 'social-care'] as const) {
        await c.handle.executeUpdate(recordInformationResponseUpdate, {
          args: [{ agency, responseId: `${agency}-1`, by: { userId: `${agency}-officer`, agency }, summary: `${agency} records`, sharing: sharedBy(agency) }],
        });
      }
      await c.reaches('strategy-discussion');
      const heldAt = new Date(await env.currentTimeMs()).toISOString();
      await c.handle.executeUpdate(recordStrategyDiscussionUpdate, {
        args: [
          {
            heldAt,
            attendees: [
              { agency: 'police', name: 'DS Grey', role: 'detective sergeant' },
              { agency: 'social-care', name: 'Sue Park', role: 'team manager' },
            ],
            absences: [{ agency: 'health', reason: 'written report supplied' }],
            decision: 'section-47-enquiry',
            rationale: 'threshold met',
            actions: [{ actionId: 'a1', description: 'joint visit', owningAgency: 'police' }],
            by: practitioner,
          },
        ],
      });
      await c.handle.executeUpdate(authoriseDecisionUpdate, { args: [{ by: manager, rationale: 'agreed' }] });
      await c.reaches('action-follow-up');
      await c.handle.executeUpdate(completeActionUpdate, { args: [{ actionId: 'a1', by: practitioner, note: 'visited' }] });
      await c.reaches('closed');

      expect(c.events().map((e) => e.type)).toEqual([
        'ReferralReceived',
        'TriageAwaited',
        'TriageDecisionRecorded',
        'AuthorisationRequested',
        'DecisionAuthorised',
        'InformationRequested',
        'InformationRequested',
        'InformationProvided',
        'InformationProvided',
        'InformationGatheringClosed',
        'StrategyDiscussionHeld',
        'AuthorisationRequested',
        'DecisionAuthorised',
        'OutcomeDecided',
        'ReferrerNotified',
        'ActionCompleted',
        'ReferralClosed',
      ]);
      expect((await c.handle.query(referralStateQuery)).status).toBe('Closed');
      expect(c.notices.map((n) => [n.kind, n.eventType])).toEqual([['referrer-notice', 'ReferrerNotified']]);
      // Stays open for a challenge until the window ends, then completes (result() skips the time).
      await c.handle.result();
    });
  });
});
