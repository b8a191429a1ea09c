import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { loadConfig, type PlatformConfig } from '@app/config';
import { referralStreamId } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { createLogger } from '@app/observability';
import { referralWorkflowId } from '@app/workflow-contracts';
import { historyFiles, replayCheck, temporalHistories } from '../../apps/ops/src';
import { startReferralWorkflowStarter, type ReferralWorkflowStarter } from '../../apps/worker/src/referral-workflow-starter';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import { bundleReferralWorkflows, bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { appendReceived } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';
import { installTestRuntime } from '../support/temporal-test-env';

const RECORDED_HISTORIES = path.join(__dirname, '../workflows/histories');

/**
 * The pre-deploy replay check over the real stack: referral workflows run by a real worker on
 * this file's task queue, their histories fetched from Temporal's visibility and replayed against
 * the current workflow code; and the recorded histories against a deliberately changed workflow.
 */
describe('ops replay-check', () => {
  const logger = createLogger('ops-replay-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  let db: TestDatabase;
  let config: PlatformConfig;
  let starter: ReferralWorkflowStarter;
  let worker: WorkerHandle;
  let connection: Connection;
  let client: Client;
  let current: WorkflowBundleWithSourceMap;
  const workflowIds: string[] = [];

  beforeAll(async () => {
    installTestRuntime('ERROR'); // the deliberate divergences below would log warnings
    db = await createTestDatabase();
    config = loadConfig({ ...process.env, DATABASE_URL: db.url, TEMPORAL_TASK_QUEUE: `ops-replay-${uniqueSuffix()}`, LOG_LEVEL: 'silent' });
    current = await bundleReferralWorkflows(logger);
    worker = await startWorker(config, db.pool, { logger, workflowBundle: current });
    starter = startReferralWorkflowStarter(config, db.pool, logger);
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

    const store = new PostgresEventStore(db.pool);
    for (let i = 0; i < 3; i++) {
      const { referralId } = await appendReceived(store, 'ops-hub');
      workflowIds.push(referralWorkflowId(referralId));
      // Past its first steps: the worker has loaded the referral and recorded triage awaited.
      await eventually(async () => ((await store.readStream(referralStreamId(referralId))).length >= 2 ? true : undefined), {
        what: `workflow of ${referralId} to record triage awaited`,
      });
    }
  }, 120000);

  afterAll(async () => {
    // Not left running on the shared server, where they would wait for this file's worker forever.
    await Promise.allSettled(workflowIds.map((id) => client.workflow.getHandle(id).terminate('ops replay-check test finished')));
    await Promise.allSettled([starter?.stop(), worker?.stop()]);
    await connection?.close();
    await db?.drop();
  });

  const since = () => new Date(Date.now() - 60 * 60 * 1000);

  it('passes the running referral workflows, found through visibility, on the current code', async () => {
    const selected = await eventually(
      async () => {
        const report = await replayCheck(current, temporalHistories(client, { since: since(), taskQueue: config.TEMPORAL_TASK_QUEUE }));
        return report.outcomes.length >= workflowIds.length ? report : undefined;
      },
      { what: 'visibility to list the workflows of this task queue' },
    );
    expect(selected.outcomes.map((o) => o.workflowId).sort()).toEqual([...workflowIds].sort());
    expect(selected.outcomes.map((o) => o.verdict)).toEqual(['ok', 'ok', 'ok']);
    expect(selected.passed).toBe(true);
  });

  it('passes the workflows named by id on the current code, and names each one that diverges on changed code', async () => {
    expect((await replayCheck(current, temporalHistories(client, { since: since() }, workflowIds))).passed).toBe(true);

    const changed = await bundleWorkflows(require.resolve('./fixtures/referral-lifecycle-changed.workflow'), logger);
    const report = await replayCheck(changed, temporalHistories(client, { since: since() }, workflowIds));
    expect(report.passed).toBe(false);
    expect(report.outcomes.map((o) => [o.workflowId, o.verdict])).toEqual(workflowIds.map((id) => [id, 'diverged']));
    expect(report.outcomes[0].error).toMatch(/nondeterminism/i);
  }, 60000);

  it('replays the recorded history files: all pass on the current code, all fail on the changed workflow', async () => {
    const histories = await historyFiles(RECORDED_HISTORIES);
    expect(histories.length).toBeGreaterThanOrEqual(3);

    const onCurrent = await replayCheck(current, histories);
    expect(onCurrent.outcomes.map((o) => o.verdict)).toEqual(histories.map(() => 'ok'));
    expect(onCurrent.passed).toBe(true);

    const changed = await bundleWorkflows(require.resolve('./fixtures/referral-lifecycle-changed.workflow'), logger);
    const onChanged = await replayCheck(changed, histories);
    expect(onChanged.passed).toBe(false);
    expect(onChanged.outcomes.map((o) => [o.workflowId, o.verdict])).toEqual(histories.map((h) => [h.workflowId, 'diverged']));
  }, 60000);
});
