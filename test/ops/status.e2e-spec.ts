import type { Admin } from 'kafkajs';
import { loadConfig, type PlatformConfig } from '@app/config';
import { PostgresEventStore } from '@app/event-store';
import { createKafka } from '@app/messaging';
import { createLogger } from '@app/observability';
import { readStatus, type EventReaderStatus, type ProjectionStatus } from '../../apps/ops/src';
import { startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { projectionCaughtUp } from '../support/projector-progress';
import { appendReferral } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

/** `ops status` over the real stack: the relay and the projector on this file's database and topic. */
describe('ops status', () => {
  const logger = createLogger('ops-status-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  let db: TestDatabase;
  let config: PlatformConfig;
  let admin: Admin;
  let store: PostgresEventStore;
  let relay: RelayHandle | undefined;
  let projector: ProjectorHandle | undefined;

  const status = () => readStatus({ pool: db.pool, kafkaAdmin: admin, referralTopic: config.KAFKA_REFERRAL_TOPIC });
  const projection = async () => (await status()).find((s): s is ProjectionStatus => s.kind === 'projection' && s.name === 'referral-summary' && s.topic === config.KAFKA_REFERRAL_TOPIC)!;
  const reader = async (name: string) => (await status()).find((s): s is EventReaderStatus => s.kind === 'event-reader' && s.name === name)!;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: `mash.ops-status.${uniqueSuffix()}`, LOG_LEVEL: 'silent' });
    store = new PostgresEventStore(db.pool);
    admin = createKafka(config, logger, 'ops-status-test').admin();
    await admin.connect();
    projector = await startProjector(config, db.pool, { logger });
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 200 });
  });

  afterAll(async () => {
    await Promise.allSettled([relay?.stop(), projector?.stop()]);
    await admin?.disconnect();
    await db?.drop();
  });

  it('shows lag 0 once the relay and the projector have caught up', async () => {
    for (let i = 0; i < 4; i++) await appendReferral(store);
    // The relay first: the projection is caught up only with what is on the topic already.
    await eventually(async () => ((await reader('kafka-relay')).eventsBehind === 0 ? true : undefined), { what: 'relay to publish the events' });
    await eventually(() => projectionCaughtUp(admin, db.pool, config.KAFKA_REFERRAL_TOPIC), { what: 'projection to catch up' });

    const summary = await projection();
    expect(summary.totalLag).toBe(0);
    expect(summary.partitions.reduce((sum, p) => sum + Number(p.highWatermark), 0)).toBe(8);
    expect(summary).toMatchObject({ parked: 0, lastError: null });
    const relayed = await reader('kafka-relay');
    expect(relayed).toMatchObject({ eventsBehind: 0, headPosition: relayed.checkpoint?.globalPosition, parked: 0, lastError: null });
    // The workflow starter does not run in this file: it has no checkpoint and all 8 events ahead.
    expect(await reader('referral-workflow-starter')).toMatchObject({ checkpoint: null, eventsBehind: 8 });
  });

  it('shows the lag of the projection while it is stopped, and of the relay while it is stopped', async () => {
    await projector!.stop();
    projector = undefined;
    for (let i = 0; i < 3; i++) await appendReferral(store);
    await eventually(async () => ((await reader('kafka-relay')).eventsBehind === 0 ? true : undefined), { what: 'relay to publish the new events' });

    const summary = await projection();
    expect(summary.totalLag).toBe(6); // 3 referrals, 2 events each, on Kafka and not applied
    expect(summary.partitions.filter((p) => p.lag > 0).every((p) => BigInt(p.highWatermark) - BigInt(p.nextOffset ?? '0') === BigInt(p.lag))).toBe(true);

    await relay!.stop();
    relay = undefined;
    await appendReferral(store);
    expect((await reader('kafka-relay')).eventsBehind).toBe(2);
    expect((await projection()).totalLag).toBe(6);
  });

  it('reports a projection topic missing from the cluster without creating it', async () => {
    const missing = `mash.ops-missing.${uniqueSuffix()}`;
    const statuses = await readStatus({ pool: db.pool, kafkaAdmin: admin, referralTopic: missing });
    expect(statuses.find((s) => s.kind === 'projection' && s.topic === missing)).toMatchObject({ topicExists: false, partitions: [], totalLag: 0 });
    expect(await admin.listTopics()).not.toContain(missing);
  });
});
