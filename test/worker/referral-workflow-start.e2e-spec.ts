import { DefaultLogger, Runtime } from '@temporalio/worker';
import { referralStreamId } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { REFERRAL_LIFECYCLE_WORKFLOW_TYPE, referralWorkflowId, stageQuery } from '@app/workflow-contracts';
import { createActivities } from '../../apps/worker/src/activities';
import { stepEventId } from '../../apps/worker/src/activities/step-event-id';
import { ReferralWorkflowStarter } from '../../apps/worker/src/referral-workflow-starter';
import { TemporalClientSource } from '../../apps/worker/src/temporal/temporal-client-source';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import { createTestDatabase, eventually, type TestDatabase } from '../support/stack';
import { appendReferralReceived, capturedLogger, workerTestConfig } from './worker-test-kit';

describe('one referral workflow per received referral', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let worker: WorkerHandle;
  let starter: ReferralWorkflowStarter;
  let temporal: TemporalClientSource;
  let config: ReturnType<typeof workerTestConfig>;
  const { logger } = capturedLogger();

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    config = workerTestConfig(db.url);
    temporal = new TemporalClientSource({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
    worker = await startWorker(config, db.pool, { logger });
    starter = new ReferralWorkflowStarter({ pool: db.pool, databaseUrl: db.url, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
    starter.start();
  }, 60000);

  afterAll(async () => {
    await starter?.stop();
    await worker?.stop();
    await db?.drop();
  });

  it('starts the workflow under the referral id and records that triage is awaited, once', async () => {
    const received = await appendReferralReceived(store);
    const referralId = (received.data as { referralId: string }).referralId;
    const workflowId = referralWorkflowId(referralId);

    const description = await eventually(() => temporal.call((client) => client.workflow.getHandle(workflowId).describe()), {
      what: `workflow ${workflowId}`,
    });
    expect(description).toMatchObject({ workflowId, type: REFERRAL_LIFECYCLE_WORKFLOW_TYPE, taskQueue: config.TEMPORAL_TASK_QUEUE });
    expect(description.status.name).toBe('RUNNING');

    const stream = await eventually(async () => {
      const events = await store.readStream(referralStreamId(referralId));
      return events.length >= 2 ? events : undefined;
    }, { what: 'TriageAwaited' });
    expect(stream.map((e) => [e.streamVersion, e.type])).toEqual([
      [1, 'ReferralReceived'],
      [2, 'TriageAwaited'],
    ]);
    expect(stream[1]).toMatchObject({
      // BeginLifecycle is the workflow's first command (sequence 1) under the hub policy (lifecycle-v2).
      eventId: stepEventId(workflowId, 'lifecycle/1'),
      data: { referralId, dueAt: expect.any(String), policyVersion: 0 }, // hub-north has published no policy: the national default
      metadata: {
        actor: 'system:referral-lifecycle',
        hubId: 'hub-north',
        causationId: received.eventId,
        correlationId: received.metadata.correlationId,
        policyVersion: 0,
      },
    });
    expect(await temporal.call((client) => client.workflow.getHandle(workflowId).query(stageQuery))).toBe('awaiting-triage');
  });
});

describe('the recordTriageAwaited activity, retried', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('appends one TriageAwaited when two attempts race and when a late retry comes after', async () => {
    const received = await appendReferralReceived(store);
    const referralId = (received.data as { referralId: string }).referralId;
    const { recordTriageAwaited } = createActivities({ eventStore: store });
    const input = { referralId, hubId: 'hub-north', workflowId: referralWorkflowId(referralId), requestedAt: '2026-01-05T09:00:00.000Z' };

    // Both may read the stream before either appends: the same event id then makes the second a no-op.
    await Promise.all([recordTriageAwaited(input), recordTriageAwaited(input)]);
    await recordTriageAwaited(input);

    const stream = await store.readStream(referralStreamId(referralId));
    expect(stream.map((e) => e.type)).toEqual(['ReferralReceived', 'TriageAwaited']);
    // The legacy step sets no deadline: TriageAwaited v2 says so with nulls.
    expect(stream[1].data).toEqual({ referralId, since: '2026-01-05T09:00:00.000Z', dueAt: null, policyVersion: null });
  });

  it('fails for good, not retried, when the referral was never received', async () => {
    const { recordTriageAwaited } = createActivities({ eventStore: store });
    const unknown = '00000000-0000-4000-8000-000000000000';
    await expect(
      recordTriageAwaited({ referralId: unknown, hubId: 'hub-north', workflowId: referralWorkflowId(unknown), requestedAt: '2026-01-05T09:00:00.000Z' }),
    ).rejects.toMatchObject({ type: 'REFERRAL.NOT_FOUND', nonRetryable: true });
  });
});
