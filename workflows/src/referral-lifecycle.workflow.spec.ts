import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createLogger } from '@app/observability';
import { referralStreamId } from '@app/domain';
import { REFERRAL_LIFECYCLE_WORKFLOW_TYPE, referralWorkflowId, stageQuery, type ReferralActivities } from '@app/workflow-contracts';
import { createActivities } from '../../apps/worker/src/activities';
import { startReferralWorkflow } from '../../apps/worker/src/referral-workflow-starter';
import { bundleReferralWorkflows } from '../../apps/worker/src/workflow-bundle';
import { InMemoryEventStore } from '../../test/support/in-memory-event-store';
import { eventually } from '../../test/support/stack';
import { dataset, policy } from '../../libs/domain/src/testing/referral/lifecycle-fixtures';
import { temporalCliPath } from '../../test/support/temporal-cli';

// A dev server of its own (the CLI that tools/stack built) and activities replaced by fakes:
// this checks the orchestration only; test/worker covers the real activities.
describe('referralLifecycle workflow', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    [env, bundle] = await Promise.all([
      TestWorkflowEnvironment.createLocal({ server: { executable: { type: 'existing-path', path: temporalCliPath() } } }),
      bundleReferralWorkflows(createLogger('test', 'silent')),
    ]);
  }, 60000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker(activities: ReferralActivities, test: (taskQueue: string) => Promise<void>): Promise<void> {
    const taskQueue = `referral-lifecycle-${randomUUID()}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    await worker.runUntil(test(taskQueue));
  }

  /** A referral received now, and the real activities over an in-memory store. */
  async function received(): Promise<{ referralId: string; store: InMemoryEventStore; activities: ReferralActivities }> {
    const store = new InMemoryEventStore();
    const referralId = randomUUID();
    const data = { ...dataset(), referralId, hubId: 'hub-north', receivedAt: new Date().toISOString() };
    await store.append(referralStreamId(referralId), 'no-stream', [{ eventId: randomUUID(), type: 'ReferralReceived', data }], {
      actor: 'test-intake',
      agency: 'education',
      hubId: 'hub-north',
      correlationId: randomUUID(),
      causationId: null,
    });
    return { referralId, store, activities: createActivities({ eventStore: store, policyFor: () => policy({ hubId: 'hub-north' }) }) };
  }

  it('begins the lifecycle once: triage awaited with its deadline, under the policy version', async () => {
    const { referralId, store, activities } = await received();
    await withWorker(activities, async (taskQueue) => {
      await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' });
      const handle = env.client.workflow.getHandle(referralWorkflowId(referralId));

      await eventually(async () => ((await handle.query(stageQuery)) === 'awaiting-triage' ? true : undefined), {
        what: 'stage awaiting-triage',
      });
      expect((await handle.describe()).type).toBe(REFERRAL_LIFECYCLE_WORKFLOW_TYPE);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });

    const stream = store.stream(referralStreamId(referralId));
    expect(stream.map((e) => e.type)).toEqual(['ReferralReceived', 'TriageAwaited']);
    expect(stream[1].data).toEqual(expect.objectContaining({ referralId, dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), policyVersion: 7 }));
    expect(stream[1].metadata).toEqual(expect.objectContaining({ actor: 'system:referral-lifecycle', policyVersion: 7 }));
  });

  it('is started once per referral: a second start is refused as already started', async () => {
    const { referralId, activities } = await received();
    await withWorker(activities, async (taskQueue) => {
      expect(await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' })).toBe('started');
      expect(await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' })).toBe('already-started');
    });
  });

  it('retries the append until the event store takes the events, and writes them once', async () => {
    const { referralId, store, activities } = await received();
    let attempts = 0;
    const appendEvents: ReferralActivities['appendEvents'] = async (input) => {
      attempts += 1;
      const result = await activities.appendEvents(input);
      if (attempts === 1) throw new Error('connection terminated unexpectedly'); // stored, but the answer was lost
      return result;
    };
    await withWorker({ ...activities, appendEvents }, async (taskQueue) => {
      await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' });
      const handle = env.client.workflow.getHandle(referralWorkflowId(referralId));
      await eventually(async () => ((await handle.query(stageQuery)) === 'awaiting-triage' ? true : undefined), {
        what: 'stage awaiting-triage after a retry',
      });
    });
    expect(attempts).toBe(2);
    expect(store.stream(referralStreamId(referralId)).map((e) => e.type)).toEqual(['ReferralReceived', 'TriageAwaited']);
  });
});
