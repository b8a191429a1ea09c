import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { referralStreamId, type ReferralReceived } from '@app/domain';
import type { PostgresEventStore, RecordedEvent } from '@app/event-store';
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

/** Appends a referral as the intake does: its first event, ReferralReceived. */
export async function appendReferralReceived(store: PostgresEventStore, hubId = 'hub-north'): Promise<RecordedEvent> {
  const referralId = randomUUID();
  const data: ReferralReceived['data'] = {
    referralId,
    hubId,
    receivedAt: new Date().toISOString(),
    referrer: { name: 'PC Invented', agency: 'police' },
    subject: { type: 'child', givenName: 'Sam', familyName: 'Example', dateOfBirth: '2016-05-04' },
    householdMembers: [],
    concernCategories: ['neglect'],
    immediateRisk: false,
    consent: { status: 'not-sought', familyAware: false, reason: 'would place the child at risk' },
    narrative: 'Invented for a test.',
  };
  const metadata = { actor: 'test-intake', agency: 'police', hubId, correlationId: randomUUID(), causationId: null, policyVersion: 1 };
  await store.append(referralStreamId(referralId), 'no-stream', [{ eventId: randomUUID(), type: 'ReferralReceived', data }], metadata);
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
  execFileSync('bash', ['tools/stack/stack.sh', action, 'temporal'], { cwd: REPO, env, stdio: 'inherit' });
}
