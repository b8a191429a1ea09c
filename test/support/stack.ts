import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createPool, migrateUp, type Pool } from '@app/database';

/** Addresses of the running stack; tools/test.sh exports them (see tools/stack/env.sh). */
export function stackAddress(name: 'DATABASE_URL' | 'KAFKA_BROKERS' | 'TEMPORAL_ADDRESS'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through "npm test" (tools/test.sh)`);
  return value;
}

export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file, so files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = new URL(stackAddress('DATABASE_URL'));
  const name = `mash_test_${uniqueSuffix()}`;
  const admin = new URL(server.toString());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();

  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  await migrateUp(url.toString());
  const pool = createPool(url.toString(), 20);
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      const c = new Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Polls `probe` until it returns a value (not undefined) or the time runs out. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
