import { ActivityFailure, ApplicationFailure, isGrpcServiceError, ServiceError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { REJECTION_CODES, Rejection, type RejectionCode } from '@app/domain';
import { ApiError } from '../../http/api-error';

/** The workflow SDK's refusal of an update the workflow registered no handler for (runs before lifecycle-v2). */
const NO_UPDATE_HANDLER = /^No registered handler for update/;

// gRPC status codes CANCELLED, DEADLINE_EXCEEDED and UNAVAILABLE (@grpc/grpc-js is not a direct dependency).
const TRANSPORT_CODES: readonly number[] = [1, 4, 14];

const isRejectionCode = (type: unknown): type is RejectionCode => (REJECTION_CODES as readonly unknown[]).includes(type);

/** Temporal could not be reached, or did not answer in time. */
export function isTemporalUnavailable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpc) && TRANSPORT_CODES.includes(grpc.code);
}

/**
 * The workflow had no handler for the update when it came: one started before lifecycle-v2
 * (never has), or a new one still loading its referral (registers them once loaded).
 */
export function isMissingUpdateHandler(error: unknown): boolean {
  return error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && !isRejectionCode(error.cause.type) && NO_UPDATE_HANDLER.test(error.cause.message);
}

/**
 * What a failed lifecycle update means to the caller, as an error the API answers with its
 * code: the domain's Rejection (its code is the failure's type, its field `details[0]`), a
 * stream that moved, or Temporal unreachable. Undefined for anything else, a missing handler
 * included (isMissingUpdateHandler): an unexpected failure is logged and answered as 500
 * INTERNAL without its text.
 */
export function commandFailureOf(error: unknown): Rejection | ApiError | undefined {
  if (isTemporalUnavailable(error)) {
    // The command may still be applied once Temporal answers: a retry with the same key is safe.
    return new ApiError('DEPENDENCY.UNAVAILABLE', 'the workflow service did not answer; retry with the same Idempotency-Key');
  }
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const { cause } = error;
  if (cause instanceof ApplicationFailure) {
    if (isRejectionCode(cause.type)) {
      const field = cause.details?.[0];
      return new Rejection(cause.type, cause.message, typeof field === 'string' ? field : undefined);
    }
  }
  // The append was refused because the stream moved under the workflow (it is not retried).
  if (cause instanceof ActivityFailure && cause.cause instanceof ApplicationFailure && cause.cause.type === 'EVENT_STORE.VERSION_CONFLICT') {
    return new ApiError('EVENT_STORE.VERSION_CONFLICT', 'the referral was changed by another request; read it again and retry');
  }
  return undefined;
}

/** The failure's type where it has one, for the log of an unexpected failure (never for the caller). */
export function failureTypeOf(error: unknown): string | undefined {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  return cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined;
}
