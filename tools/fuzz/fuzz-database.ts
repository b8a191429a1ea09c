import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { migrateUp } from '@app/database';

const EXAMPLE_HUB = 'exampleshire-mash';

/**
 * The fuzz run's own database on the stack's server, so what the fuzzer writes never reaches
 * the demo's or another run's rows: `create` makes and migrates one and prints its URL,
 * `drop URL` removes it.
 */
async function main(): Promise<void> {
  const [command, target] = process.argv.slice(2);
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('DATABASE_URL must be set (eval "$(npm run --silent stack -- env)")');
  if (command === 'create') {
    const name = `mash_fuzz_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    await execute(serverAdmin(server), `CREATE DATABASE ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    await migrateUp(url.toString());
    // The hub the OpenAPI examples name, under the national default policy: the fuzzer's
    // example referrals are then accepted (201) instead of all being another hub's.
    await execute(url.toString(), `INSERT INTO hubs (hub_id, name, scope) VALUES ('${EXAMPLE_HUB}', 'Exampleshire MASH', 'both')`);
    process.stdout.write(`${url.toString()}\n`);
  } else if (command === 'drop' && target) {
    const name = new URL(target).pathname.slice(1);
    // Only a database this tool made: a typo must never drop the shared one.
    if (!/^mash_fuzz_[a-z0-9]+$/.test(name)) throw new Error(`not a fuzz database: ${name}`);
    await execute(serverAdmin(server), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    throw new Error('usage: fuzz-database create | drop URL');
  }
}

function serverAdmin(server: string): string {
  const admin = new URL(server);
  admin.pathname = '/postgres';
  return admin.toString();
}

async function execute(databaseUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
