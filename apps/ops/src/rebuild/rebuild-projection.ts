import { inTransaction, type Pool, type PoolClient } from '@app/database';
import { PostgresEventStore, type LogPosition, type RecordedEvent } from '@app/event-store';
import type { IntegrationEvent } from '@app/messaging';
import { lockReadModelForSwitch } from '../../../projector/src/read-model-write-lock';
import { OpsBusyError, OpsNotFoundError, OpsUsageError } from '../ops.errors';
import { eventsPerSecond, type ProgressSnapshot } from './progress';
import { asPublished, REBUILDABLE_PROJECTIONS, type RebuildableProjection } from './rebuildable-projections';
import * as state from './rebuild-state';
import { columnsOf, createLike, dropTable, swapTables } from './rebuild-tables';

export interface RebuildOptions {
  projection: string;
  /** start: a new generation (refused while one is unfinished); resume it; or abandon it and start anew. */
  mode: 'start' | 'resume' | 'restart';
  /** Events read per transaction (default 1000). */
  pageSize?: number;
  /** Told after every page and at the switch-over. */
  onProgress?: (progress: RebuildProgress) => void;
  /** Awaited after each committed page; tests throw from it to stand for a crash. */
  afterPage?: (progress: RebuildProgress) => Promise<void> | void;
  /** How long the switch-over waits for the live table's locks before trying again (default 10 s). */
  switchLockTimeoutMs?: number;
}

export interface RebuildProgress extends ProgressSnapshot {
  projection: string;
  generation: number;
  phase: 'building' | 'switching' | 'switched';
}

export interface RebuildResult {
  projection: string;
  generation: number;
  resumed: boolean;
  /** The live table, now the rebuilt one. */
  liveTable: string;
  /** The table that was live until the switch, kept for rollback. */
  oldTable: string;
  /** Every event read from the log, including by a run this one resumed. */
  eventsRead: number;
  eventsThisRun: number;
  /** Of this run, during the switch-over transaction (while the live projector waited). */
  eventsAtSwitch: number;
  elapsedMs: number;
  eventsPerSecond: number;
  /** Last event in the rebuilt table. */
  position: { transactionId: string; globalPosition: string };
  /** The live projection's Kafka offsets at the switch (carried over unchanged). */
  switchOffsets: { topic: string; partition: number; nextOffset: string }[];
}

const SWITCH_ATTEMPTS = 5;

function projectionNamed(name: string): RebuildableProjection {
  const projection = REBUILDABLE_PROJECTIONS[name];
  if (!projection) throw new OpsUsageError(`no rebuildable projection ${name} (known: ${Object.keys(REBUILDABLE_PROJECTIONS).join(', ')})`);
  return projection;
}

/**
 * Rebuilds a projection from the event store into a new table while the live one keeps serving,
 * then swaps the two in one transaction. Design and switch-over: docs/operations.md.
 *
 * 1. Pages of the global log in the relay's (transaction, position) order, each mapped as the
 *    relay maps it and folded by the projection's own `evolve` into `<live>_rebuild_<n>`; each
 *    page commits with the rebuild's checkpoint (projection_rebuilds), so a killed run resumes.
 * 2. At the head: one transaction takes the live table's write lock exclusive (the projector
 *    takes it shared per batch), so the projector pauses with nothing in flight. Every event it
 *    applied was published, hence committed and readable, so the rebuild reads to the head again,
 *    then renames live -> `<live>_old_<n>`, rebuilt -> live, and commits. The projector's Kafka
 *    offsets stay as they are: the rebuilt rows are at or ahead of them, and evolve skips any
 *    event at or below a row's stream version, so redelivered events change nothing.
 */
