import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { referralStreamId, type ReferralEvent } from '@app/domain';
import type { NewEvent } from '@app/event-store';
import { recordTriageDecisionUpdate, referralStateQuery } from '@app/workflow-contracts';
import { stepEventId } from '../../apps/worker/src/activities/step-event-id';
import { createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { bundleLifecycle, withLifecycleCase, type LifecycleCase } from './support/lifecycle-harness';
import { respond, triageAndAuthorise } from './support/lifecycle-steps';
import { practitioner } from './support/people';

/** The stream as stored: versions 1..n with no gap, no event id twice. */
function expectContiguous(c: LifecycleCase): void {
  const stream = c.store.stream(referralStreamId(c.referralId));
  expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
  expect(new Set(stream.map((e) => e.eventId)).size).toBe(stream.length);
}

const foreign = (event: ReferralEvent): NewEvent => ({ eventId: randomUUID(), type: event.type, data: event.data });

// Another writer appends to the referral's stream between the workflow's read and its append:
// the append is refused (version conflict), the workflow re-reads the stream and decides again.
describe('referralLifecycle: another writer on the stream', () => {
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

  it('re-reads when an answer lands just before a timer-driven escalation, and escalates only the agency still silent', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await triageAndAuthorise(c, 'amber');
      await c.reaches('information-gathering');
      const [police, socialCare] = (['police', 'social-care'] as const).map(
        (agency) => c.eventsOf('InformationRequested').find((e) => e.data.agency === agency)!,
      );
      let raced = false;
      c.store.anotherWriter = (_, events) => {
        if (raced || !events.some((e) => e.type === 'InformationRequestEscalated')) return [];
        raced = true;
        const { dueAt } = socialCare.data;
        return [
          foreign({
            type: 'InformationProvided',
            data: {
              referralId: c.referralId,
              agency: 'social-care',
              responseId: 'social-care-by-another-path',
              by: { userId: 'social-care-officer', agency: 'social-care' },
              summary: 'social care records',
              sharing: { decision: 'shared', sensitivity: 'general', lawfulBasis: 'uk-gdpr-art-6-1-e', purpose: 'the multi-agency view' },
              providedAt: dueAt,
              dueAt,
              late: false,
              addition: false,
            },
          }),
        ];
      };

      // Past the due time and the first rung, before the second.
      await env.sleep(Date.parse(police.data.dueAt) - (await env.currentTimeMs()) + 60_000);

      expect(raced).toBe(true);
      expect((await c.handle.describe()).status.name).toBe('RUNNING');
      expectContiguous(c);
      const types = c.events().map((e) => e.type);
      expect(types.indexOf('InformationProvided')).toBeLessThan(types.indexOf('InformationRequestEscalated'));
      expect(c.eventsOf('InformationRequestEscalated').map((e) => [e.data.agency, e.data.level])).toEqual([['police', 1]]);
      expect(c.notices.filter((n) => n.kind === 'escalation').map((n) => n.recipients)).toEqual([
        [{ role: 'agency-team-manager', agency: 'police' }],
      ]);
      const state = await c.handle.query(referralStateQuery);
      expect(state.status === 'InformationGathering' && state.requests.map((r) => [r.agency, r.status])).toEqual([
        ['police', 'open'],
        ['social-care', 'answered'],
      ]);

      // The workflow's state holds the other writer's answer: police answering completes the gathering.
      await respond(c, 'police');
      await c.reaches('strategy-discussion');
      expectContiguous(c);
      // The re-read replays as it ran (a worker restarting mid-case takes the same path).
      await Worker.runReplayHistory({ workflowBundle: bundle }, await c.handle.fetchHistory(), c.handle.workflowId);
    });
  });

  it('fails only the command, with the conflict, when the stream moves on every re-read; ids stay unique', async () => {
    await withLifecycleCase(env, bundle, {}, async (c) => {
      await c.reaches('awaiting-triage');
      let writes = 0;
      c.store.anotherWriter = (_, events) => {
        if (!events.some((e) => e.type === 'TriageDecisionRecorded')) return [];
        writes += 1;
        const from = writes % 2 === 1 ? 'amber' : 'red';
        return [
          foreign({
            type: 'RagReRated',
            data: {
              referralId: c.referralId,
              from,
              to: from === 'amber' ? 'red' : 'amber',
              rationale: 'another writer',
              by: practitioner,
              reRatedAt: new Date().toISOString(),
              policyVersion: c.policy.policyVersion,
            },
          }),
        ];
      };
      const triage = { rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect', by: practitioner };

      const refused = c.handle.executeUpdate(recordTriageDecisionUpdate, { args: [triage] });
      await expect(refused).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(refused).rejects.toMatchObject({
        cause: { type: 'EVENT_STORE.VERSION_CONFLICT', message: expect.stringContaining('stream moved on before each of 4 appends') },
      });
      expect(writes).toBe(4); // the first append and three more, each after a re-read
      expect((await c.handle.describe()).status.name).toBe('RUNNING');
      expect(c.eventsOf('TriageDecisionRecorded')).toHaveLength(0);

      c.store.anotherWriter = undefined;
      await c.handle.executeUpdate(recordTriageDecisionUpdate, { args: [triage] });
      expectContiguous(c);
      // The workflow re-read after the last refusal too, so the next append goes through at once.
      // BeginLifecycle was command 1, the four refused appends 2-5: the decision is command 6.
      const stream = c.store.stream(referralStreamId(c.referralId));
      const recorded = stream.find((e) => e.type === 'TriageDecisionRecorded')!;
      expect(recorded.eventId).toBe(stepEventId(c.handle.workflowId, 'lifecycle/6', 0));
      expect(recorded.streamVersion).toBe(2 + 4 + 1);
      await c.reaches('awaiting-authorisation');
    });
  });
});
