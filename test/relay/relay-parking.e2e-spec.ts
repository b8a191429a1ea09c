import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { AuditLog } from '@app/audit';
import { loadConfig, type PlatformConfig } from '@app/config';
import { referralStreamId } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { createKafka, PARK_REASONS, ParkedEvents } from '@app/messaging';
import { createLogger } from '@app/observability';
import { readStatus, resolveParked, type EventReaderStatus } from '../../apps/ops/src';
import { IntegrationEventPublisher } from '../../apps/relay/src/integration-event-publisher';
import { relayParkedConsumer } from '../../apps/relay/src/reapply-parked';
import { RELAY_READER, startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { readTopic, type TopicReader } from '../support/kafka-topic';
import { appendReferral, appendTriageAwaited } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

/**
 * A stored event the relay cannot map is parked under kafka-relay instead of blocking the log:
 * the later events of its referral are held, everyone else's are published.
 */
describe('relay: an event it cannot map', () => {
  const logger = createLogger('relay-parking-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.relay-parking.${uniqueSuffix()}`;
  let db: TestDatabase;
  let config: PlatformConfig;
  let kafka: Kafka;
  let relay: RelayHandle;
  let reader: TopicReader;
  let store: PostgresEventStore;
  const broken = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic, LOG_LEVEL: 'silent' });
    kafka = createKafka(config, logger, 'relay-parking-test');
    store = new PostgresEventStore(db.pool);
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 100 });
  });

  afterAll(async () => {
    await reader?.stop();
    await relay?.stop();
    await db?.drop();
  });

  it('parks it, holds the later events of that referral, and goes on with the others', async () => {
    // A received event without the subject, referrer or consent its type promises: the mapping throws on it.
    const metadata = { actor: 'test-intake', agency: 'police', hubId: 'east-mash', correlationId: randomUUID(), causationId: null, policyVersion: 0 };
    await store.append(referralStreamId(broken), 'no-stream', [{ eventId: randomUUID(), type: 'ReferralReceived', data: { referralId: broken, hubId: 'east-mash' } as never }], metadata);
    await appendTriageAwaited(store, broken, 'east-mash');
    const other = await appendReferral(store, 'east-mash');

    await eventually(async () => ((await relay.position()).globalPosition >= other.positions[1].globalPosition ? true : undefined), { what: 'the relay past every event' });
    reader = await readTopic(kafka, topic);
    await eventually(async () => (reader.messages.length >= 2 ? true : undefined), { what: 'the other referral on the topic' });
    expect(reader.messages.map((m) => m.event.referralId)).toEqual([other.referralId, other.referralId]);

    const parked = await ParkedEvents.list(db.pool, { consumer: RELAY_READER });
    expect(parked.map((p) => [p.eventType, p.errorCode, p.referralId, p.topic])).toEqual([
      ['ReferralReceived', PARK_REASONS.mappingFailed, broken, null],
      ['TriageAwaited', PARK_REASONS.heldBehindParked, broken, null],
    ]);
    expect(parked[0].errorMessage).toBe('TypeError in toIntegrationEvent (ReferralReceived v1)');
    const admin = kafka.admin();
    await admin.connect();
    const status = await readStatus({ pool: db.pool, kafkaAdmin: admin, referralTopic: topic }).finally(() => admin.disconnect());
    expect(status.find((s): s is EventReaderStatus => s.name === RELAY_READER)).toMatchObject({ eventsBehind: 0, parked: 2, lastError: { code: PARK_REASONS.mappingFailed } });
  });

  it('skipping it publishes the held events of that referral, in order, with an audit record', async () => {
    const publisher = new IntegrationEventPublisher(kafka, topic, logger);
    try {
      const [root] = await ParkedEvents.list(db.pool, { consumer: RELAY_READER });
      const result = await resolveParked({ pool: db.pool, consumerFor: async () => relayParkedConsumer(db.pool, publisher) }, root.id, { kind: 'skip', reason: 'unmappable-test-event' }, 'oncall-9');
      expect(result.events.map((e) => e.outcome)).toEqual(['skipped', 'released']);
    } finally {
      await publisher.close();
    }
    await eventually(async () => (reader.messages.some((m) => m.event.referralId === broken) ? true : undefined), { what: 'the held event published' });
    expect(reader.messages.filter((m) => m.event.referralId === broken).map((m) => m.event.type)).toEqual(['mash.referral.triage-awaited.v1']);
    expect(await ParkedEvents.list(db.pool, { consumer: RELAY_READER })).toEqual([]);
    expect((await new AuditLog(db.pool).query({ hubId: 'east-mash', action: 'parked-event.skip' })).records).toHaveLength(1);
  });
});
