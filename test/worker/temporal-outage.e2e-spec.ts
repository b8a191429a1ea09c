import { DefaultLogger, Runtime } from '@temporalio/worker';
import { referralStreamId } from '@app/domain';
import { EventCheckpoints, LOG_START, PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { referralWorkflowId } from '@app/workflow-contracts';
import { REFERRAL_WORKFLOW_STARTER, ReferralWorkflowStarter, startReferralWorkflow } from '../../apps/worker/src/referral-workflow-starter';
import { TemporalClientSource } from '../../apps/worker/src/temporal/temporal-client-source';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import { createTestDatabase, eventually, type TestDatabase } from '../support/stack';
import { appendReferralReceived, capturedLogger, localTemporal, workerTestConfig } from './worker-test-kit';

// Referrals received while Temporal is down get their workflow when it returns, exactly once,
// and a restarted starter (even one replaying the whole log) starts no second workflow.
describe('workflow start across a Temporal outage', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let worker: WorkerHandle;
  let starter: ReferralWorkflowStarter;
  let temporal: TemporalClientSource;
  let config: ReturnType<typeof workerTestConfig>;
  const { logger, lines } = capturedLogger();
  let referralIds: string[] = [];

  const newStarter = () =>
    new ReferralWorkflowStarter({ pool: db.pool, databaseUrl: db.url, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger, maxBackoffMs: 1000 });
  const referralIdOf = (event: RecordedEvent) => (event.data as { referralId: string }).referralId;
  const runIdOf = (referralId: string) =>
    temporal.call(async (client) => (await client.workflow.getHandle(referralWorkflowId(referralId)).describe()).runId);
  const executionsOf = (referralId: string) =>
    temporal.call((client) => client.workflow.count(`WorkflowId = '${referralWorkflowId(referralId)}'`));

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    config = workerTestConfig(db.url);
    temporal = new TemporalClientSource({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE, rpcTimeoutMs: 2000 });
    worker = await startWorker(config, db.pool, { logger });
    starter = newStarter();
    starter.start();
  }, 60000);

  afterAll(async () => {
    localTemporal('start'); // whatever happened above, leave the stack as it was
    await starter?.stop();
    await worker?.stop();
    await db?.drop();
  }, 60000);

  it('holds its checkpoint while Temporal is down, then starts each missing workflow once', async () => {
    localTemporal('stop');
    const received = [await appendReferralReceived(store), await appendReferralReceived(store), await appendReferralReceived(store)];
    referralIds = received.map(referralIdOf);

    await eventually(async () => (lines.some((l) => l.includes('follower retrying')) ? true : undefined), {
      what: 'the starter to fail against the stopped Temporal',
    });
    expect((await starter.position()).globalPosition).toBeLessThan(received[0].position.globalPosition);

    localTemporal('start');

    for (const referralId of referralIds) {
      const stream = await eventually(async () => {
        const events = await store.readStream(referralStreamId(referralId));
        return events.length >= 2 ? events : undefined;
      }, { what: `TriageAwaited for ${referralId}`, timeoutMs: 60000 });
      expect(stream.map((e) => e.type)).toEqual(['ReferralReceived', 'TriageAwaited']);
      expect(await executionsOf(referralId)).toMatchObject({ count: 1 });
    }
  }, 120000);

  it('refuses a second start of a workflow that already ran for the referral', async () => {
    for (const referralId of referralIds) {
      const outcome = await temporal.call((client) =>
        startReferralWorkflow(client, config.TEMPORAL_TASK_QUEUE, { referralId, hubId: 'hub-north' }),
      );
      expect(outcome).toBe('already-started');
    }
  });

  it('starts no second workflow when the starter restarts, even replaying the log from the start', async () => {
    const runIds = await Promise.all(referralIds.map(runIdOf));
    await starter.stop();
    await new EventCheckpoints(db.pool).save(REFERRAL_WORKFLOW_STARTER, LOG_START);
    starter = newStarter();
    starter.start();

    const head = await store.headPosition();
    await eventually(async () => ((await starter.position()).globalPosition >= head ? true : undefined), {
      what: 'the restarted starter to reach the head of the log',
    });
    expect(await Promise.all(referralIds.map(runIdOf))).toEqual(runIds);
    for (const referralId of referralIds) {
      expect(await executionsOf(referralId)).toMatchObject({ count: 1 });
      expect((await store.readStream(referralStreamId(referralId))).map((e) => e.type)).toEqual(['ReferralReceived', 'TriageAwaited']);
    }
  });
});
