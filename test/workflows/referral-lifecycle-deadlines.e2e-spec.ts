import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { addWorkingTime, type WorkingDuration } from '@app/domain';
import { recordTriageDecisionUpdate, reRateUpdate } from '@app/workflow-contracts';
import { createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { bundleLifecycle, withLifecycleCase, type LifecycleCase } from './support/lifecycle-harness';
import { discussAndAuthorise, respond, triageAndAuthorise } from './support/lifecycle-steps';
import { practitioner } from './support/people';

/** `duration` of working time after `from` in the test hub's calendar (UTC, Mon-Fri 09:00-17:00). */
function after(c: LifecycleCase, from: string, duration: WorkingDuration): string {
  return addWorkingTime(new Date(from), duration, c.policy.calendar).toISOString();
}

/**
 * A timer fires once the workflow task that set it has ended, so a little after the instant it
 * aimed at (docs/workflow-testing.md): never before it, and within a few seconds.
 */
function expectFiredAt(actual: string, expected: string): void {
  expect(Date.parse(actual)).toBeGreaterThanOrEqual(Date.parse(expected));
  expect(Date.parse(actual) - Date.parse(expected)).toBeLessThan(5000);
}

// Deadlines on the time-skipping server: every timer of the referral is one timer for the
// earliest deadline, and every instant is the hub calendar's (asserted against addWorkingTime).
describe('referralLifecycle: deadlines, reminders and escalation ladders', () => {
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

  it('reminds an agency that has not answered, then escalates it rung by rung at the working-time instants', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'amber');
      await c.reaches('information-gathering');
      await respond(c, 'social-care');
      const [police] = c.eventsOf('InformationRequested').filter((e) => e.data.agency === 'police');
      const { requestedAt, dueAt, remindAt } = police.data;
      expect(dueAt).toBe(after(c, requestedAt, { workingDays: 1 }));
      const level2At = after(c, dueAt, { workingHours: 4 });
      const level3At = after(c, level2At, { workingDays: 1 });

      await env.sleep('14 days');

      const [reminded] = c.eventsOf('InformationRequestReminded');
      expect(reminded.data.agency).toBe('police');
      expectFiredAt(reminded.data.remindedAt, remindAt!);
      expect(c.eventsOf('InformationRequestEscalated').map((e) => e.data)).toEqual([
        expect.objectContaining({ agency: 'police', level: 1, escalatedAt: dueAt, nextEscalationAt: level2At }),
        expect.objectContaining({ agency: 'police', level: 2, escalatedAt: level2At, nextEscalationAt: level3At }),
        // The test policy's top rung does not repeat: the ladder stops there, the deadline stays open.
        expect.objectContaining({ agency: 'police', level: 3, escalatedAt: level3At, nextEscalationAt: null }),
      ]);
      expect(c.notices.map((n) => [n.kind, n.level ?? null, n.recipients])).toEqual([
        ['reminder', null, [{ role: 'agency-contact', agency: 'police' }]],
        ['escalation', 1, [{ role: 'agency-team-manager', agency: 'police' }]],
        ['escalation', 2, [{ role: 'service-manager', agency: 'police' }, { role: 'hub-accountable-manager' }]],
        ['escalation', 3, [{ role: 'strategic-lead' }]],
      ]);
      expect(c.eventsOf('InformationRequested').every((e) => e.data.policyVersion === c.policy.policyVersion)).toBe(true);
    });
  });

  it('takes a late response, records it as late, and escalates no further', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'amber');
      await c.reaches('information-gathering');
      await respond(c, 'social-care');
      const [police] = c.eventsOf('InformationRequested').filter((e) => e.data.agency === 'police');

      // Past the due time and the first rung, before the second.
      await env.sleep(Date.parse(police.data.dueAt) - (await env.currentTimeMs()) + 60_000);
      expect(c.eventsOf('InformationRequestEscalated').map((e) => e.data.level)).toEqual([1]);

      await respond(c, 'police');
      await env.sleep('14 days');

      expect(c.eventsOf('InformationProvided').find((e) => e.data.agency === 'police')?.data).toEqual(
        expect.objectContaining({ late: true, dueAt: police.data.dueAt }),
      );
      expect(c.eventsOf('InformationRequestEscalated').map((e) => e.data.level)).toEqual([1]);
      await c.reaches('strategy-discussion');
    });
  });

  it('reminds an overdue action and escalates it from its due time', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'amber');
      await respond(c, 'police');
      await respond(c, 'social-care');
      const heldAt = new Date(await env.currentTimeMs()).toISOString();
      await discussAndAuthorise(c, heldAt, [{ actionId: 'visit', description: 'joint visit', owningAgency: 'police' }]);
      await c.reaches('action-follow-up');
      const [held] = c.eventsOf('StrategyDiscussionHeld');
      const [action] = held.data.actions;
      expect(action.dueAt).toBe(after(c, heldAt, { workingDays: 5 }));

      await env.sleep('14 days');

      expectFiredAt(c.eventsOf('ActionReminded')[0].data.remindedAt, action.remindAt!);
      expect(c.eventsOf('ActionEscalated').map((e) => [e.data.actionId, e.data.level, e.data.escalatedAt])).toEqual([
        ['visit', 1, action.dueAt],
        ['visit', 2, after(c, action.dueAt, { workingHours: 4 })],
        ['visit', 3, after(c, after(c, action.dueAt, { workingHours: 4 }), { workingDays: 1 })],
      ]);
      expect(c.notices.filter((n) => n.eventType === 'ActionEscalated')[0].recipients).toEqual([
        { role: 'agency-team-manager', agency: 'police' },
      ]);
    });
  });

  it('sends an immediate-risk referral straight to a strategy discussion, asking the most severe level at once', async () => {
    await withLifecycleCase(env, bundle, { dataset: { immediateRisk: true } }, async (c) => {
      await c.reaches('strategy-discussion');
      const [scheduled] = c.eventsOf('StrategyDiscussionScheduled');
      expect(scheduled.data).toEqual(
        expect.objectContaining({ reason: 'immediate-risk', rag: 'red', dueAt: after(c, c.receivedAt, { workingHours: 2 }) }),
      );
      const requests = c.eventsOf('InformationRequested');
      expect(requests.map((e) => e.data.agency)).toEqual(['police', 'social-care', 'health']);
      for (const { data } of requests) expect(data.dueAt).toBe(after(c, data.requestedAt, { workingHours: 4 }));
      expect(c.eventsOf('TriageAwaited')).toEqual([]);

      await env.sleep(Date.parse(requests[0].data.dueAt) - (await env.currentTimeMs()) + 60_000);
      expect(c.eventsOf('InformationRequestEscalated').map((e) => [e.data.agency, e.data.level])).toEqual([
        ['police', 1],
        ['social-care', 1],
        ['health', 1],
      ]);
    });
  });

  it('escalates a decision left waiting for authorisation when its own deadline passes', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await c.reaches('awaiting-triage');
      await c.handle.executeUpdate(recordTriageDecisionUpdate, {
        args: [{ rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect', by: practitioner }],
      });
      const [requested] = c.eventsOf('AuthorisationRequested');
      expect(requested.data.dueAt).toBe(after(c, requested.data.requestedAt, { workingHours: 4 }));

      await env.sleep(Date.parse(requested.data.dueAt) - (await env.currentTimeMs()) + 60_000);

      expect(c.eventsOf('AuthorisationEscalated').map((e) => e.data)).toEqual([
        expect.objectContaining({ kind: 'triage', level: 1, escalatedAt: requested.data.dueAt }),
      ]);
      // The triage deadline itself no longer runs: the decision was made, it waits for the manager.
      expect(c.eventsOf('TriageEscalated')).toEqual([]);
      expect(c.notices.map((n) => n.eventType)).toEqual(['AuthorisationEscalated']);
    });
  });

  it('moves the open deadlines on a re-rating: the ladder starts at the new due time', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'green');
      await c.reaches('information-gathering');
      const [asked] = c.eventsOf('InformationRequested');
      expect(asked.data).toEqual(expect.objectContaining({ agency: 'social-care', rag: 'green' }));
      expect(asked.data.dueAt).toBe(after(c, asked.data.requestedAt, { workingDays: 3 }));

      await c.handle.executeUpdate(reRateUpdate, { args: [{ rag: 'red', rationale: 'police report of violence', by: practitioner }] });

      const redDueAt = after(c, asked.data.requestedAt, { workingHours: 4 });
      expect(c.eventsOf('InformationRequestDueTimeMoved').map((e) => [e.data.agency, e.data.dueAt])).toEqual([
        ['social-care', redDueAt],
      ]);
      // Agencies the red level adds are asked at once, at red's timescale.
      const added = c.eventsOf('InformationRequested').slice(1);
      expect(added.map((e) => e.data.agency).sort()).toEqual(['health', 'police']);

      await env.sleep(Date.parse(redDueAt) - (await env.currentTimeMs()) + 60_000);
      const socialCare = c.eventsOf('InformationRequestEscalated').filter((e) => e.data.agency === 'social-care');
      expect(socialCare.map((e) => [e.data.level, e.data.escalatedAt])).toEqual([[1, redDueAt]]);
    });
  });
});
