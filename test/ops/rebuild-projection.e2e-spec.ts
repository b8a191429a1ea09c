import type { Admin, Consumer } from 'kafkajs';
import { loadConfig, type PlatformConfig } from '@app/config';
import { inTransaction, type Pool } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { createKafka, IntegrationEventSchemas } from '@app/messaging';
import { createLogger } from '@app/observability';
import { dropOldTables, OpsBusyError, OpsUsageError, rebuildProjection, type RebuildProgress } from '../../apps/ops/src';
import { ProjectionCheckpoints } from '../../apps/projector/src/projection-checkpoints';
import { REFERRAL_SUMMARY_PROJECTION, startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { lockReadModelForWriting } from '../../apps/projector/src/read-model-write-lock';
import { applyReferralSummaryBatch } from '../../apps/projector/src/referral-summary/apply-batch';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { projectionCaughtUp } from '../support/projector-progress';
import { appendReceived, appendReferral, appendTriageAwaited } from '../support/referral-events';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

/**
 * `ops rebuild-projection referral-summary` over the real stack: relay and projector run on this
 * file's database and topic while referrals keep arriving, and a reference projection (the
 * projector's batch code, on a second database, from its own consumer group) is never rebuilt:
 * after each rebuild and switch-over, once everything caught up, the two tables must be equal.
 */
describe('ops rebuild-projection', () => {
  const logger = createLogger('ops-rebuild-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.ops-rebuild.${uniqueSuffix()}`;
  let db: TestDatabase;
  let reference: TestDatabase;
  let config: PlatformConfig;
  let admin: Admin;
  let store: PostgresEventStore;
  let relay: RelayHandle;
  let projector: ProjectorHandle;
  let referenceConsumer: Consumer;
  /** Referrals received and not yet awaiting triage: their second event comes later. */
  const receivedOnly: string[] = [];

  beforeAll(async () => {
    [db, reference] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic, LOG_LEVEL: 'silent' });
    store = new PostgresEventStore(db.pool);
    const kafka = createKafka(config, logger, 'ops-rebuild-test');
    admin = kafka.admin();
    await admin.connect();
    projector = await startProjector(config, db.pool, { logger }); // creates the topic
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 100 });
    referenceConsumer = kafka.consumer({ groupId: `ops-rebuild-reference-${uniqueSuffix()}`, sessionTimeout: 10000, heartbeatInterval: 1000 });
    await referenceConsumer.connect();
    await referenceConsumer.subscribe({ topic, fromBeginning: true });
    const checkpoints = new ProjectionCheckpoints(REFERRAL_SUMMARY_PROJECTION, topic);
    const schemas = new IntegrationEventSchemas();
    await referenceConsumer.run({
      eachBatch: async ({ batch }) => {
        if (batch.messages.length === 0) return;
        await inTransaction(reference.pool, (client) => applyReferralSummaryBatch(client, checkpoints, batch.messages, { topic, partition: batch.partition, schemas, isolated: false }));
      },
    });

    for (let i = 0; i < 12; i++) await appendReferral(store);
    for (let i = 0; i < 4; i++) receivedOnly.push((await appendReceived(store)).referralId);
    await caughtUp();
  });

  afterAll(async () => {
    await Promise.allSettled([relay?.stop(), projector?.stop(), referenceConsumer?.disconnect(), admin?.disconnect()]);
    await Promise.allSettled([db?.drop(), reference?.drop()]);
  });

  /** Referrals keep arriving: new ones, and the second event of earlier ones, until stopped. */
  function keepArriving(): { stop(): Promise<number> } {
    let running = true;
    let appended = 0;
    const loop = (async () => {
      while (running) {
        if (appended % 3 === 2 && receivedOnly.length > 0) await appendTriageAwaited(store, receivedOnly.shift()!);
        else if (appended % 2 === 0) receivedOnly.push((await appendReceived(store)).referralId);
        else await appendReferral(store);
        appended += 1;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    return {
      async stop() {
        running = false;
        await loop;
        return appended;
      },
    };
  }

  /** Readers of referral_summary, as the API reads it, all through a rebuild: never empty, never missing. */
  function readContinuously(pool: Pool): { stop(): Promise<{ reads: number; fewest: number; errors: unknown[] }> } {
    let running = true;
    const seen = { reads: 0, fewest: Infinity, errors: [] as unknown[] };
    const loop = (async () => {
      while (running) {
        try {
          const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM referral_summary');
          seen.fewest = Math.min(seen.fewest, rows[0].n);
          seen.reads += 1;
        } catch (error) {
          seen.errors.push(error);
        }
      }
    })();
    return {
      async stop() {
        running = false;
        await loop;
        return seen;
      },
    };
  }

  async function caughtUp(): Promise<void> {
    const { rows } = await db.pool.query<{ position: string }>('SELECT coalesce(max(global_position), 0)::text AS position FROM events');
    await eventually(async () => ((await relay.position()).globalPosition >= BigInt(rows[0].position) ? true : undefined), { what: 'relay at the head of the store' });
    await eventually(() => projectionCaughtUp(admin, db.pool, topic), { what: 'projector at the end of the topic' });
    await eventually(() => projectionCaughtUp(admin, reference.pool, topic), { what: 'reference projection at the end of the topic' });
  }

  /** Every row and column but updated_at (when the row was written, not what it says). */
  async function summaryTable(pool: Pool, table = 'referral_summary'): Promise<unknown[]> {
    const { rows } = await pool.query<{ row: unknown }>(`SELECT to_jsonb(s) - 'updated_at' AS row FROM ${table} s ORDER BY referral_id`);
    return rows.map((r) => r.row);
  }

  async function finishStraddlers(): Promise<void> {
    // Second events of referrals whose first was rebuilt: the projector applies them to the new table.
    while (receivedOnly.length > 2) await appendTriageAwaited(store, receivedOnly.shift()!);
  }

  it('rebuilds while referrals keep arriving into the same table as the live projection, and readers never see it empty', async () => {
    const before = (await summaryTable(db.pool)).length;
    const { rows: stored } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    const readers = readContinuously(db.pool);
    const arrivals = keepArriving();
    const phases: RebuildProgress['phase'][] = [];
    const result = await rebuildProjection(db.pool, {
      projection: 'referral-summary',
      mode: 'start',
      pageSize: 4,
      onProgress: (progress) => phases.push(progress.phase),
      // Gives the arrivals time to land while the rebuild runs, so the catch-up has work to do.
      afterPage: () => new Promise((resolve) => setTimeout(resolve, 30)),
    });
    const appended = await arrivals.stop();
    await finishStraddlers();
    const seen = await readers.stop();
    await caughtUp();

    expect(result).toMatchObject({ projection: 'referral-summary', generation: 1, resumed: false, liveTable: 'referral_summary', oldTable: 'referral_summary_old_1' });
    expect(appended).toBeGreaterThan(5);
    expect(result.eventsRead).toBeGreaterThan(stored[0].n); // events that arrived during the rebuild are in it
    expect(phases[0]).toBe('building');
    expect(phases.slice(-2)).toEqual(['switching', 'switched']);
    const rebuilt = await summaryTable(db.pool);
    expect(rebuilt.length).toBeGreaterThan(before);
    expect(rebuilt).toEqual(await summaryTable(reference.pool));

    expect(seen.errors).toEqual([]);
    expect(seen.reads).toBeGreaterThan(10);
    expect(seen.fewest).toBeGreaterThanOrEqual(before);

    // The live table keeps its index names; the old one is kept, with its own.
    const { rows: indexes } = await db.pool.query<{ tablename: string; indexname: string }>(
      `SELECT tablename, indexname FROM pg_indexes WHERE tablename IN ('referral_summary', 'referral_summary_old_1') ORDER BY 1, 2`,
    );
    expect(indexes.map((i) => `${i.tablename} ${i.indexname}`)).toEqual([
      'referral_summary referral_summary_hub_stage',
      'referral_summary referral_summary_pkey',
      'referral_summary_old_1 referral_summary_old_1_hub_stage',
      'referral_summary_old_1 referral_summary_old_1_pkey',
    ]);
  });

  it('resumes a rebuild killed half-way, refuses a second one while it runs, and ends equal to the live projection', async () => {
    const arrivals = keepArriving();
    const crash = new Error('killed after 3 pages');
    let pages = 0;
    await expect(
      rebuildProjection(db.pool, {
        projection: 'referral-summary',
        mode: 'start',
        pageSize: 5,
        afterPage: () => {
          pages += 1;
          if (pages === 3) throw crash;
        },
      }),
    ).rejects.toBe(crash);

    const { rows: stopped } = await db.pool.query<{ generation: number; status: string; events_read: string }>(
      `SELECT generation, status, events_read::text FROM projection_rebuilds WHERE projection = 'referral-summary' ORDER BY generation`,
    );
    expect(stopped.map((r) => [r.generation, r.status])).toEqual([[1, 'switched'], [2, 'running']]);
    expect(stopped[1].events_read).toBe('15');
    const { rows: partial } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM referral_summary_rebuild_2');
    expect(partial[0].n).toBeGreaterThan(0);
    await expect(rebuildProjection(db.pool, { projection: 'referral-summary', mode: 'start' })).rejects.toThrow(OpsUsageError);

    // The resumed run waits after its first page while a second run is attempted.
    let reachedGate!: () => void;
    let openGate!: () => void;
    const atGate = new Promise<void>((resolve) => (reachedGate = resolve));
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let resumedPages = 0;
    const resumed = rebuildProjection(db.pool, {
      projection: 'referral-summary',
      mode: 'resume',
      pageSize: 5,
      afterPage: async () => {
        resumedPages += 1;
        if (resumedPages === 1) {
          reachedGate();
          await gate;
        }
      },
    });
    await atGate;
    await expect(rebuildProjection(db.pool, { projection: 'referral-summary', mode: 'resume' })).rejects.toThrow(OpsBusyError);
    await expect(rebuildProjection(db.pool, { projection: 'referral-summary', mode: 'restart' })).rejects.toThrow(/rebuild of referral-summary is running \(generation 2/);
    openGate();
    const result = await resumed;
    await arrivals.stop();
    await finishStraddlers();
    await caughtUp();

    expect(result).toMatchObject({ generation: 2, resumed: true, oldTable: 'referral_summary_old_2' });
    expect(result.eventsRead - result.eventsThisRun).toBe(15);
    expect(await summaryTable(db.pool)).toEqual(await summaryTable(reference.pool));
    await expect(rebuildProjection(db.pool, { projection: 'referral-summary', mode: 'resume' })).rejects.toThrow(/no unfinished rebuild/);
  });

  it('switches over only when no projector batch is in flight, trying again after its lock timeout', async () => {
    // A projector batch that holds the live table's write lock (shared) longer than the switch waits.
    const batch = await db.pool.connect();
    await batch.query('BEGIN');
    await lockReadModelForWriting(batch, 'referral_summary');
    const phases: RebuildProgress['phase'][] = [];
    let finished = false;
    const rebuilding = rebuildProjection(db.pool, { projection: 'referral-summary', mode: 'start', switchLockTimeoutMs: 300, onProgress: (p) => phases.push(p.phase) }).finally(() => {
      finished = true;
    });
    await eventually(async () => (phases.includes('switching') ? true : undefined), { what: 'the rebuild to reach the switch-over' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(finished).toBe(false);
    expect((await summaryTable(db.pool)).length).toBeGreaterThan(0);
    await batch.query('COMMIT');
    batch.release();
    expect(await rebuilding).toMatchObject({ generation: 3, oldTable: 'referral_summary_old_3' });
    await caughtUp();
    expect(await summaryTable(db.pool)).toEqual(await summaryTable(reference.pool));
  });

  it('drops the tables kept for rollback', async () => {
    expect(await dropOldTables(db.pool, 'referral-summary')).toEqual(['referral_summary_old_1', 'referral_summary_old_2', 'referral_summary_old_3']);
    const { rows } = await db.pool.query<{ old1: string | null; live: string | null }>(
      `SELECT to_regclass('referral_summary_old_1')::text AS old1, to_regclass('referral_summary')::text AS live`,
    );
    expect(rows[0]).toEqual({ old1: null, live: 'referral_summary' });
    expect(await dropOldTables(db.pool, 'referral-summary')).toEqual([]);
  });
});
