import type { Admin, Kafka } from 'kafkajs';
import { loadConfig } from '@app/config';
import { PostgresEventStore, type LogPosition } from '@app/event-store';
import { createKafka } from '@app/messaging';
import { createLogger } from '@app/observability';
import { startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { readTopic, type TopicReader } from '../support/kafka-topic';
import { localStack } from '../support/local-stack';
import { projectionCaughtUp, summaryRows } from '../support/projector-progress';
import { appendReceived, appendReferral, appendTriageAwaited, type AppendedReferral } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

function laterOf(a: LogPosition, b: LogPosition): LogPosition {
  return b.transactionId > a.transactionId || (b.transactionId === a.transactionId && b.globalPosition > a.globalPosition) ? b : a;
}

describe('Kafka outage: events appended while Kafka is down reach the topic and the read model once', () => {
  const logger = createLogger('outage-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.referral-events.test-${uniqueSuffix()}`;
  let db: TestDatabase;
  let kafka: Kafka;
  let admin: Admin | undefined;
  let relay: RelayHandle;
  let projector: ProjectorHandle;
  let reader: TopicReader | undefined;
  let beforeOutage: AppendedReferral[];
  let duringOutage: AppendedReferral[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic });
    kafka = createKafka(config, logger, 'outage-test');
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 250, maxBackoffMs: 2000 });
    projector = await startProjector(config, db.pool, { logger });
    const store = new PostgresEventStore(db.pool);

    beforeOutage = await Promise.all(Array.from({ length: 3 }, () => appendReferral(store)));
    await eventually(async () => ((await summaryRows(db.pool)).length === 3 ? true : undefined), {
      what: 'referrals from before the outage projected',
    });
    // The checkpoint is saved just after Kafka's acknowledgement: wait for it to reach the last event.
    const lastBeforeOutage = beforeOutage.flatMap((r) => r.positions).reduce(laterOf);
    const relayedBeforeOutage = await eventually(
      async () => ((await relay.position()).globalPosition === lastBeforeOutage.globalPosition ? relay.position() : undefined),
      { what: 'relay checkpoint at the last event before the outage' },
    );

    localStack('stop', 'kafka');
    try {
      // Intake goes on: referrals arrive and wait for triage while Kafka is away.
      const received = await Promise.all(Array.from({ length: 5 }, () => appendReceived(store)));
      const awaited = await Promise.all(received.map((r) => appendTriageAwaited(store, r.referralId)));
      duringOutage = received.map((r, i) => ({
        referralId: r.referralId,
        hubId: r.hubId,
        givenName: r.givenName,
        familyName: r.familyName,
        eventIds: [r.eventId, awaited[i].eventId],
        positions: [r.position, awaited[i].position],
      }));
      // Nothing was acknowledged, so the relay's checkpoint cannot have moved.
      expect(await relay.position()).toEqual(relayedBeforeOutage);
    } finally {
      localStack('start', 'kafka');
    }
  }, 240_000);

  afterAll(async () => {
    await reader?.stop();
    await admin?.disconnect();
    await projector?.stop();
    await relay?.stop();
    await db?.drop();
  });

  it('delivers every event to the topic once Kafka is back', async () => {
    reader = await readTopic(kafka, topic);
    const appended = [...beforeOutage, ...duringOutage].flatMap((r) => r.eventIds).sort();
    const published = await eventually(
      async () => {
        const ids = [...new Set(reader!.messages.map((m) => m.event.id))].sort();
        return ids.length === appended.length ? ids : undefined;
      },
      { timeoutMs: 90_000, what: 'all 16 events on the topic' },
    );
    expect(published).toEqual(appended);
    // A batch resent after a failed send may appear twice; it must never reorder a referral.
    for (const referral of [...beforeOutage, ...duringOutage]) {
      const versions = reader.messages.filter((m) => m.event.referralId === referral.referralId).map((m) => m.event.streamVersion);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
    }
  });

  it('projects each referral exactly once, at its final stage', async () => {
    admin = kafka.admin();
    await admin.connect();
    await eventually(() => projectionCaughtUp(admin!, db.pool, topic), { timeoutMs: 90_000, what: 'projector at the end of the topic' });

    const rows = await summaryRows(db.pool);
    expect(rows.map((r) => r.referral_id).sort()).toEqual([...beforeOutage, ...duringOutage].map((r) => r.referralId).sort());
    for (const row of rows) expect(row).toMatchObject({ stage: 'awaiting-triage', stream_version: 2 });
    // 8 referrals x 2 events, each applied once whatever Kafka delivered twice.
    expect(projector.stats().applied).toBe(16);
  });
});
