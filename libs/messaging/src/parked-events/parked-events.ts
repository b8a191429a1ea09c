import type { Pool, PoolClient } from '@app/database';

/**
 * Why an event was parked. Codes only: what reaches the table's error columns (and the logs) says
 * what failed and where, never what the event said.
 */
export const PARK_REASONS = {
  /** Not an integration event at all: not JSON, or its envelope fields missing. */
  malformed: 'EVENT.MALFORMED',
  /** An integration event its type's published JSON Schema refuses. */
  schemaInvalid: 'EVENT.SCHEMA_INVALID',
  /** The consumer's own code (a projection's evolve, its SQL) failed on this one event. */
  applyFailed: 'EVENT.APPLY_FAILED',
  /** The relay could not map a stored event to its integration event. */
  mappingFailed: 'EVENT.MAPPING_FAILED',
  /** A later event of a referral with an event parked: held so the referral's events stay in order. */
  heldBehindParked: 'EVENT.HELD_BEHIND_PARKED',
} as const;
export type ParkReason = (typeof PARK_REASONS)[keyof typeof PARK_REASONS];

export type ParkedStatus = 'parked' | 'retried' | 'skipped';

export interface ParkedEventInput {
  consumer: string;
  /** Where a Kafka message was; null for a reader of the event store. */
  topic: string | null;
  partition: number | null;
  offset: string | null;
  eventId: string | null;
  eventType: string | null;
  referralId: string | null;
  hubId: string | null;
  errorCode: ParkReason;
  /** Paths, SQLSTATEs, error class names: nothing copied from the payload. */
  errorMessage: string;
  /** The bytes to apply again on retry. */
  payload: Buffer | null;
}

export interface ParkedEvent extends ParkedEventInput {
  id: string;
  parkedAt: Date;
  status: ParkedStatus;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolution: string | null;
}

/** Per consumer: what is parked now, and the latest error recorded (for ops status). */
export interface ParkedSummary {
  consumer: string;
  parked: number;
  lastError: { code: string; at: Date } | null;
}

interface Row {
  id: string;
  consumer: string;
  topic: string | null;
  partition: number | null;
  offset: string | null;
  event_id: string | null;
  event_type: string | null;
  referral_id: string | null;
  hub_id: string | null;
  error_code: ParkReason;
  error_message: string;
  payload: Buffer | null;
  parked_at: Date;
  status: ParkedStatus;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution: string | null;
}

const COLUMNS = `id::text, consumer, topic, partition, "offset"::text AS "offset", event_id, event_type, referral_id, hub_id,
  error_code, error_message, payload, parked_at, status, resolved_by, resolved_at, resolution`;

const toParked = (r: Row): ParkedEvent => ({
  id: r.id,
  consumer: r.consumer,
  topic: r.topic,
  partition: r.partition,
  offset: r.offset,
  eventId: r.event_id,
  eventType: r.event_type,
  referralId: r.referral_id,
  hubId: r.hub_id,
  errorCode: r.error_code,
  errorMessage: r.error_message,
  payload: r.payload,
  parkedAt: r.parked_at,
  status: r.status,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
  resolution: r.resolution,
});

/** Ids that go into uuid columns; anything else (a key that is not a referral id) is not kept. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const uuidOrNull = (value: string | null | undefined): string | null => (value && UUID.test(value) ? value.toLowerCase() : null);

/**
 * The parked_events table. Parking goes in the caller's transaction (the one that moves the
 * consumer's position), so an event is either parked and passed or neither.
 */