export async function rebuildProjection(pool: Pool, options: RebuildOptions): Promise<RebuildResult> {
  const projection = projectionNamed(options.projection);
  return whileHoldingRebuildLock(pool, projection, async () => {
    const started = Date.now();
    const { record, resumed } = await beginOrResume(pool, projection, options.mode);
    const store = new PostgresEventStore(pool);
    const pageSize = options.pageSize ?? 1000;
    const total = record.eventsRead + (await eventsAfter(pool, record.position));
    let position = record.position;
    let eventsRead = record.eventsRead;
    let eventsThisRun = 0;
    const progress = (phase: RebuildProgress['phase']): RebuildProgress => ({
      projection: projection.name,
      generation: record.generation,
      phase,
      done: eventsRead,
      total,
      doneThisRun: eventsThisRun,
      elapsedMs: Date.now() - started,
    });

    /** Reads one page after `from` and applies it, with the checkpoint, in `client`'s transaction. */
    async function applyNextPage(client: PoolClient, from: Checkpoint): Promise<Checkpoint | null> {
      const page = await store.readAll(from.position, pageSize);
      if (page.length === 0) return null;
      await projection.applyPage(client, record.rebuildTable, published(page));
      const reached = { position: page[page.length - 1].position, eventsRead: from.eventsRead + page.length };
      await state.saveProgress(client, record, reached.position, reached.eventsRead);
      return reached;
    }

    // 1. Up to the head, one page per transaction.
    for (;;) {
      const reached = await inTransaction(pool, (client) => applyNextPage(client, { position, eventsRead }));
      if (!reached) break;
      const read = reached.eventsRead - eventsRead;
      ({ position, eventsRead } = reached);
      eventsThisRun += read;
      options.onProgress?.(progress('building'));
      await options.afterPage?.(progress('building'));
      if (read < pageSize) break;
    }

    // 2. The switch-over: the rest of the log, from the last committed page, then the swap.
    options.onProgress?.(progress('switching'));
    const oldTable = `${projection.liveTable}_old_${record.generation}`;
    const built = { position, eventsRead };
    const switched = await switchOver(pool, projection, record, oldTable, options.switchLockTimeoutMs ?? 10_000, async (client) => {
      let reached: Checkpoint = built;
      for (let next = await applyNextPage(client, reached); next; next = await applyNextPage(client, reached)) reached = next;
      return reached;
    });
    const eventsAtSwitch = switched.eventsRead - built.eventsRead;
    eventsThisRun += eventsAtSwitch;
    eventsRead = switched.eventsRead;
    const elapsedMs = Date.now() - started;
    options.onProgress?.({ ...progress('switched'), elapsedMs });
    return {
      projection: projection.name,
      generation: record.generation,
      resumed,
      liveTable: projection.liveTable,
      oldTable,
      eventsRead,
      eventsThisRun,
      eventsAtSwitch,
      elapsedMs,
      eventsPerSecond: Math.round(eventsPerSecond({ doneThisRun: eventsThisRun, elapsedMs })),
      position: { transactionId: switched.position.transactionId.toString(), globalPosition: switched.position.globalPosition.toString() },
      switchOffsets: switched.offsets,
    };
  });
}

/** Drops the tables kept for rollback by earlier switch-overs; returns their names. */
export async function dropOldTables(pool: Pool, projectionName: string): Promise<string[]> {
  const projection = projectionNamed(projectionName);
  return whileHoldingRebuildLock(pool, projection, async () => {
    const dropped: string[] = [];
    for (const { generation, oldTable } of await state.oldTablesKept(pool, projection.name)) {
      await inTransaction(pool, async (client) => {
        await dropTable(client, oldTable);
        await state.markOldDropped(client, projection.name, generation);
      });
      dropped.push(oldTable);
    }
    return dropped;
  });
}

/** One rebuild of a projection at a time: a session lock, released if the process dies. */
async function whileHoldingRebuildLock<T>(pool: Pool, projection: RebuildableProjection, work: () => Promise<T>): Promise<T> {
  const session = await pool.connect();
  try {
    const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [`rebuild:${projection.name}`]);
    if (!rows[0].locked) {
      const running = await state.loadUnfinished(pool, projection.name);
      const where = running ? ` (generation ${running.generation}, ${running.eventsRead} events in, started ${running.startedAt.toISOString()})` : '';
      throw new OpsBusyError(`a rebuild of ${projection.name} is running${where}: wait for it to finish, it holds the rebuild lock`);
    }
  } catch (error) {
    session.release();
    throw error;
  }
  try {
    return await work();
  } finally {
    await unlockAndRelease(session, `rebuild:${projection.name}`);
  }
}

