import type { KafkaMessage } from 'kafkajs';
import type { PoolClient } from '@app/database';
import {
  headerText,
  INTEGRATION_HEADERS,
  MalformedIntegrationEventError,
  PARK_REASONS,
  parseIntegrationEvent,
  type IntegrationEvent,
  type IntegrationEventSchemas,
  type ParkReason,
} from '@app/messaging';
import { describeFailure, isPoisonDatabaseError, PoisonInBatchError } from '../poison/apply-failure';
import { evolve, REFERRAL_SUMMARY_HANDLES } from './referral-summary.projection';
import { loadSummaryForUpdate, saveSummary } from './referral-summary.table';

export type Message = Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>;

export interface Unusable {
  kind: 'park';
  code: ParkReason;
  /** Codes and paths only (docs/operations.md): stored and logged. */
  reason: string;
}

/** A message read for this projection: an event to apply, a type it does not read, or one to park. */
export type ReadResult = { kind: 'event'; event: IntegrationEvent } | { kind: 'ignored'; event: IntegrationEvent } | (Unusable & { event?: IntegrationEvent });

/** What can be said of a message's event without trusting its value: headers and key first, the envelope when it parsed. */
export function identify(message: Message, event?: IntegrationEvent) {
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : null);
  return {
    eventId: text(event?.id) ?? headerText(message.headers, INTEGRATION_HEADERS.eventId) ?? null,
    eventType: text(event?.type) ?? headerText(message.headers, INTEGRATION_HEADERS.eventType) ?? null,
    referralId: text(event?.referralId) ?? message.key?.toString() ?? null,
    hubId: text(event?.hubId) ?? headerText(message.headers, INTEGRATION_HEADERS.hubId) ?? null,
  };
}

/** Parses a message and checks a type this projection reads against the type's published schema. */
export function readReferralSummaryMessage(message: Message, schemas: IntegrationEventSchemas): ReadResult {
  let event: IntegrationEvent;
  try {
    event = parseIntegrationEvent(message);
  } catch (error) {
    if (!(error instanceof MalformedIntegrationEventError)) throw error;
    return { kind: 'park', code: PARK_REASONS.malformed, reason: error.message };
  }
  if (!REFERRAL_SUMMARY_HANDLES.includes(event.type)) return { kind: 'ignored', event };
  const check = schemas.check(event);
  if (!check.valid) return { kind: 'park', code: PARK_REASONS.schemaInvalid, reason: check.problems.join('; ').slice(0, 1000), event };
  return { kind: 'event', event };
}

/**
 * Applies one event to its referral's row. `isolated`: inside a savepoint, so SQL that fails for
 * this event alone is undone and reported for parking while the transaction goes on; otherwise
 * (the fast path of a whole batch) such a failure aborts the transaction and is thrown as a
 * PoisonInBatchError for the caller to apply the batch again isolated. A failure that is not the
 * event's (connection, deadlock) is always rethrown.
 */
export async function applyReferralSummaryEvent(
  client: PoolClient,
  event: IntegrationEvent,
  offset: string,
  isolated: boolean,
): Promise<'applied' | 'unchanged' | Unusable> {
  if (isolated) await client.query('SAVEPOINT summary_event');
  const sqlFailed = async (error: unknown, where: string): Promise<Unusable> => {
    if (!isPoisonDatabaseError(error)) throw error;
    if (!isolated) throw new PoisonInBatchError(offset, error);
    await client.query('ROLLBACK TO SAVEPOINT summary_event');
    await client.query('RELEASE SAVEPOINT summary_event');
    return { kind: 'park', code: PARK_REASONS.applyFailed, reason: describeFailure(error, where) };
  };

  let row;
  try {
    row = await loadSummaryForUpdate(client, event.referralId);
  } catch (error) {
    return sqlFailed(error, 'loading the summary');
  }
  let next;
  try {
    next = evolve(row, event);
  } catch (error) {
    // evolve is pure: it threw for this event and would again; nothing was written.
    if (isolated) await client.query('RELEASE SAVEPOINT summary_event');
    return { kind: 'park', code: PARK_REASONS.applyFailed, reason: describeFailure(error, 'evolve') };
  }
  if (next !== row && next !== null) {
    try {
      await saveSummary(client, next);
    } catch (error) {
      return sqlFailed(error, 'saving the summary');
    }
  }
  if (isolated) await client.query('RELEASE SAVEPOINT summary_event');
  return next === row || next === null ? 'unchanged' : 'applied';
}
