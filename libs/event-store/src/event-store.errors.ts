/** A writer expected the stream at one version and found another: someone else appended first. */
export class StreamVersionConflictError extends Error {
  readonly code = 'EVENT_STORE.VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no-stream',
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${expected}, found ${actual}`);
    this.name = 'StreamVersionConflictError';
  }
}

/** The same event id was stored before with different content: a bug in the writer, never a retry. */
export class EventIdReusedError extends Error {
  readonly code = 'EVENT_STORE.EVENT_ID_REUSED';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored with other content`);
    this.name = 'EventIdReusedError';
  }
}

/**
 * An event is stored at a schema version this code does not know (written by a newer release,
 * or asked to be written ahead of it). Reading it as if it were current would misread it.
 */
export class UnknownEventSchemaVersionError extends Error {
  readonly code = 'EVENT_STORE.UNKNOWN_SCHEMA_VERSION';
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
    readonly eventId?: string,
  ) {
    super(`${eventType}${eventId ? ` ${eventId}` : ''}: schema version ${schemaVersion} is not known here (current ${currentVersion})`);
    this.name = 'UnknownEventSchemaVersionError';
  }
}
