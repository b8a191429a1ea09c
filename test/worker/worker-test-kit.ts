import { execFileSync } from 'node:child_process';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { referralStreamId } from '@app/domain';
import type { PostgresEventStore, RecordedEvent } from '@app/event-store';
import { localStack } from '../support/local-stack';
import { appendReceived } from '../support/referral-events';
import { stackAddress, uniqueSuffix } from '../support/stack';

/** Worker settings for one test file: the stack's addresses and a task queue of its own. */
export function workerTestConfig(databaseUrl: string) {
  return {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: stackAddress('TEMPORAL_ADDRESS'),
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: `referral-lifecycle-${uniqueSuffix()}`,
  };
}

/** A logger whose lines the test can read (warnings and worse), instead of printing them. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) }), lines };
}

/** Appends a referral as the intake does (its first event) and returns it as recorded. */
export async function appendReferralReceived(store: PostgresEventStore, hubId = 'hub-north'): Promise<RecordedEvent> {
  const { referralId } = await appendReceived(store, hubId);
  const [received] = await store.readStream(referralStreamId(referralId));
  return received;
}

const REPO = path.resolve(__dirname, '../..');

/**
 * Stops or starts the local stack's Temporal (start waits until it is healthy). Refuses unless
 * the tests talk to that very server: stack.sh leaves a server given by address alone.
 */
export function localTemporal(action: 'stop' | 'start'): void {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS']) delete env[name];
  const local = /TEMPORAL_ADDRESS='([^']+)'/.exec(execFileSync('bash', ['tools/stack/stack.sh', 'env'], { cwd: REPO, env }).toString())?.[1];
  if (local !== stackAddress('TEMPORAL_ADDRESS')) {
    throw new Error(`TEMPORAL_ADDRESS is ${stackAddress('TEMPORAL_ADDRESS')}, not the local stack's ${local}: cannot stop it`);
  }
  localStack(action, 'temporal');
}
