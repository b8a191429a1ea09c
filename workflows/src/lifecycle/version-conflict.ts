import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/** The event store's code for an append at a stream version that is no longer current. */
export const VERSION_CONFLICT = 'EVENT_STORE.VERSION_CONFLICT';

/** True when an activity failed because the stream had moved past the version it expected. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === VERSION_CONFLICT;
}
