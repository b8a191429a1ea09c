import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { referralStreamId, type LifecyclePolicy, type ReferralDataset, type ReferralEvent } from '@app/domain';
import { dataset, policy } from '../../../libs/domain/src/testing/referral/lifecycle-fixtures';
import { createLogger } from '@app/observability';
import {
  REFERRAL_LIFECYCLE_WORKFLOW_TYPE,
  referralWorkflowId,
  stageQuery,
  type ReferralLifecycleInput,
  type ReferralLifecycleWorkflow,
  type ReferralNotice,
  type ReferralStage,
} from '@app/workflow-contracts';
import { createActivities } from '../../../apps/worker/src/activities';
import { InMemoryEventStore } from '../../support/in-memory-event-store';
import { eventually } from '../../support/stack';

export const HUB = 'northshire';

/** One referral's workflow on a worker of its own, over an in-memory event store. */
export interface LifecycleCase {
  referralId: string;
  receivedAt: string;
  policy: LifecyclePolicy;
  handle: WorkflowHandle<ReferralLifecycleWorkflow>;
  store: InMemoryEventStore;
  notices: ReferralNotice[];
  /** The referral's events as stored, in order. */
  events(): ReferralEvent[];
  eventsOf<Type extends ReferralEvent['type']>(type: Type): Extract<ReferralEvent, { type: Type }>[];
  /** Waits (in real time: no time skipped) until the workflow reports the stage. */
  reaches(stage: ReferralStage): Promise<void>;
}

export interface CaseOptions {
  dataset?: Partial<ReferralDataset>;
  policy?: LifecyclePolicy;
  /** The policy in force each time the workflow asks (default: `policy` throughout). */
  policyFor?: () => LifecyclePolicy;
  input?: Partial<ReferralLifecycleInput>;
}

/**
 * Appends the referral as the intake would (received now, in the test server's time), starts
 * its workflow as the starter does, and runs `test` while a worker with the real activities
 * (over the in-memory store, the test policy, and notices recorded in a list) serves it.
 */
export async function withLifecycleCase(
  env: TestWorkflowEnvironment,
  workflowBundle: WorkflowBundleWithSourceMap,
  options: CaseOptions,
  test: (c: LifecycleCase) => Promise<void>,
): Promise<void> {
  const store = new InMemoryEventStore();
  const notices: ReferralNotice[] = [];
  const hubPolicy = options.policy ?? policy();
  const activities = createActivities({
    eventStore: store,
    policyFor: options.policyFor ?? (() => hubPolicy),
    notifications: { send: async (notice) => void notices.push(notice) },
  });
  const referralId = randomUUID();
  const receivedAt = new Date(await env.currentTimeMs()).toISOString();
  await store.append(
    referralStreamId(referralId),
    'no-stream',
    [{ eventId: randomUUID(), type: 'ReferralReceived', data: { ...dataset(options.dataset), referralId, hubId: HUB, receivedAt } }],
    { actor: 'test-intake', agency: 'education', hubId: HUB, correlationId: randomUUID(), causationId: null, policyVersion: hubPolicy.policyVersion },
  );

  const taskQueue = `referral-lifecycle-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle, activities });
  const events = () => store.stream(referralStreamId(referralId)).map((e) => ({ type: e.type, data: e.data }) as ReferralEvent);
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start<ReferralLifecycleWorkflow>(REFERRAL_LIFECYCLE_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: referralWorkflowId(referralId),
      args: [{ referralId, hubId: HUB, ...options.input }],
    });
    await test({
      referralId,
      receivedAt,
      policy: hubPolicy,
      handle,
      store,
      notices,
      events,
      eventsOf: (type) => events().filter((e) => e.type === type) as never,
      reaches: async (stage) => {
        await eventually(async () => ((await handle.query(stageQuery)) === stage ? true : undefined), { what: `stage ${stage}` });
      },
    });
    // A workflow left running would keep timers whose tasks no worker takes once this one stops,
    // and the test server skips no time while a task waits: later tests would wait in real time.
    if ((await handle.describe()).status.name === 'RUNNING') await handle.terminate('test over');
  });
}

export function bundleLifecycle(): Promise<WorkflowBundleWithSourceMap> {
  // Imported lazily: bundling is the slow part, the harness module itself is cheap.
  return import('../../../apps/worker/src/workflow-bundle').then((m) => m.bundleReferralWorkflows(createLogger('test', 'silent')));
}
