import { Kafka } from 'kafkajs';
import { loadConfig } from '@app/config';
import { PostgresEventStore } from '@app/event-store';
import { createKafka, headerText, INTEGRATION_HEADERS, IntegrationEventSchemas } from '@app/messaging';
import { createLogger } from '@app/observability';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { readTopic, type TopicReader } from '../support/kafka-topic';
import { appendReferral, type AppendedReferral } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

describe('relay: event store to Kafka', () => {
  const logger = createLogger('relay-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.referral-events.test-${uniqueSuffix()}`;
  let db: TestDatabase;
  let kafka: Kafka;
  let relay: RelayHandle;
  let reader: TopicReader;
  let referrals: AppendedReferral[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic });
    kafka = createKafka(config, logger, 'relay-test');
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 250 });

    const store = new PostgresEventStore(db.pool);
    // Referrals written concurrently, as several intake requests would be.
    referrals = await Promise.all(Array.from({ length: 8 }, (_, i) => appendReferral(store, `hub-${i % 2}`)));

    // The relay creates the topic when it first connects; read it once it exists.
    await eventually(async () => ((await relay.position()).globalPosition > 0n ? true : undefined), {
      what: 'relay to publish its first batch',
    });
    reader = await readTopic(kafka, topic);
    await eventually(async () => (reader.messages.length >= 16 ? true : undefined), { what: '16 messages on the topic' });
  });

  afterAll(async () => {
    await reader?.stop();
    await relay?.stop();
    await db?.drop();
  });

  it('publishes every appended event exactly once', () => {
    const published = reader.messages.map((m) => m.event.id).sort();
    expect(published).toEqual(referrals.flatMap((r) => r.eventIds).sort());
  });

  it('keys each message by referral id and keeps each referral in one partition, in stream order', () => {
    for (const referral of referrals) {
      const own = reader.messages.filter((m) => m.event.referralId === referral.referralId);
      expect(own.map((m) => m.key)).toEqual([referral.referralId, referral.referralId]);
      expect(new Set(own.map((m) => m.partition)).size).toBe(1);
      expect(own.map((m) => m.event.type)).toEqual(['mash.referral.received.v1', 'mash.referral.triage-awaited.v1']);
      expect(own.map((m) => m.event.streamVersion)).toEqual([1, 2]);
      expect(own.map((m) => m.event.id)).toEqual(referral.eventIds);
    }
  });

  it('sends integration events that conform to their published schemas, with routing headers', () => {
    const schemas = new IntegrationEventSchemas();
    for (const message of reader.messages) {
      expect(schemas.check(message.event)).toEqual({ valid: true, problems: [] });
      expect(headerText(message.headers, INTEGRATION_HEADERS.eventId)).toBe(message.event.id);
      expect(headerText(message.headers, INTEGRATION_HEADERS.eventType)).toBe(message.event.type);
      expect(headerText(message.headers, INTEGRATION_HEADERS.hubId)).toBe(message.event.hubId);
    }
    const referral = referrals[0];
    const received = reader.messages.find((m) => m.event.id === referral.eventIds[0])!.event;
    expect(received).toMatchObject({
      specVersion: '1.0',
      source: 'mash-platform',
      hubId: referral.hubId,
      position: referral.positions[0].globalPosition.toString(),
      data: { subject: { givenName: referral.givenName, familyName: referral.familyName }, householdSize: 2 },
    });
  });

  it('leaves its checkpoint at the last relayed event', async () => {
    const last = referrals
      .flatMap((r) => r.positions)
      .reduce((a, b) => (b.transactionId > a.transactionId || (b.transactionId === a.transactionId && b.globalPosition > a.globalPosition) ? b : a));
    // The checkpoint is saved just after Kafka's acknowledgement, so it may trail the topic briefly.
    await eventually(async () => ((await relay.position()).globalPosition === last.globalPosition ? true : undefined), {
      what: 'relay checkpoint at the last event',
    });
    expect(await relay.position()).toEqual(last);
  });
});
