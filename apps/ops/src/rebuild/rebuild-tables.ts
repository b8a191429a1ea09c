import type { PoolClient } from '@app/database';

/**
 * DDL of a rebuild: the empty copy of the live table, and the swap. Table names come from the
 * projection's registry and its generation number, never from the command line.
 */

/** The copy: columns, defaults, checks, primary key and indexes of the live table. */
export async function createLike(client: PoolClient, liveTable: string, table: string): Promise<void> {
  await client.query(`CREATE TABLE ${table} (LIKE ${liveTable} INCLUDING ALL)`);
}

export async function dropTable(client: PoolClient, table: string): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${table}`);
}

/** Column names and types in order: a migration of the live table during a rebuild shows here. */
export async function columnsOf(client: PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column: string }>(
    `SELECT attname || ' ' || format_type(atttypid, atttypmod) || CASE WHEN attnotnull THEN ' not null' ELSE '' END AS column
       FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [table],
  );
  return rows.map((row) => row.column);
}

interface Index {
  name: string;
  /** The definition without its own name and table, to pair an index with its copy. */
  shape: string;
}

async function indexesOf(client: PoolClient, table: string): Promise<Index[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass`,
    [table],
  );
  return rows.map((row) => ({ name: row.name, shape: row.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '$1') }));
}

/**
 * In the caller's transaction: live -> old, rebuilt -> live, indexes too, so that the live
 * table's indexes keep their names (a primary key's constraint is renamed with its index).
 * Readers wait on the renames and then read the rebuilt table: never a missing or empty one.
 */
export async function swapTables(client: PoolClient, liveTable: string, rebuiltTable: string, oldTable: string): Promise<void> {
  const live = await indexesOf(client, liveTable);
  const rebuilt = await indexesOf(client, rebuiltTable);
  for (const index of live) {
    const copy = rebuilt.find((candidate) => candidate.shape === index.shape);
    if (!copy) continue;
    const oldName = (index.name.startsWith(`${liveTable}_`) ? `${oldTable}${index.name.slice(liveTable.length)}` : `${index.name}_${oldTable}`).slice(0, 63);
    await client.query(`ALTER INDEX ${index.name} RENAME TO ${oldName}`);
    await client.query(`ALTER INDEX ${copy.name} RENAME TO ${index.name}`);
  }
  await client.query(`ALTER TABLE ${liveTable} RENAME TO ${oldTable}`);
  await client.query(`ALTER TABLE ${rebuiltTable} RENAME TO ${liveTable}`);
}