export const ParkedEvents = {
  /**
   * Taken shared by a transaction that decides which events of this consumer to hold, and
   * exclusive by one that resolves them (ops parked retry|skip): a batch never holds an event
   * behind a queue that a retry is draining at the same moment (it would be left parked alone).
   * Batches do not block one another. Released at commit or rollback.
   */
  async lockForParking(client: PoolClient, consumer: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 0))', [`parked-events:${consumer}`]);
  },

  async lockForResolving(client: PoolClient, consumer: string): Promise<void> {
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`parked-events:${consumer}`]);
  },

  /** Parks an event; the same message or event parked again (redelivered) is kept once. */
  async park(client: PoolClient, e: ParkedEventInput): Promise<void> {
    await client.query(
      `INSERT INTO parked_events (consumer, topic, partition, "offset", event_id, event_type, referral_id, hub_id, error_code, error_message, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
      [e.consumer, e.topic, e.partition, e.offset, uuidOrNull(e.eventId), e.eventType, uuidOrNull(e.referralId), e.hubId, e.errorCode, e.errorMessage, e.payload],
    );
  },

  /** Referrals of this consumer with an event still parked: their later events are held. */
  async heldReferrals(client: PoolClient | Pool, consumer: string): Promise<Set<string>> {
    const { rows } = await client.query<{ referral_id: string }>(
      `SELECT DISTINCT referral_id FROM parked_events WHERE consumer = $1 AND status = 'parked' AND referral_id IS NOT NULL`,
      [consumer],
    );
    return new Set(rows.map((r) => r.referral_id));
  },

  async list(pool: Pool, filter: { consumer?: string; status?: ParkedStatus | 'all' } = {}): Promise<ParkedEvent[]> {
    const status = filter.status ?? 'parked';
    const { rows } = await pool.query<Row>(
      `SELECT ${COLUMNS} FROM parked_events
        WHERE ($1::text IS NULL OR consumer = $1) AND ($2 = 'all' OR status = $2)
        ORDER BY consumer, topic, partition, "offset", id`,
      [filter.consumer ?? null, status],
    );
    return rows.map(toParked);
  },

  async get(client: PoolClient, id: string): Promise<ParkedEvent | null> {
    const { rows } = await client.query<Row>(`SELECT ${COLUMNS} FROM parked_events WHERE id = $1`, [id]);
    return rows[0] ? toParked(rows[0]) : null;
  },

  /**
   * The events still parked for one referral of one consumer (or the one event, when it has no
   * referral), in the order the consumer met them, locked until the transaction ends so that two
   * operators do not resolve the same queue at once.
   */
  async queueOf(client: PoolClient, event: ParkedEvent): Promise<ParkedEvent[]> {
    if (event.referralId === null) {
      const { rows } = await client.query<Row>(`SELECT ${COLUMNS} FROM parked_events WHERE id = $1 AND status = 'parked' FOR UPDATE`, [event.id]);
      return rows.map(toParked);
    }
    const { rows } = await client.query<Row>(
      `SELECT ${COLUMNS} FROM parked_events WHERE consumer = $1 AND referral_id = $2 AND status = 'parked'
        ORDER BY topic, partition, "offset", id FOR UPDATE`,
      [event.consumer, event.referralId],
    );
    return rows.map(toParked);
  },

  /** The ids of every referral queue's first event, and of events with no referral, of one consumer. */
  async heads(pool: Pool, consumer: string): Promise<string[]> {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT DISTINCT ON (coalesce(referral_id::text, id::text)) id::text FROM parked_events
        WHERE consumer = $1 AND status = 'parked'
        ORDER BY coalesce(referral_id::text, id::text), topic, partition, "offset", id`,
      [consumer],
    );
    return rows.map((r) => r.id).sort((a, b) => Number(BigInt(a) - BigInt(b)));
  },

  async resolve(client: PoolClient, id: string, status: Exclude<ParkedStatus, 'parked'>, by: string, resolution: string | null): Promise<void> {
    await client.query(`UPDATE parked_events SET status = $2, resolved_by = $3, resolved_at = now(), resolution = $4 WHERE id = $1`, [id, status, by, resolution]);
  },

  /** A retry that failed again: the event stays parked with the new reason. */
  async failedAgain(client: PoolClient, id: string, code: ParkReason, message: string): Promise<void> {
    await client.query(`UPDATE parked_events SET error_code = $2, error_message = $3 WHERE id = $1`, [id, code, message]);
  },

  async summaries(pool: Pool): Promise<ParkedSummary[]> {
    const { rows } = await pool.query<{ consumer: string; parked: string; last_code: string | null; last_at: Date | null }>(
      `SELECT consumer, count(*) FILTER (WHERE status = 'parked')::text AS parked,
              (array_agg(error_code ORDER BY parked_at DESC, id DESC) FILTER (WHERE error_code <> $1))[1] AS last_code,
              max(parked_at) FILTER (WHERE error_code <> $1) AS last_at
         FROM parked_events GROUP BY consumer ORDER BY consumer`,
      [PARK_REASONS.heldBehindParked],
    );
    return rows.map((r) => ({ consumer: r.consumer, parked: Number(r.parked), lastError: r.last_code && r.last_at ? { code: r.last_code, at: r.last_at } : null }));
  },
};

/** Why applying a parked event again failed: it stays parked with this reason. */
export interface ParkFailure {
  code: ParkReason;
  reason: string;
}

/**
 * A consumer's own way of applying one of its parked events again (ops parked retry): the code
 * path it would have taken when it met the event, so that a retry proves the fix.
 */
export interface ParkedEventConsumer {
  /** First thing in the transaction that resolves parked events (a projection's write lock). */
  begin(client: PoolClient): Promise<void>;
  /** null: applied (or nothing to apply); a failure: it failed again. */
  reapply(client: PoolClient, event: ParkedEvent): Promise<ParkFailure | null>;
}
