import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { type AccessPurpose, AuditLog } from '@app/audit';
import { referralStreamId } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { OpsNotFoundError } from '../ops.errors';
import { eventsUpTo, lifecycleView, personalData, stateOf, type Cutoff } from './state-at';

/** The access audit log's role and action for this read (docs/operations.md). */
export const OPERATIONS_ROLE = 'operations';
export const READ_AT_ACTION = 'referral.read-at';

export interface ReferralAtRequest {
  referralId: string;
  cutoff: Cutoff;
  /** Who runs the tool: recorded in the access audit log. */
  operator: string;
  /** Why (one of the access purposes); required when personal data is included. */
  purpose: AccessPurpose | null;
  includePersonalData: boolean;
}

export interface ReferralAt {
  referralId: string;
  hubId: string;
  asOf: { at: string } | { position: string };
  /** Events applied, of the stream's total. */
  eventsApplied: number;
  eventsInStream: number;
  /** The last event applied (its type, version, time, position); null if none was before the cutoff. */
  lastEvent: { type: string; streamVersion: number; recordedAt: string; globalPosition: string } | null;
  state: Record<string, unknown>;
  /** Only with includePersonalData; absent otherwise. */
  personalData?: Record<string, unknown> | null;
  auditCorrelationId: string;
}

/**
 * The referral as it was at an instant or position: its decider state rebuilt from its events.
 * This reads case data, so the access is recorded in the hub's access audit log before anything
 * is returned; if the record cannot be written, nothing is returned.
 */
export async function referralAt(pool: Pool, request: ReferralAtRequest): Promise<ReferralAt> {
  const stream = await new PostgresEventStore(pool).readStream(referralStreamId(request.referralId));
  if (stream.length === 0) throw new OpsNotFoundError(`referral ${request.referralId} has no events`);
  const events = eventsUpTo(stream, request.cutoff);
  const state = stateOf(events);
  const last = events.at(-1);

  const correlationId = randomUUID();
  await new AuditLog(pool).record({
    hubId: stream[0].hubId,
    userId: request.operator,
    role: OPERATIONS_ROLE,
    agency: null,
    access: 'read',
    action: READ_AT_ACTION,
    resourceType: 'referral',
    resourceId: request.referralId,
    purpose: request.purpose,
    outcome: 'allowed',
    correlationId,
  });

  return {
    referralId: request.referralId,
    hubId: stream[0].hubId,
    asOf: 'at' in request.cutoff ? { at: request.cutoff.at.toISOString() } : { position: request.cutoff.position.toString() },
    eventsApplied: events.length,
    eventsInStream: stream.length,
    lastEvent: last
      ? { type: last.type, streamVersion: last.streamVersion, recordedAt: last.recordedAt.toISOString(), globalPosition: last.position.globalPosition.toString() }
      : null,
    state: lifecycleView(state),
    ...(request.includePersonalData ? { personalData: personalData(state, events) } : {}),
    auditCorrelationId: correlationId,
  };
}
