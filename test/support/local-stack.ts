import { execFileSync } from 'node:child_process';
import path from 'node:path';

const repo = path.resolve(__dirname, '../..');

/**
 * Stops or starts one service of the local stack (tools/stack/stack.sh), as an outage would.
 * The address variables are left out of the child's environment: with them set, stack.sh takes
 * the service for an external one and leaves it alone. `start` returns once it is healthy.
 */
export function localStack(command: 'stop' | 'start', service: 'postgres' | 'kafka' | 'temporal'): void {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  delete env.TEMPORAL_ADDRESS;
  execFileSync('bash', [path.join(repo, 'tools/stack/stack.sh'), command, service], { env, stdio: 'inherit' });
}
