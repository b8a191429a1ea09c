import { isDeepStrictEqual } from 'node:util';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@app/database';
import { EventIdReusedError, StreamVersionConflictError } from './event-store.errors';
import type {
  AppendResult,
  EventMetadata,
  ExpectedVersion,
  LogPosition,
  NewEvent,
  RecordedEvent,
} from './event.types';
import { referralEventUpcasters, type EventUpcasters } from './upcasting';

/** Channel on which every append sends a wake-up hint (never the only way readers learn of it). */
export const EVENTS_NOTIFY_CHANNEL = 'mash_events';

const COLUMNS = `global_position, transaction_id, event_id, stream_id, stream_version, hub_id,
  event_type, schema_version, data, metadata, recorded_at`;

interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  hub_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    hubId: row.hub_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    position: { transactionId: BigInt(row.transaction_id), globalPosition: BigInt(row.global_position) },
  };
}

/**
 * Appends stamp each event with its type's current schema version; every read upcasts older
 * versions to the current shape (the rows themselves are never changed).
 */
export class PostgresEventStore {
  constructor(
    private readonly pool: Pool,
    private readonly upcasters: EventUpcasters = referralEventUpcasters,
  ) {}

  /**
   * Appends events to a stream if it is at the expected version. Pass `client` to make the
   * append part of a wider transaction (the caller then owns BEGIN/COMMIT). Appending events
   * whose ids are all stored already returns `alreadyAppended` instead of writing twice.
   */
  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
    client?: PoolClient,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const versions = events.map((e) => this.upcasters.versionToAppend(e.type, e.schemaVersion));
    if (!client) return inTransaction(this.pool, (tx) => this.append(streamId, expected, events, metadata, tx));

    // One writer per stream at a time; others wait here and then see the new version.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
    const stored = await this.alreadyStored(client, streamId, events);
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(stream_version), 0)::int AS version FROM events WHERE stream_id = $1',
      [streamId],
    );
    const current = rows[0].version;
    if (stored) return { streamVersion: current, positions: [], alreadyAppended: true };

    if (expected === 'no-stream' && current !== 0) throw new StreamVersionConflictError(streamId, expected, current);
    if (typeof expected === 'number' && expected !== current) {
      throw new StreamVersionConflictError(streamId, expected, current);
    }

    const inserted = await client.query<{ global_position: string; transaction_id: string }>(
      `INSERT INTO events (event_id, stream_id, stream_version, hub_id, event_type, schema_version, data, metadata)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[])
       RETURNING global_position, transaction_id`,
      [
        events.map((e) => e.eventId),
        events.map(() => streamId),
        events.map((_, i) => current + i + 1),
        events.map(() => metadata.hubId),
        events.map((e) => e.type),
        versions,
        events.map((e) => JSON.stringify(e.data)),
        events.map(() => JSON.stringify(metadata)),
      ],
    );
    await client.query('SELECT pg_notify($1, $2)', [EVENTS_NOTIFY_CHANNEL, streamId]);
    return {
      streamVersion: current + events.length,
      positions: inserted.rows.map((r) => ({
        transactionId: BigInt(r.transaction_id),
        globalPosition: BigInt(r.global_position),
      })),
      alreadyAppended: false,
    };
  }

  /** True when every event is stored already with the same content; throws on a reused id. */
  private async alreadyStored(client: PoolClient, streamId: string, events: NewEvent[]): Promise<boolean> {
    const { rows } = await client.query<Pick<EventRow, 'event_id' | 'stream_id' | 'event_type' | 'data'>>(
      'SELECT event_id, stream_id, event_type, data FROM events WHERE event_id = ANY($1::uuid[])',
      [events.map((e) => e.eventId)],
    );
    if (rows.length === 0) return false;
    for (const event of events) {
      const row = rows.find((r) => r.event_id === event.eventId);
      const same =
        row?.stream_id === streamId &&
        row.event_type === event.type &&
        isDeepStrictEqual(row.data, JSON.parse(JSON.stringify(event.data)));
      if (!same) throw new EventIdReusedError(row ? event.eventId : rows[0].event_id);
    }
    return true;
  }

  async readStream(streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    );
    return rows.map((row) => this.upcasters.upcast(toRecorded(row)));
  }

  /**
   * Reads the global log after `after`, in (transaction, position) order, and only events of
   * transactions older than every transaction still running. A transaction that took a lower
   * position but commits later is therefore read in its turn instead of being skipped.
   */
  async readAll(after: LogPosition, limit = 500): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
       WHERE (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY transaction_id, global_position
       LIMIT $3`,
      [after.transactionId.toString(), after.globalPosition.toString(), limit],
    );
    return rows.map((row) => this.upcasters.upcast(toRecorded(row)));
  }

  /** The last position written (committed or not yet visible), for lag reporting. */
  async headPosition(): Promise<bigint> {
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(global_position) AS head FROM events');
    return BigInt(rows[0].head ?? 0);
  }
}
