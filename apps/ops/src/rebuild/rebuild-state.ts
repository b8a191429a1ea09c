import type { Pool, PoolClient } from '@app/database';
import type { LogPosition } from '@app/event-store';

/** One generation's row in projection_rebuilds: while running, the rebuild's checkpoint. */
export interface RebuildRecord {
  projection: string;
  generation: number;
  rebuildTable: string;
  /** Last event applied to the rebuild table, in the relay's (transaction, position) order. */
  position: LogPosition;
  eventsRead: number;
  startedAt: Date;
}

interface Row {
  projection: string;
  generation: number;
  rebuild_table: string;
  transaction_id: string;
  global_position: string;
  events_read: string;
  started_at: Date;
}

const toRecord = (row: Row): RebuildRecord => ({
  projection: row.projection,
  generation: row.generation,
  rebuildTable: row.rebuild_table,
  position: { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) },
  eventsRead: Number(row.events_read),
  startedAt: row.started_at,
});

/** The projection's rebuild that started and neither switched nor was abandoned, if any. */
export async function loadUnfinished(db: Pool | PoolClient, projection: string): Promise<RebuildRecord | null> {
  const { rows } = await db.query<Row>(
    `SELECT projection, generation, rebuild_table, transaction_id::text, global_position::text, events_read::text, started_at
       FROM projection_rebuilds WHERE projection = $1 AND status = 'running'`,
    [projection],
  );
  return rows.length === 0 ? null : toRecord(rows[0]);
}

/** Records a new generation as running, from the start of the log. */
export async function startRecord(client: PoolClient, projection: string, rebuildTableOf: (generation: number) => string): Promise<RebuildRecord> {
  const { rows } = await client.query<{ generation: number }>(
    'SELECT coalesce(max(generation), 0) + 1 AS generation FROM projection_rebuilds WHERE projection = $1',
    [projection],
  );
  const generation = rows[0].generation;
  const inserted = await client.query<Row>(
    `INSERT INTO projection_rebuilds (projection, generation, status, rebuild_table) VALUES ($1, $2, 'running', $3)
     RETURNING projection, generation, rebuild_table, transaction_id::text, global_position::text, events_read::text, started_at`,
    [projection, generation, rebuildTableOf(generation)],
  );
  return toRecord(inserted.rows[0]);
}

/** The checkpoint: written in the transaction that wrote the rows up to `position`. */
export async function saveProgress(client: PoolClient, record: RebuildRecord, position: LogPosition, eventsRead: number): Promise<void> {
  await client.query(
    `UPDATE projection_rebuilds SET transaction_id = $3::text::xid8, global_position = $4, events_read = $5, updated_at = now()
      WHERE projection = $1 AND generation = $2`,
    [record.projection, record.generation, position.transactionId.toString(), position.globalPosition.toString(), eventsRead],
  );
}

export async function markSwitched(client: PoolClient, record: RebuildRecord, oldTable: string, switchOffsets: unknown): Promise<void> {
  await client.query(
    `UPDATE projection_rebuilds SET status = 'switched', switched_at = now(), updated_at = now(), old_table = $3, switch_offsets = $4
      WHERE projection = $1 AND generation = $2`,
    [record.projection, record.generation, oldTable, JSON.stringify(switchOffsets)],
  );
}

export async function markAbandoned(client: PoolClient, record: RebuildRecord): Promise<void> {
  await client.query(
    `UPDATE projection_rebuilds SET status = 'abandoned', updated_at = now() WHERE projection = $1 AND generation = $2`,
    [record.projection, record.generation],
  );
}

/** Tables that live tables were before a switch-over, kept for rollback and not dropped yet. */
export async function oldTablesKept(db: Pool | PoolClient, projection: string): Promise<{ generation: number; oldTable: string }[]> {
  const { rows } = await db.query<{ generation: number; old_table: string }>(
    `SELECT generation, old_table FROM projection_rebuilds
      WHERE projection = $1 AND status = 'switched' AND old_dropped_at IS NULL ORDER BY generation`,
    [projection],
  );
  return rows.map((row) => ({ generation: row.generation, oldTable: row.old_table }));
}

export async function markOldDropped(client: PoolClient, projection: string, generation: number): Promise<void> {
  await client.query(
    'UPDATE projection_rebuilds SET old_dropped_at = now(), updated_at = now() WHERE projection = $1 AND generation = $2',
    [projection, generation],
  );
}
