import { randomUUID } from 'node:crypto';
import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import { loadConfig } from '@app/config';
import { PostgresEventStore } from '@app/event-store';
import { createKafka } from '@app/messaging';
import { createLogger } from '@app/observability';
import { REFERRAL_SUMMARY_GROUP, startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { readTopic } from '../support/kafka-topic';
import { projectionCaughtUp, summaryRows } from '../support/projector-progress';
import { appendReceived, appendReferral, type AppendedReferral } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

describe('projector: referral topic to referral_summary', () => {
  const logger = createLogger('projector-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.referral-events.test-${uniqueSuffix()}`;
  let db: TestDatabase;
  let config: ReturnType<typeof loadConfig>;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let relay: RelayHandle;
  let projector: ProjectorHandle;
  let store: PostgresEventStore;
  let referrals: AppendedReferral[];

  const caughtUp = () => eventually(() => projectionCaughtUp(admin, db.pool, topic), { what: 'projector at the end of the topic' });

  beforeAll(async () => {
    db = await createTestDatabase();
    config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic });
    kafka = createKafka(config, logger, 'projector-test');
    admin = kafka.admin();
    await admin.connect();
    // The relay's partitioner, so a message produced again lands in the partition of the first.
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    store = new PostgresEventStore(db.pool);
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 250 });
    projector = await startProjector(config, db.pool, { logger });

    referrals = await Promise.all(Array.from({ length: 5 }, () => appendReferral(store, 'east-mash')));
    const onlyReceived = await appendReceived(store, 'east-mash');
    await eventually(async () => ((await summaryRows(db.pool)).length === 6 ? true : undefined), { what: '6 summary rows' });
    await caughtUp();
    expect(onlyReceived.referralId).toBeDefined();
  });

  afterAll(async () => {
    await projector?.stop();
    await relay?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await db?.drop();
  });

  it('writes one summary row per referral at its latest stage', async () => {
    const rows = await summaryRows(db.pool);
    expect(rows.map((r) => r.stage).sort()).toEqual([...Array(5).fill('awaiting-triage'), 'received']);
    const referral = referrals[0];
    const row = rows.find((r) => r.referral_id === referral.referralId)!;
    expect(row).toMatchObject({
      hub_id: 'east-mash',
      stage: 'awaiting-triage',
      subject_display_name: `${referral.givenName} ${referral.familyName}`,
      subject_date_of_birth: '2016-05-04',
      household_size: 2,
      stream_version: 2,
      last_event_id: referral.eventIds[1],
    });
    expect(row.triage_awaited_since).toBeInstanceOf(Date);
    expect(projector.stats()).toMatchObject({ applied: 11, unchanged: 0 });
  });

  it('skips the same messages produced again, leaving every row untouched', async () => {
    const before = await summaryRows(db.pool);
    const reader = await readTopic(kafka, topic);
    await eventually(async () => (reader.messages.length === 11 ? true : undefined), { what: 'the 11 messages read back' });
    await reader.stop();

    await producer.send({
      topic,
      messages: reader.messages.map((m) => ({ key: m.key, value: JSON.stringify(m.event), headers: m.headers })),
    });
    await caughtUp();

    expect(await summaryRows(db.pool)).toEqual(before);
    expect(projector.stats()).toMatchObject({ applied: 11, unchanged: 11 });
  });

  it('applies nothing twice after its consumer group is reset to the beginning', async () => {
    const before = await summaryRows(db.pool);
    await projector.stop();
    await admin.resetOffsets({ groupId: REFERRAL_SUMMARY_GROUP, topic, earliest: true });
    projector = await startProjector(config, db.pool, { logger });

    // A new referral after the reset proves the restarted projector has read past it.
    const marker = await appendReferral(store, 'east-mash');
    await eventually(
      async () => ((await summaryRows(db.pool)).find((r) => r.referral_id === marker.referralId)?.stage === 'awaiting-triage' ? true : undefined),
      { what: 'the marker referral projected' },
    );
    await caughtUp();

    const after = await summaryRows(db.pool);
    expect(after.filter((r) => r.referral_id !== marker.referralId)).toEqual(before);
    expect(projector.stats()).toMatchObject({ applied: 2 });
  });

  it('passes over unknown types, parks unreadable messages, and moves its offsets past them', async () => {
    const before = await summaryRows(db.pool);
    const { referralId } = referrals[1];
    // A type from a later release: a newer stream version, so only the type keeps it out.
    const later = { specVersion: '1.0', id: randomUUID(), type: 'mash.referral.rag-rated.v1', referralId, hubId: 'east-mash', streamVersion: 9, data: {} };
    await producer.send({
      topic,
      messages: [
        { key: referralId, value: JSON.stringify(later) },
        { key: referralId, value: 'not json' },
      ],
    });
    await caughtUp();

    expect(await summaryRows(db.pool)).toEqual(before);
    expect(projector.stats()).toMatchObject({ applied: 2, ignored: 1, malformed: 1, parked: 1 });
    const { rows } = await db.pool.query('SELECT consumer, referral_id, error_code, error_message FROM parked_events');
    expect(rows).toEqual([{ consumer: 'referral-summary', referral_id: referralId, error_code: 'EVENT.MALFORMED', error_message: 'malformed integration event: value is not JSON' }]);
  });
});
