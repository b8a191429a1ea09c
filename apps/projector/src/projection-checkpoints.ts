import type { Pool, PoolClient } from '@app/database';

/**
 * Kafka offsets of one projection, kept in PostgreSQL beside its rows and written in the same
 * transaction: the rows and the offset they reflect commit together or not at all. Kafka's
 * own committed offsets only follow, for lag tools; these are the truth.
 */
export class ProjectionCheckpoints {
  constructor(
    private readonly projection: string,
    private readonly topic: string,
  ) {}

  /** Next offset to apply for each partition that has one. */
  async load(pool: Pool, partitions: number[]): Promise<Map<number, string>> {
    const { rows } = await pool.query<{ partition: number; next_offset: string }>(
      `SELECT partition, next_offset FROM projection_checkpoints
        WHERE projection = $1 AND topic = $2 AND partition = ANY($3::int[])`,
      [this.projection, this.topic, partitions],
    );
    return new Map(rows.map((r) => [r.partition, r.next_offset]));
  }

  /**
   * Next offset to apply for a partition, locked until the transaction ends so that a consumer
   * still holding the partition after a rebalance waits instead of applying the same messages.
   */
  async lock(client: PoolClient, partition: number): Promise<bigint> {
    await client.query(
      `INSERT INTO projection_checkpoints (projection, topic, partition, next_offset)
       VALUES ($1, $2, $3, 0) ON CONFLICT DO NOTHING`,
      [this.projection, this.topic, partition],
    );
    const { rows } = await client.query<{ next_offset: string }>(
      `SELECT next_offset FROM projection_checkpoints
        WHERE projection = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
      [this.projection, this.topic, partition],
    );
    return BigInt(rows[0].next_offset);
  }

  async save(client: PoolClient, partition: number, nextOffset: bigint): Promise<void> {
    await client.query(
      `UPDATE projection_checkpoints SET next_offset = $4, updated_at = now()
        WHERE projection = $1 AND topic = $2 AND partition = $3`,
      [this.projection, this.topic, partition, nextOffset.toString()],
    );
  }
}
