import type { Admin } from 'kafkajs';
import { loadConfig, type PlatformConfig } from '@app/config';
import type { Pool } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { createKafka } from '@app/messaging';
import { createLogger } from '@app/observability';
import { kafkaReset, OpsBusyError, OpsUsageError } from '../../apps/ops/src';
import { REFERRAL_SUMMARY_GROUP, startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { projectionCaughtUp } from '../support/projector-progress';
import { appendReceived, appendReferral } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

/** Every column of every row but updated_at, as text, in referral order. */
async function readModel(pool: Pool): Promise<Record<string, unknown>[]> {
  const { rows } = await pool.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(s) - 'updated_at' AS row FROM referral_summary s ORDER BY referral_id`,
  );
  return rows.map((r) => r.row);
}

async function checkpoints(pool: Pool, topic: string): Promise<Map<number, string>> {
  const { rows } = await pool.query<{ partition: number; next_offset: string }>('SELECT partition, next_offset::text FROM projection_checkpoints WHERE topic = $1', [topic]);
  return new Map(rows.map((r) => [r.partition, r.next_offset]));
}

/**
 * `ops kafka-reset` over the real stack: the projector's group and stored offsets moved back to
 * the beginning, the projector reads everything again, and the read model is as it was.
 */
describe('ops kafka-reset', () => {
  const logger = createLogger('ops-kafka-reset-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.ops-reset.${uniqueSuffix()}`;
  let db: TestDatabase;
  let config: PlatformConfig;
  let admin: Admin;
  let relay: RelayHandle;
  let projector: ProjectorHandle | undefined;
  let total: number;

  const caughtUp = () => eventually(() => projectionCaughtUp(admin, db.pool, topic), { what: 'projector at the end of the topic' });
  const groupOffsets = async () => (await admin.fetchOffsets({ groupId: REFERRAL_SUMMARY_GROUP, topics: [topic] }))[0].partitions.map((p) => [p.partition, p.offset]);
  const reset = (request: Omit<Parameters<typeof kafkaReset>[1], 'group' | 'topic'>) =>
    kafkaReset({ pool: db.pool, kafkaAdmin: admin }, { group: REFERRAL_SUMMARY_GROUP, topic, ...request });

  beforeAll(async () => {
    db = await createTestDatabase();
    config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic, LOG_LEVEL: 'silent' });
    admin = createKafka(config, logger, 'ops-reset-test').admin();
    await admin.connect();
    projector = await startProjector(config, db.pool, { logger });
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 100 });
    const store = new PostgresEventStore(db.pool);
    for (let i = 0; i < 8; i++) await appendReferral(store, 'east-mash');
    for (let i = 0; i < 3; i++) await appendReceived(store, 'east-mash');
    total = 8 * 2 + 3;
    await eventually(async () => ((await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0) === total ? true : undefined), { what: 'every event on the topic' });
    await caughtUp();
    // Kafka's committed offsets follow the stored ones: wait until they have, so the dry run has them.
    await eventually(async () => ((await groupOffsets()).reduce((sum, [, o]) => sum + Math.max(Number(o), 0), 0) === total ? true : undefined), { what: 'group offsets committed' });
  });

  afterAll(async () => {
    await Promise.allSettled([relay?.stop(), projector?.stop()]);
    await admin?.disconnect();
    await db?.drop();
  });

  it('refuses to move the offsets of a group with active members, and says so in a dry run', async () => {
    await expect(reset({ target: { kind: 'earliest' }, dryRun: false })).rejects.toThrow(OpsBusyError);
    await expect(reset({ target: { kind: 'earliest' }, dryRun: false })).rejects.toThrow(/active member.*stop its consumers/);
    expect((await reset({ target: { kind: 'earliest' }, dryRun: true })).activeMembers).toBe(1);
  });

  it('dry run: says per partition where the offsets stand and would go, and how much would be read again, changing nothing', async () => {
    await projector!.stop();
    projector = undefined;
    const [storedBefore, groupBefore] = [await checkpoints(db.pool, topic), await groupOffsets()];
    const report = await reset({ target: { kind: 'earliest' }, dryRun: true });
    expect(report).toMatchObject({ projection: 'referral-summary', dryRun: true, activeMembers: 0 });
    expect(report.moves).toHaveLength(6);
    expect(report.moves.reduce((sum, m) => sum + m.reread, 0)).toBe(total);
    for (const move of report.moves) {
      expect(move).toMatchObject({ target: '0', checkpoint: storedBefore.get(move.partition) ?? null, reread: Number(storedBefore.get(move.partition) ?? 0) });
    }
    const [busiest] = [...report.moves].sort((a, b) => b.reread - a.reread);
    const one = await reset({ target: { kind: 'offsets', offsets: new Map([[busiest.partition, '1']]) }, dryRun: true });
    expect(one.moves).toEqual([expect.objectContaining({ partition: busiest.partition, target: '1', reread: busiest.reread - 1 })]);
    const beforeEverything = await reset({ target: { kind: 'time', at: new Date(Date.now() - 3_600_000) }, partition: busiest.partition, dryRun: true });
    expect(beforeEverything.moves).toEqual([expect.objectContaining({ target: '0', reread: busiest.reread })]);
    await expect(reset({ target: { kind: 'offsets', offsets: new Map([[busiest.partition, '999']]) }, dryRun: true })).rejects.toThrow(OpsUsageError);

    expect(await checkpoints(db.pool, topic)).toEqual(storedBefore);
    expect(await groupOffsets()).toEqual(groupBefore);
  });

  it('re-consuming the topic from the beginning leaves the read model unchanged', async () => {
    const before = await readModel(db.pool);
    expect(before).toHaveLength(11);
    const report = await reset({ target: { kind: 'earliest' }, dryRun: false });
    expect(report.moves.reduce((sum, m) => sum + m.reread, 0)).toBe(total);
    expect([...(await checkpoints(db.pool, topic)).values()].every((o) => o === '0')).toBe(true);
    expect((await groupOffsets()).every(([, offset]) => offset === '0')).toBe(true);

    projector = await startProjector(config, db.pool, { logger });
    await eventually(async () => (projector!.stats().unchanged === total ? true : undefined), { what: 'every message read again' });
    await caughtUp();
    expect(projector.stats()).toMatchObject({ applied: 0, unchanged: total, parked: 0 });
    expect(await readModel(db.pool)).toEqual(before);
  });
});
