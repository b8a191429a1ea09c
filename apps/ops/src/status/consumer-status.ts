/**
 * What `ops status` reports, and the arithmetic of lag. Pure: the readers that fill these from
 * PostgreSQL and Kafka are in read-status.ts.
 */

/**
 * What a consumer could not handle, from parked_events: how many events are parked now, and the
 * latest one parked for a reason of its own (held events only follow it). Passing failures (Kafka
 * or the database away) park nothing: they are retried and only logged.
 */
export interface ParkedErrors {
  parked: number;
  /** null: nothing ever parked. */
  lastError: { code: string; at: string } | null;
}

export const NOTHING_PARKED: ParkedErrors = { parked: 0, lastError: null };

export interface PartitionLag {
  partition: number;
  /** Next offset the projection will apply; null when it has stored none for this partition. */
  nextOffset: string | null;
  /** The topic's high-water mark: the offset the next message written will get. */
  highWatermark: string;
  /** Messages on the partition not yet applied. */
  lag: number;
}

/** A projection fed from Kafka, positioned by the offsets it stores beside its rows. */
export interface ProjectionStatus {
  kind: 'projection';
  name: string;
  topic: string;
  /** False when the topic is not on the cluster (never created, or deleted): no partitions then. */
  topicExists: boolean;
  partitions: PartitionLag[];
  totalLag: number;
  parked: number;
  lastError: ParkedErrors['lastError'];
}

/** A follower of the event store's global log, positioned by its checkpoint. */
export interface EventReaderStatus {
  kind: 'event-reader';
  name: string;
  /** null: no checkpoint stored yet, the reader starts from the beginning of the log. */
  checkpoint: { transactionId: string; globalPosition: string; updatedAt: string } | null;
  /** The highest global position written. */
  headPosition: string;
  /** Committed events after the checkpoint, in the reader's (transaction, position) order. */
  eventsBehind: number;
  parked: number;
  lastError: ParkedErrors['lastError'];
}

export type ComponentStatus = ProjectionStatus | EventReaderStatus;

export interface TopicOffsets {
  partition: number;
  /** Earliest offset still on the partition (retention may have removed the ones before). */
  low: string;
  high: string;
}

/**
 * Lag of one partition. Without a stored offset the projection starts at the earliest message
 * still retained, so everything from `low` on is ahead of it. An offset beyond the high-water
 * mark (a topic recreated under the projection) counts as 0 behind, not negative.
 */
export function partitionLag(offsets: TopicOffsets, nextOffset: string | null): PartitionLag {
  const from = BigInt(nextOffset ?? offsets.low);
  const behind = BigInt(offsets.high) - from;
  return { partition: offsets.partition, nextOffset, highWatermark: offsets.high, lag: behind > 0n ? Number(behind) : 0 };
}

/** Every partition of the topic, each with its lag, in partition order; `offsets` null: no such topic. */
export function projectionStatus(
  name: string,
  topic: string,
  offsets: TopicOffsets[] | null,
  stored: ReadonlyMap<number, string>,
  errors: ParkedErrors = NOTHING_PARKED,
): ProjectionStatus {
  const partitions = [...(offsets ?? [])]
    .sort((a, b) => a.partition - b.partition)
    .map((o) => partitionLag(o, stored.get(o.partition) ?? null));
  return { kind: 'projection', name, topic, topicExists: offsets !== null, partitions, totalLag: partitions.reduce((sum, p) => sum + p.lag, 0), ...errors };
}
