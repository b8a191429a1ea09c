import type { PoolClient } from '@app/database';

const key = (table: string) => `read-model-writes:${table}`;

/**
 * Every transaction that writes a live read-model table takes this lock shared, first thing:
 * writers do not block one another. Swapping the table for a rebuilt one (ops
 * rebuild-projection) takes it exclusive, so the swap waits for batches in flight and holds new
 * ones until the rebuilt table is in place under the live name. Released at commit or rollback.
 */
export async function lockReadModelForWriting(client: PoolClient, table: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [key(table)]);
}

/** The exclusive side, for the switch-over; honours the transaction's lock_timeout. */
export async function lockReadModelForSwitch(client: PoolClient, table: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key(table)]);
}
