import path from 'node:path';
import { runner } from 'node-pg-migrate';

export const MIGRATIONS_DIR = path.resolve(__dirname, '../migrations');

/** Brings the schema up to date. Safe to run from several processes: the runner takes a lock. */
export async function migrateUp(databaseUrl: string, log: (msg: string) => void = () => undefined): Promise<void> {
  await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    migrationsTable: 'schema_migrations',
    direction: 'up',
    count: Infinity,
    checkOrder: true,
    singleTransaction: true,
    log,
  });
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL must be set');
    process.exit(2);
  }
  migrateUp(url, (msg) => console.log(msg)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
