import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createLogger } from '@app/observability';
import {
  REFERRAL_LIFECYCLE_WORKFLOW_TYPE,
  referralWorkflowId,
  stageQuery,
  type ReferralActivities,
  type ReferralStepInput,
} from '@app/workflow-contracts';
import { startReferralWorkflow } from '../../apps/worker/src/referral-workflow-starter';
import { bundleReferralWorkflows } from '../../apps/worker/src/workflow-bundle';
import { eventually } from '../../test/support/stack';
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

  it('records that triage is awaited, once, with the ids and time a retry would repeat', async () => {
    const calls: ReferralStepInput[] = [];
    const referralId = randomUUID();
    await withWorker({ recordTriageAwaited: async (input) => void calls.push(input) }, async (taskQueue) => {
      await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' });
      const handle = env.client.workflow.getHandle(referralWorkflowId(referralId));

      await eventually(async () => ((await handle.query(stageQuery)) === 'awaiting-triage' ? true : undefined), {
        what: 'stage awaiting-triage',
      });
      expect((await handle.describe()).type).toBe(REFERRAL_LIFECYCLE_WORKFLOW_TYPE);
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });

    expect(calls).toEqual([
      { referralId, hubId: 'hub-north', workflowId: referralWorkflowId(referralId), requestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
  });

  it('is started once per referral: a second start is refused as already started', async () => {
    const referralId = randomUUID();
    await withWorker({ recordTriageAwaited: async () => undefined }, async (taskQueue) => {
      expect(await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' })).toBe('started');
      expect(await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' })).toBe('already-started');
    });
  });

  it('retries the activity until the event store takes the event', async () => {
    let attempts = 0;
    const referralId = randomUUID();
    const recordTriageAwaited = async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('connection terminated unexpectedly');
    };
    await withWorker({ recordTriageAwaited }, async (taskQueue) => {
      await startReferralWorkflow(env.client, taskQueue, { referralId, hubId: 'hub-north' });
      const handle = env.client.workflow.getHandle(referralWorkflowId(referralId));
      await eventually(async () => ((await handle.query(stageQuery)) === 'awaiting-triage' ? true : undefined), {
        what: 'stage awaiting-triage after a retry',
      });
    });
    expect(attempts).toBe(2);
  });
});
