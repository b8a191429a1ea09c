import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJson } from './history-json';

const USAGE = 'usage: node dist/tools/workflow-histories/record.js <workflow id> <fixture-name> [run id]';

/**
 * Records a workflow's history from a Temporal server as a replay fixture,
 * test/workflows/histories/<fixture-name>.json; test/workflows/replay.e2e-spec.ts replays every
 * fixture there against the current workflow code. Never overwrites one: old histories stay,
 * they are what open referrals replay. Invented data only (docs/workflow-versioning.md).
 */
async function main(): Promise<void> {
  const [workflowId, name, runId] = process.argv.slice(2);
  if (!workflowId || !name || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new Error(USAGE);
  const address = process.env.TEMPORAL_ADDRESS;
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set (for the local stack: eval "$(npm run --silent stack -- env)")');

  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const target = path.resolve(process.cwd(), 'test/workflows/histories', `${name}.json`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, historyToJson(history), { flag: 'wx' });
    console.log(`wrote ${target}: ${history.events?.length ?? 0} events of ${workflowId}`);
  } finally {
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
