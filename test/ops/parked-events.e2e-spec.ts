import { randomUUID } from 'node:crypto';
import { type Admin, type Producer } from 'kafkajs';
import { AuditLog } from '@app/audit';
import { loadConfig, type PlatformConfig } from '@app/config';
import type { RecordedEvent } from '@app/event-store';
import { createKafka, ensureTopics, INTEGRATION_HEADERS, PARK_REASONS, ParkedEvents, toIntegrationEvent, toKafkaMessage, type ParkedEvent } from '@app/messaging';
import { recordedReferralReceived, recordedTriageAwaited } from '../../libs/messaging/src/testing/recorded-referral-events';
import { createLogger } from '@app/observability';
import { OpsUsageError, readStatus, resolveParked, type ParkedDependencies, type ProjectionStatus } from '../../apps/ops/src';
import { startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { REFERRAL_SUMMARY_CONSUMER } from '../../apps/projector/src/referral-summary/apply-batch';
import { referralSummaryParkedConsumer } from '../../apps/projector/src/referral-summary/reapply-parked';
import { projectionCaughtUp } from '../support/projector-progress';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

/** An integration event message of referral `referralId` at `streamVersion`, as the relay would send it, to partition 0. */
function eventMessage(base: RecordedEvent, referralId: string, streamVersion: number, change: (event: Record<string, unknown>) => void = () => undefined) {
  const recorded = { ...base, eventId: randomUUID(), streamId: `referral-${referralId}`, streamVersion, hubId: 'east-mash', data: { ...(base.data as object), referralId, hubId: 'east-mash' } };
  const event = toIntegrationEvent(recorded as Parameters<typeof toIntegrationEvent>[0]) as unknown as Record<string, unknown>;
  change(event);
  const message = toKafkaMessage(event as never);
  return { ...message, value: JSON.stringify(event), partition: 0 };
}
const received = (referralId: string, change?: (event: Record<string, unknown>) => void) => eventMessage(recordedReferralReceived(), referralId, 1, change);
const triageAwaited = (referralId: string) => eventMessage(recordedTriageAwaited(), referralId, 2);

/**
 * Poison events over the real stack: the projector parks what it cannot apply, holds the later
 * events of that referral, goes on with everyone else's, and `ops parked retry|skip` resolves them
 * with an audit record.
 */
describe('parked events of the projector', () => {
  const logger = createLogger('ops-parked-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.ops-parked.${uniqueSuffix()}`;
  let db: TestDatabase;
  let config: PlatformConfig;
  let admin: Admin;
  let producer: Producer;
  let projector: ProjectorHandle;
  const deps = (): ParkedDependencies => ({ pool: db.pool, consumerFor: async () => referralSummaryParkedConsumer() });

  const caughtUp = () => eventually(() => projectionCaughtUp(admin, db.pool, topic), { what: 'projector at the end of the topic' });
  const row = async (referralId: string) =>
    (await db.pool.query<{ stage: string; stream_version: number }>('SELECT stage, stream_version FROM referral_summary WHERE referral_id = $1', [referralId])).rows[0];
  const parkedOf = async (referralId: string): Promise<ParkedEvent[]> =>
    (await ParkedEvents.list(db.pool, { consumer: REFERRAL_SUMMARY_CONSUMER, status: 'all' })).filter((p) => p.referralId === referralId);

  beforeAll(async () => {
    db = await createTestDatabase();
    config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic, LOG_LEVEL: 'silent' });
    const kafka = createKafka(config, logger, 'ops-parked-test');
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topic]);
    producer = kafka.producer();
    await producer.connect();
    projector = await startProjector(config, db.pool, { logger });
  });

  afterAll(async () => {
    await Promise.allSettled([projector?.stop(), producer?.disconnect(), admin?.disconnect()]);
    await db?.drop();
  });

  it('parks a malformed message and a schema-breaking event, holds their referrals, and applies the other referrals of the batch', async () => {
    const [good, malformed, invalid] = [randomUUID(), randomUUID(), randomUUID()];
    await producer.send({
      topic,
      messages: [
        received(good),
        { key: malformed, value: 'not json {', partition: 0, headers: { [INTEGRATION_HEADERS.hubId]: 'east-mash' } },
        received(invalid, (event) => delete (event.data as Record<string, unknown>).subject),
        triageAwaited(malformed),
        triageAwaited(invalid),
        triageAwaited(good),
      ],
    });
    await caughtUp();

    expect(await row(good)).toEqual({ stage: 'awaiting-triage', stream_version: 2 });
    expect(await row(malformed)).toBeUndefined();
    expect(await row(invalid)).toBeUndefined();
    expect((await parkedOf(malformed)).map((p) => p.errorCode)).toEqual([PARK_REASONS.malformed, PARK_REASONS.heldBehindParked]);
    const [schemaBroken, held] = await parkedOf(invalid);
    expect([schemaBroken.errorCode, held.errorCode]).toEqual([PARK_REASONS.schemaInvalid, PARK_REASONS.heldBehindParked]);
    // Where and why, never what: the error names the path, and the payload is kept for a retry.
    expect(schemaBroken).toMatchObject({ topic, partition: 0, eventType: 'mash.referral.received.v1', hubId: 'east-mash', status: 'parked' });
    expect(schemaBroken.errorMessage).toContain("must have required property 'subject'");
    expect(schemaBroken.errorMessage).not.toMatch(/Sam|Example/);
    expect(schemaBroken.payload?.length).toBeGreaterThan(0);
    expect(projector.stats()).toMatchObject({ applied: 2, parked: 4, malformed: 1 });

    const status = (await readStatus({ pool: db.pool, kafkaAdmin: admin, referralTopic: topic })).find((s): s is ProjectionStatus => s.kind === 'projection')!;
    expect(status).toMatchObject({ parked: 4, totalLag: 0, lastError: { code: PARK_REASONS.schemaInvalid } });
  });

  it('parks only the event its SQL refuses, holds the later ones of that referral, and applies them in order after a retry', async () => {
    const [poisoned, neighbour] = [randomUUID(), randomUUID()];
    // A cause the test can remove: a CHECK this one referral breaks.
    await db.pool.query(`ALTER TABLE referral_summary ADD CONSTRAINT test_poison CHECK (referral_id <> '${poisoned}')`);
    await producer.send({ topic, messages: [received(neighbour), received(poisoned), triageAwaited(neighbour), triageAwaited(poisoned)] });
    await caughtUp();

    expect(await row(neighbour)).toEqual({ stage: 'awaiting-triage', stream_version: 2 });
    expect(await row(poisoned)).toBeUndefined();
    const [failed, held] = await parkedOf(poisoned);
    expect(failed.errorCode).toBe(PARK_REASONS.applyFailed);
    expect(failed.errorMessage).toMatch(/in saving the summary; SQLSTATE 23514; table referral_summary; constraint test_poison$/);
    expect(held.errorCode).toBe(PARK_REASONS.heldBehindParked);

    // The held event cannot jump its queue; a retry while the cause is there fails again and changes nothing.
    await expect(resolveParked(deps(), held.id, { kind: 'retry' }, 'oncall-7')).rejects.toThrow(OpsUsageError);
    const again = await resolveParked(deps(), failed.id, { kind: 'retry' }, 'oncall-7');
    expect(again).toMatchObject({ events: [{ id: failed.id, outcome: 'failed-again' }], stillHeld: 1 });

    await db.pool.query('ALTER TABLE referral_summary DROP CONSTRAINT test_poison');
    const retried = await resolveParked(deps(), failed.id, { kind: 'retry' }, 'oncall-7');
    expect(retried.events.map((e) => [e.id, e.outcome])).toEqual([
      [failed.id, 'retried'],
      [held.id, 'released'],
    ]);
    expect(await row(poisoned)).toEqual({ stage: 'awaiting-triage', stream_version: 2 });
    expect((await parkedOf(poisoned)).map((p) => [p.status, p.resolvedBy])).toEqual([
      ['retried', 'oncall-7'],
      ['retried', 'oncall-7'],
    ]);
    const audit = await new AuditLog(db.pool).query({ hubId: 'east-mash', action: 'parked-event.retry' });
    expect(audit.records.map((r) => [r.resourceType, r.resourceId, r.userId, r.role, r.access])).toContainEqual(['parked-event', failed.id, 'oncall-7', 'operations', 'write']);

    // The referral is no longer held: its next event applies as it arrives.
    await producer.send({ topic, messages: [eventMessage(recordedTriageAwaited(), poisoned, 3)] });
    await caughtUp();
    expect((await row(poisoned)).stream_version).toBe(3);
  });

  it('skips a parked event with a reason code and an audit record, and releases the events held behind it', async () => {
    const [malformed] = (await ParkedEvents.list(db.pool, { consumer: REFERRAL_SUMMARY_CONSUMER })).filter((p) => p.errorCode === PARK_REASONS.malformed);
    const result = await resolveParked(deps(), malformed.id, { kind: 'skip', reason: 'unreadable-test-message' }, 'oncall-8');
    // The held triage-awaited event follows; with no received event before it there is no row to move.
    expect(result.events.map((e) => e.outcome)).toEqual(['skipped', 'released']);
    expect((await parkedOf(malformed.referralId!)).map((p) => [p.status, p.resolution])).toEqual([
      ['skipped', 'unreadable-test-message'],
      ['retried', `released after ${malformed.id}`],
    ]);
    const audit = await new AuditLog(db.pool).query({ hubId: 'east-mash', action: 'parked-event.skip' });
    expect(audit.records).toEqual([expect.objectContaining({ resourceId: malformed.id, userId: 'oncall-8', role: 'operations', correlationId: result.auditCorrelationIds[0] })]);
    await expect(resolveParked(deps(), malformed.id, { kind: 'skip', reason: 'again' }, 'oncall-8')).rejects.toThrow(/already skipped/);

    const status = (await readStatus({ pool: db.pool, kafkaAdmin: admin, referralTopic: topic })).find((s): s is ProjectionStatus => s.kind === 'projection')!;
    expect(status.parked).toBe(2); // the schema-breaking event and the one held behind it
  });
});
