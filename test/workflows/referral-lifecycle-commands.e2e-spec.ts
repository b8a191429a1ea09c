import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { addWorkingTime } from '@app/domain';
import {
  authoriseDecisionUpdate,
  completeActionUpdate,
  raiseChallengeUpdate,
  recordTriageDecisionUpdate,
  referralStateQuery,
  returnDecisionUpdate,
} from '@app/workflow-contracts';
import { createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { bundleLifecycle, withLifecycleCase } from './support/lifecycle-harness';
import { discussAndAuthorise, respond, triageAndAuthorise } from './support/lifecycle-steps';
import { manager, practitioner, referrerActor } from './support/people';

// Commands people send, as updates: refused ones never reach the history; accepted ones are
// decided against the workflow's state and appended in order.
describe('referralLifecycle: commands as updates', () => {
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

  it('refuses an invalid update in its validator with the Rejection code, leaving no trace in history or stream', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await c.reaches('awaiting-triage');
      const before = c.events().length;

      const wrongStage = c.handle.executeUpdate(authoriseDecisionUpdate, { args: [{ by: manager, rationale: 'agreed' }] });
      await expect(wrongStage).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(wrongStage).rejects.toMatchObject({ cause: { type: 'REFERRAL.WRONG_STAGE' } });

      const unknownLevel = c.handle.executeUpdate(recordTriageDecisionUpdate, {
        args: [{ rag: 'purple', decision: 'mash-enquiry', rationale: 'x', by: practitioner }],
      });
      const failure = await unknownLevel.catch((error: WorkflowUpdateFailedError) => error.cause);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: 'REFERRAL.INVALID_INPUT', details: ['rag'] });

      await c.handle.executeUpdate(recordTriageDecisionUpdate, {
        args: [{ rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect', by: practitioner }],
      });
      const notManager = c.handle.executeUpdate(authoriseDecisionUpdate, { args: [{ by: practitioner, rationale: 'agreed' }] });
      await expect(notManager).rejects.toMatchObject({ cause: { type: 'REFERRAL.NOT_ALLOWED' } });

      const history = (await c.handle.fetchHistory()).events ?? [];
      expect(history.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
      expect(c.events().slice(before).map((e) => e.type)).toEqual(['TriageDecisionRecorded', 'AuthorisationRequested']);
    });
  });

  it("re-opens the decision on the referrer's challenge: the manager returns it to triage with a fresh deadline", async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'green', 'early-help');
      await c.reaches('closed');
      expect(c.notices.map((n) => n.eventType)).toEqual(['ReferrerNotified']);

      await c.handle.executeUpdate(raiseChallengeUpdate, { args: [{ by: referrerActor, reason: 'the family needs more than early help' }] });
      await c.reaches('awaiting-authorisation');
      await c.handle.executeUpdate(returnDecisionUpdate, { args: [{ by: manager, rationale: 'look again at the school reports' }] });
      await c.reaches('awaiting-triage');

      const [resolved] = c.eventsOf('ChallengeResolved');
      expect(resolved.data).toEqual(expect.objectContaining({ upheld: false, reopens: 'AwaitingTriage' }));
      const triageDueAt = addWorkingTime(new Date(resolved.data.resolvedAt), c.policy.triageTimescale.child, c.policy.calendar);
      expect(resolved.data).toEqual(expect.objectContaining({ triageDueAt: triageDueAt.toISOString() }));
      expect(c.eventsOf('ReferrerNotified').map((e) => e.data.about)).toEqual(['outcome', 'challenge-reopened']);
      expect(c.notices.map((n) => [n.kind, n.recipients])).toEqual([
        ['referrer-notice', [{ role: 'referrer', agency: 'education' }]],
        ['referrer-notice', [{ role: 'referrer', agency: 'education' }]],
      ]);

      // The re-opened triage has its own clock: missed, it escalates.
      await env.sleep(triageDueAt.getTime() - (await env.currentTimeMs()) + 60_000);
      expect(c.eventsOf('TriageEscalated').map((e) => [e.data.level, e.data.escalatedAt])).toEqual([[1, triageDueAt.toISOString()]]);
      expect((await c.handle.query(referralStateQuery)).status).toBe('AwaitingTriage');
    });
  });

  it('records the same response once, and a challenge outside the referrer agency is refused', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'amber');
      await c.reaches('information-gathering');
      expect(await respond(c, 'police')).toHaveLength(1);
      expect(await respond(c, 'police')).toEqual([]);
      expect(c.eventsOf('InformationProvided')).toHaveLength(1);
      await respond(c, 'social-care');
      await discussAndAuthorise(c, new Date(await env.currentTimeMs()).toISOString(), [
        { actionId: 'a1', description: 'joint visit', owningAgency: 'police' },
      ]);
      await c.reaches('action-follow-up');
      const outsider = c.handle.executeUpdate(raiseChallengeUpdate, { args: [{ by: practitioner, reason: 'disagree' }] });
      await expect(outsider).rejects.toMatchObject({ cause: { type: 'REFERRAL.NOT_ALLOWED' } });
    });
  });

  it('continues as new when the history grows, carrying the state; event ids stay unique across runs', async () => {
    await withLifecycleCase(env, bundle, { input: { historyEventLimit: 20 } }, async (c) => {
      const firstRunId = (await c.handle.describe()).runId;
      await triageAndAuthorise(c, 'amber');
      await respond(c, 'police');
      await respond(c, 'social-care');
      await discussAndAuthorise(c, new Date(await env.currentTimeMs()).toISOString(), [
        { actionId: 'a1', description: 'joint visit', owningAgency: 'police' },
      ]);
      await c.reaches('action-follow-up');
      await c.handle.executeUpdate(completeActionUpdate, { args: [{ actionId: 'a1', by: practitioner, note: 'visited' }] });
      await c.reaches('closed');

      expect((await c.handle.describe()).runId).not.toBe(firstRunId);
      const stored = c.store.stream(`referral-${c.referralId}`);
      expect(new Set(stored.map((e) => e.eventId)).size).toBe(stored.length);
      expect(stored.map((e) => e.streamVersion)).toEqual(stored.map((_, i) => i + 1));
      expect(stored[stored.length - 1].type).toBe('ReferralClosed');
    });
  });
});