/** Unlocks at once (closing the session would too, but only once the server noticed). */
async function unlockAndRelease(session: PoolClient, key: string): Promise<void> {
  try {
    await session.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
    session.release();
  } catch (error) {
    // The session is broken: destroying it ends the server's session, and the lock with it.
    session.release(error as Error);
  }
}

async function beginOrResume(pool: Pool, projection: RebuildableProjection, mode: RebuildOptions['mode']): Promise<{ record: state.RebuildRecord; resumed: boolean }> {
  const unfinished = await state.loadUnfinished(pool, projection.name);
  if (mode === 'resume') {
    if (!unfinished) throw new OpsNotFoundError(`no unfinished rebuild of ${projection.name} to resume`);
    return { record: unfinished, resumed: true };
  }
  if (unfinished && mode === 'start') {
    throw new OpsUsageError(
      `rebuild ${unfinished.generation} of ${projection.name} stopped after ${unfinished.eventsRead} events (started ${unfinished.startedAt.toISOString()}): ` +
        '--resume to go on with it, or --restart to drop it and begin again',
    );
  }
  const record = await inTransaction(pool, async (client) => {
    if (unfinished) {
      await dropTable(client, unfinished.rebuildTable);
      await state.markAbandoned(client, unfinished);
    }
    const created = await state.startRecord(client, projection.name, (generation) => `${projection.liveTable}_rebuild_${generation}`);
    await createLike(client, projection.liveTable, created.rebuildTable);
    return created;
  });
  return { record, resumed: false };
}

/** Where the rebuild table stands: the last event in it, and how many were read to get there. */
interface Checkpoint {
  position: LogPosition;
  eventsRead: number;
}

type Switched = Checkpoint & { offsets: RebuildResult['switchOffsets'] };

/**
 * The switch-over transaction, retried when the live table's locks are not had in time (a long
 * read holding referral_summary): waiting longer would queue every reader behind the rename.
 */
async function switchOver(
  pool: Pool,
  projection: RebuildableProjection,
  record: state.RebuildRecord,
  oldTable: string,
  lockTimeoutMs: number,
  catchUp: (client: PoolClient) => Promise<Checkpoint>,
): Promise<Switched> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(pool, async (client) => {
        await client.query(`SELECT set_config('lock_timeout', $1, true)`, [`${lockTimeoutMs}ms`]);
        await lockReadModelForSwitch(client, projection.liveTable);
        const reached = await catchUp(client);
        const [live, rebuilt] = [await columnsOf(client, projection.liveTable), await columnsOf(client, record.rebuildTable)];
        if (live.join('\n') !== rebuilt.join('\n')) {
          throw new Error(`${projection.liveTable} changed shape during the rebuild (a migration?): --restart the rebuild on the new shape`);
        }
        const { rows } = await client.query<{ topic: string; partition: number; next_offset: string }>(
          'SELECT topic, partition, next_offset::text FROM projection_checkpoints WHERE projection = $1 ORDER BY topic, partition',
          [projection.name],
        );
        await swapTables(client, projection.liveTable, record.rebuildTable, oldTable);
        const offsets = rows.map((row) => ({ topic: row.topic, partition: row.partition, nextOffset: row.next_offset }));
        await state.markSwitched(client, record, oldTable, offsets);
        return { ...reached, offsets };
      });
    } catch (error) {
      // 55P03 lock_not_available: lock_timeout expired. Anything else is not ours to retry.
      if ((error as { code?: unknown }).code !== '55P03' || attempt >= SWITCH_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

function published(page: readonly RecordedEvent[]): IntegrationEvent[] {
  return page.map(asPublished).filter((event): event is IntegrationEvent => event !== undefined);
}

/** Events after `position` in the log's order, for the progress total. */
async function eventsAfter(pool: Pool, position: LogPosition): Promise<number> {
  const { rows } = await pool.query<{ count: string }>(
    'SELECT count(*)::text AS count FROM events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)',
    [position.transactionId.toString(), position.globalPosition.toString()],
  );
  return Number(rows[0].count);
}
