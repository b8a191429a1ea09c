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
