import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { AuditLog } from '@app/audit';
import { inTransaction } from '@app/database';
import { ParkedEvents, type ParkedEvent, type ParkedEventConsumer, type ParkReason } from '@app/messaging';
import { OpsNotFoundError, OpsUsageError } from '../ops.errors';
import { OPERATIONS_ROLE } from '../referral-at/referral-at';

/** The access audit log's actions for resolving a parked event (docs/operations.md). */
export const PARKED_RETRY_ACTION = 'parked-event.retry';
export const PARKED_SKIP_ACTION = 'parked-event.skip';
/** The audit chain for events whose hub could not be read (a malformed message without headers). */
export const PLATFORM_AUDIT_HUB = 'platform';
const HUB_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export interface ParkedDependencies {
  pool: Pool;
  /** The named consumer's way of applying its events again; throws a usage error for an unknown one. */
  consumerFor(name: string): Promise<ParkedEventConsumer>;
}

export type Resolution =
  | { kind: 'retry' }
  | { kind: 'skip'; reason: string };

/** What became of one parked event in a retry or skip. */
export interface ResolvedEvent {
  id: string;
  consumer: string;
  referralId: string | null;
  /** `released`: a held event applied after the one before it was resolved. */
  outcome: 'retried' | 'skipped' | 'released' | 'failed-again';
  failure?: { code: ParkReason; reason: string };
}

export interface ResolveResult {
  events: ResolvedEvent[];
  /** Held events of the referral still parked behind one that failed again. */
  stillHeld: number;
  auditCorrelationIds: string[];
}

/**
 * Retries or skips one parked event, then releases the events of its referral held behind it, in
 * the order the consumer met them, until one fails (it stays parked, now at the head of the
 * queue). One transaction, with the audit record: resolved and recorded, or neither.
 */
export async function resolveParked(deps: ParkedDependencies, id: string, resolution: Resolution, operator: string): Promise<ResolveResult> {
  const first = await deps.pool.query<{ consumer: string }>('SELECT consumer FROM parked_events WHERE id = $1', [id]);
  if (first.rows.length === 0) throw new OpsNotFoundError(`no parked event ${id}`);
  const consumer = await deps.consumerFor(first.rows[0].consumer);
  return inTransaction(deps.pool, async (client) => {
    await consumer.begin(client);
    await ParkedEvents.lockForResolving(client, first.rows[0].consumer);
    const target = (await ParkedEvents.get(client, id))!;
    if (target.status !== 'parked') throw new OpsUsageError(`parked event ${id} was already ${target.status} by ${target.resolvedBy} at ${target.resolvedAt?.toISOString()}`);
    const queue = await ParkedEvents.queueOf(client, target);
    if (queue[0]?.id !== id) {
      throw new OpsUsageError(`parked event ${id} is held behind parked event ${queue[0].id} of the same referral: retry or skip that one first`);
    }
    const result: ResolveResult = { events: [], stillHeld: 0, auditCorrelationIds: [] };
    const reapply = async (event: ParkedEvent, done: ResolvedEvent['outcome'], note: string | null): Promise<boolean> => {
      const failure = await consumer.reapply(client, event);
      if (failure) {
        await ParkedEvents.failedAgain(client, event.id, failure.code, failure.reason);
        result.events.push({ id: event.id, consumer: event.consumer, referralId: event.referralId, outcome: 'failed-again', failure });
        return false;
      }
      await ParkedEvents.resolve(client, event.id, 'retried', operator, note);
      result.events.push({ id: event.id, consumer: event.consumer, referralId: event.referralId, outcome: done });
      return true;
    };

    let resolved: boolean;
    if (resolution.kind === 'skip') {
      await ParkedEvents.resolve(client, id, 'skipped', operator, resolution.reason);
      result.events.push({ id, consumer: target.consumer, referralId: target.referralId, outcome: 'skipped' });
      resolved = true;
    } else {
      resolved = await reapply(target, 'retried', null);
    }
    const held = queue.slice(1);
    while (resolved && held.length > 0) {
      // One that fails again stays parked, now at the head of its referral's queue.
      if (!(await reapply(held.shift()!, 'released', `released after ${id}`))) break;
    }
    result.stillHeld = held.length;

    // Recorded last, just before COMMIT (the hub's chain stays locked until then).
    const correlationId = randomUUID();
    await new AuditLog(deps.pool).record(
      {
        hubId: target.hubId && HUB_ID.test(target.hubId) ? target.hubId : PLATFORM_AUDIT_HUB,
        userId: operator,
        role: OPERATIONS_ROLE,
        agency: null,
        access: 'write',
        action: resolution.kind === 'skip' ? PARKED_SKIP_ACTION : PARKED_RETRY_ACTION,
        resourceType: 'parked-event',
        resourceId: id,
        purpose: null,
        outcome: 'allowed',
        correlationId,
      },
      client,
    );
    result.auditCorrelationIds.push(correlationId);
    return result;
  });
}

/** Retries every parked event of a consumer that heads its referral's queue (or has no referral), oldest first. */
export async function retryAllParked(deps: ParkedDependencies, consumer: string, operator: string): Promise<ResolveResult> {
  const total: ResolveResult = { events: [], stillHeld: 0, auditCorrelationIds: [] };
  for (const id of await ParkedEvents.heads(deps.pool, consumer)) {
    const one = await resolveParked(deps, id, { kind: 'retry' }, operator);
    total.events.push(...one.events);
    total.stillHeld += one.stillHeld;
    total.auditCorrelationIds.push(...one.auditCorrelationIds);
  }
  return total;
}

export async function listParked(pool: Pool, filter: { consumer?: string; all?: boolean }): Promise<ParkedEvent[]> {
  return ParkedEvents.list(pool, { consumer: filter.consumer, status: filter.all ? 'all' : 'parked' });
}
