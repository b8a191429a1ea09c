import type { Pool, PoolClient } from 'pg';
import { LOG_START, type LogPosition } from './event.types';

/** Durable positions of the readers that follow the global log (relay, workflow starter). */
export class EventCheckpoints {
  constructor(private readonly pool: Pool) {}

  async load(reader: string): Promise<LogPosition> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id::text, global_position FROM event_checkpoints WHERE reader = $1',
      [reader],
    );
    if (rows.length === 0) return LOG_START;
    return { transactionId: BigInt(rows[0].transaction_id), globalPosition: BigInt(rows[0].global_position) };
  }

  async save(reader: string, position: LogPosition, client?: PoolClient): Promise<void> {
    await (client ?? this.pool).query(
      `INSERT INTO event_checkpoints (reader, transaction_id, global_position, updated_at)
       VALUES ($1, $2::text::xid8, $3, now())
       ON CONFLICT (reader) DO UPDATE
         SET transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()`,
      [reader, position.transactionId.toString(), position.globalPosition.toString()],
    );
  }
}
