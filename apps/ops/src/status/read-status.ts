import type { Admin } from 'kafkajs';
import type { Pool } from 'pg';
import { REFERRAL_SUMMARY_PROJECTION } from '../../../projector/src/projector';
import { RELAY_READER } from '../../../relay/src/relay';
import { REFERRAL_WORKFLOW_STARTER } from '../../../worker/src/referral-workflow-starter/referral-workflow-starter';
import { ParkedEvents } from '@app/messaging';
import {
  NOTHING_PARKED,
  projectionStatus,
  type ParkedErrors,
  type ComponentStatus,
  type EventReaderStatus,
  type ProjectionStatus,
} from './consumer-status';

/** The platform's own consumers: reported even before they stored a first position. */
export const KNOWN_EVENT_READERS = [RELAY_READER, REFERRAL_WORKFLOW_STARTER] as const;
export const KNOWN_PROJECTIONS = [REFERRAL_SUMMARY_PROJECTION] as const;

export interface StatusDependencies {
  pool: Pool;
  /** Connected by the caller. */
  kafkaAdmin: Admin;
  /** The topic the platform's projections read (KAFKA_REFERRAL_TOPIC). */
  referralTopic: string;
}

/**
 * Position and lag of every projection and every reader of the event log: the platform's
 * known ones, and any other that has stored a position (a reader added later shows up too).
 */
export async function readStatus(deps: StatusDependencies): Promise<ComponentStatus[]> {
  const errors = await parkedErrors(deps.pool);
  return [...(await projectionStatuses(deps, errors)), ...(await eventReaderStatuses(deps.pool, errors))];
}

/** Per consumer name (a projection's, a reader's: the name each parks under). */
async function parkedErrors(pool: Pool): Promise<Map<string, ParkedErrors>> {
  const summaries = await ParkedEvents.summaries(pool);
  return new Map(summaries.map((s) => [s.consumer, { parked: s.parked, lastError: s.lastError && { code: s.lastError.code, at: s.lastError.at.toISOString() } }]));
}

async function projectionStatuses({ pool, kafkaAdmin, referralTopic }: StatusDependencies, errors: Map<string, ParkedErrors>): Promise<ProjectionStatus[]> {
  const { rows } = await pool.query<{ projection: string; topic: string; partition: number; next_offset: string }>(
    'SELECT projection, topic, partition, next_offset::text FROM projection_checkpoints ORDER BY projection, topic, partition',
  );
  const keys = new Map<string, { projection: string; topic: string }>();
  for (const projection of KNOWN_PROJECTIONS) keys.set(`${projection}\u0000${referralTopic}`, { projection, topic: referralTopic });
  for (const { projection, topic } of rows) keys.set(`${projection}\u0000${topic}`, { projection, topic });

  // Asked first: offsets of a missing topic fail only after the client's retries, and a broker
  // that auto-creates topics would create it, which a status command must not do.
  const existing = new Set(await kafkaAdmin.listTopics());
  const statuses: ProjectionStatus[] = [];
  for (const { projection, topic } of keys.values()) {
    const stored = new Map(rows.filter((r) => r.projection === projection && r.topic === topic).map((r) => [r.partition, r.next_offset]));
    const offsets = existing.has(topic) ? await kafkaAdmin.fetchTopicOffsets(topic) : null;
    statuses.push(projectionStatus(projection, topic, offsets, stored, errors.get(projection) ?? NOTHING_PARKED));
  }
  return statuses;
}

async function eventReaderStatuses(pool: Pool, errors: Map<string, ParkedErrors>): Promise<EventReaderStatus[]> {
  const { rows: checkpoints } = await pool.query<{ reader: string; transaction_id: string; global_position: string; updated_at: Date }>(
    'SELECT reader, transaction_id::text, global_position::text, updated_at FROM event_checkpoints ORDER BY reader',
  );
  const readers = [...new Set([...KNOWN_EVENT_READERS, ...checkpoints.map((c) => c.reader)])];
  const { rows: head } = await pool.query<{ head: string }>('SELECT coalesce(max(global_position), 0)::text AS head FROM events');
  const statuses: EventReaderStatus[] = [];
  for (const name of readers) {
    const row = checkpoints.find((c) => c.reader === name);
    // Counts in the reader's own order, (transaction, position), so an event whose transaction
    // committed after the checkpoint was taken counts even if its position is lower.
    const { rows } = await pool.query<{ behind: string }>(
      `SELECT count(*)::text AS behind FROM events WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)`,
      [row?.transaction_id ?? '0', row?.global_position ?? '0'],
    );
    statuses.push({
      kind: 'event-reader',
      name,
      checkpoint: row ? { transactionId: row.transaction_id, globalPosition: row.global_position, updatedAt: row.updated_at.toISOString() } : null,
      headPosition: head[0].head,
      eventsBehind: Number(rows[0].behind),
      ...(errors.get(name) ?? NOTHING_PARKED),
    });
  }
  return statuses;
}
