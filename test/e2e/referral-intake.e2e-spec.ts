import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { startReferralWorkflowStarter, type ReferralWorkflowStarter } from '../../apps/worker/src/referral-workflow-starter';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import { bundleReferralWorkflows } from '../../apps/worker/src/workflow-bundle';
import { loadConfig, type PlatformConfig } from '@app/config';
import { referralStreamId } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { createKafka } from '@app/messaging';
import { referralWorkflowId } from '@app/workflow-contracts';
import { readTopic, type TopicReader } from '../support/kafka-topic';
import { localStack } from '../support/local-stack';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';

/**
 * The whole platform in one process over the real stack: API, relay, projector, workflow
 * starter and worker, each on this file's own database, topic and task queue. One referral
 * goes through all of them; then Kafka and Temporal are each stopped while referrals arrive.
 */
const AFTER_OUTAGE_MS = 90000;

describe('referral intake end to end (PostgreSQL, Kafka, Temporal)', () => {
  const hubId = 'e2e-hub';
  const logger = pino({ level: 'silent' });
  let db: TestDatabase;
  let config: PlatformConfig;
  let api: NestFastifyApplication;
  let baseUrl: string;
  let relay: RelayHandle;
  let projector: ProjectorHandle;
  let starter: ReferralWorkflowStarter;
  let worker: WorkerHandle;
  let topic: TopicReader;
  let temporal: Client;
  let connection: Connection;
  let store: PostgresEventStore;
  /** A practitioner of the hub: submits, and reads the full view. */
  let auth: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'End-to-end hub', 'both')`, [hubId]);
    config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_REFERRAL_TOPIC: `mash.e2e.${uniqueSuffix()}`,
      TEMPORAL_TASK_QUEUE: `e2e-${uniqueSuffix()}`,
      LOG_LEVEL: 'silent',
    });
    store = new PostgresEventStore(db.pool);
    auth = await bearer({ sub: 'e2e-practitioner', hubs: [hubId], agency: 'social-care', roles: ['practitioner'] });
    api = await bootstrapApi(config, { ephemeralPort: true, host: '127.0.0.1', logger });
    const address = api.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    projector = await startProjector(config, db.pool, { logger });
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 200, maxBackoffMs: 1000 });
    starter = startReferralWorkflowStarter(config, db.pool, logger);
    worker = await startWorker(config, db.pool, { logger, workflowBundle: await bundleReferralWorkflows(logger) });
    topic = await readTopic(createKafka(config, logger, 'e2e-reader'), config.KAFKA_REFERRAL_TOPIC);
    connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  });

  afterAll(async () => {
    await Promise.allSettled([topic?.stop(), relay?.stop(), projector?.stop(), starter?.stop(), worker?.stop(), api?.close()]);
    await connection?.close();
    await db?.drop();
  });

  async function submit(idempotencyKey = randomUUID()): Promise<{ status: number; referralId: string }> {
    const response = await fetch(`${baseUrl}/v1/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, ...auth },
      body: JSON.stringify(validReferralRequest(hubId)),
    });
    const body = (await response.json()) as { referralId: string };
    return { status: response.status, referralId: body.referralId };
  }

  const messagesFor = (referralId: string) => topic.messages.filter((m) => m.key === referralId);

  async function workflowRuns(referralId: string): Promise<number> {
    let runs = 0;
    for await (const _ of temporal.workflow.list({ query: `WorkflowId = '${referralWorkflowId(referralId)}'` })) runs += 1;
    return runs;
  }

  /**
   * Waits until a referral has travelled every path: Kafka (both events), workflow, read model.
   * After an outage the bound is longer: a restarted broker or server, and every client's
   * reconnection and group rebalance, can take a minute on a busy two-core machine.
   */
  async function expectFullyProcessed(referralId: string, timeoutMs = 30000): Promise<void> {
    await eventually(async () => (messagesFor(referralId).length >= 2 ? true : undefined), {
      what: `both events of ${referralId} on Kafka`,
      timeoutMs,
    });
    const description = await eventually(
      () => temporal.workflow.getHandle(referralWorkflowId(referralId)).describe().catch(() => undefined),
      { what: `workflow of ${referralId}`, timeoutMs },
    );
    expect(description.status.name).toBe('RUNNING');
    expect(description.taskQueue).toBe(config.TEMPORAL_TASK_QUEUE);
    const view = await eventually(
      async () => {
        const response = await fetch(`${baseUrl}/v1/referrals/${referralId}`, { headers: auth });
        const body = (await response.json()) as { stage?: string };
        return response.status === 200 && body.stage === 'awaiting-triage' ? body : undefined;
      },
      { what: `read model of ${referralId} at awaiting-triage`, timeoutMs },
    );
    expect(view).toMatchObject({ referralId, hubId, stage: 'awaiting-triage' });
  }

  it('takes one referral through PostgreSQL, Kafka, Temporal and the read model', async () => {
    const { status, referralId } = await submit();
    expect(status).toBe(201);

    const [received] = await store.readStream(referralStreamId(referralId));
    expect(received).toMatchObject({ type: 'ReferralReceived', streamVersion: 1, hubId });

    await expectFullyProcessed(referralId);
    const onKafka = messagesFor(referralId);
    expect(onKafka.map((m) => m.event.type)).toEqual(['mash.referral.received.v1', 'mash.referral.triage-awaited.v1']);
    expect(new Set(onKafka.map((m) => m.partition)).size).toBe(1); // one referral, one partition, in order
    expect(await workflowRuns(referralId)).toBe(1);
    const events = await store.readStream(referralStreamId(referralId));
    expect(events.map((e) => e.type)).toEqual(['ReferralReceived', 'TriageAwaited']);
  });

  it('keeps answering 201 while Kafka is down, and delivers every event once it is back', async () => {
    localStack('stop', 'kafka');
    let submitted: { status: number; referralId: string }[];
    try {
      submitted = [];
      for (let i = 0; i < 5; i++) submitted.push(await submit());
    } finally {
      localStack('start', 'kafka');
    }
    expect(submitted.map((s) => s.status)).toEqual([201, 201, 201, 201, 201]);

    for (const { referralId } of submitted) await expectFullyProcessed(referralId, AFTER_OUTAGE_MS);
    const { rows } = await db.pool.query<{ referral_id: string; stream_version: number }>(
      'SELECT referral_id, stream_version FROM referral_summary WHERE referral_id = ANY($1::uuid[])',
      [submitted.map((s) => s.referralId)],
    );
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.stream_version).toBe(2); // each event applied once, in order
    // Every event of these referrals reached the topic at least once; the read model counted each once.
    const distinct = new Set(topic.messages.filter((m) => submitted.some((s) => s.referralId === m.key)).map((m) => m.event.id));
    expect(distinct.size).toBe(10);
  });

  it('starts the workflow exactly once for a referral taken while Temporal was down', async () => {
    localStack('stop', 'temporal');
    let taken: { status: number; referralId: string };
    try {
      taken = await submit();
    } finally {
      localStack('start', 'temporal');
    }
    expect(taken.status).toBe(201);
    await expectFullyProcessed(taken.referralId, AFTER_OUTAGE_MS);
    expect(await workflowRuns(taken.referralId)).toBe(1);
    const events = await store.readStream(referralStreamId(taken.referralId));
    expect(events.map((e) => e.type)).toEqual(['ReferralReceived', 'TriageAwaited']);
  });

  it('gives one referral for the same Idempotency-Key sent twice', async () => {
    const key = randomUUID();
    const first = await submit(key);
    const second = await submit(key);
    expect(first.status).toBe(201);
    expect(second.referralId).toBe(first.referralId);
    await expectFullyProcessed(first.referralId);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM events WHERE event_type = 'ReferralReceived' AND data->>'referralId' = $1`, [first.referralId]);
    expect(rows[0].n).toBe(1);
    expect(await workflowRuns(first.referralId)).toBe(1);
  });
});
