/** Who did it, for which agency and hub, and what caused it: stamped on every event. */
export interface EventMetadata {
  actor: string;
  agency: string | null;
  hubId: string;
  correlationId: string;
  causationId: string | null;
  /** The hub policy version in force when the event was decided, where one applies. */
  policyVersion?: number | null;
}

/** An event to append; its id is chosen by the writer so that a retried write is idempotent. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  /** Left out: the type's current version. Given: the shape `data` is in (never above current). */
  schemaVersion?: number;
  data: Data;
}

/** The ordering key of the global log: (writing transaction, global position). */
export interface LogPosition {
  transactionId: bigint;
  globalPosition: bigint;
}

export const LOG_START: LogPosition = { transactionId: 0n, globalPosition: 0n };

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  streamId: string;
  streamVersion: number;
  hubId: string;
  type: Type;
  /** The version of `data`'s shape: as read from the store, always the type's current one. */
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
  position: LogPosition;
}

/** `'no-stream'`: the stream must not exist yet; a number: its current version must match. */
export type ExpectedVersion = 'no-stream' | 'any' | number;

export interface AppendResult {
  /** The stream's version after the append. */
  streamVersion: number;
  /** Positions of the appended events; empty when every event was already stored. */
  positions: LogPosition[];
  /** True when all events were stored before (an idempotent retry). */
  alreadyAppended: boolean;
}
