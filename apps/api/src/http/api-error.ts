import type { RejectionCode } from '@app/domain';

/** Codes the API itself gives, beside the domain's rejection codes. One list, one place. */
export const API_ERROR_CODES = [
  'REQUEST.INVALID',
  'REQUEST.MALFORMED_JSON',
  'REQUEST.TOO_LARGE',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'ROUTE.NOT_FOUND',
  'AUTH.MISSING_TOKEN',
  'AUTH.INVALID_TOKEN',
  'AUTH.ROLE_NOT_ALLOWED',
  'AUTH.HUB_NOT_ALLOWED',
  'AUTH.AGENCY_MISMATCH',
  'IDEMPOTENCY.KEY_REUSED',
  'EVENT_STORE.VERSION_CONFLICT',
  /** The referral is stored but its workflow has not started, or not yet loaded it: retry in a moment. */
  'REFERRAL.WORKFLOW_NOT_READY',
  /** The referral's workflow started before lifecycle-v2 and accepts no lifecycle commands. */
  'REFERRAL.LEGACY_WORKFLOW',
  /** No hub of that id (named in the path). */
  'HUB.NOT_FOUND',
  /** The policy breaks the schema or a rule; each field error is a JSON pointer into the resolved document. */
  'HUB_POLICY.INVALID',
  /** The hub has published no policy yet: it runs under the national default. */
  'HUB_POLICY.NOT_SET',
  'HUB_POLICY.VERSION_NOT_FOUND',
  /** Another version was published after the one the publisher expected (If-Match, or the one read). */
  'HUB_POLICY.VERSION_CONFLICT',
  /** Once a hub has a policy, only its accountable manager or a delegate publishes the next version. */
  'HUB_POLICY.NOT_ACCOUNTABLE',
  /** No parked event of that id (ops API). */
  'PARKED_EVENT.NOT_FOUND',
  /** The parked event was already retried or skipped, or is held behind an earlier one of its referral. */
  'PARKED_EVENT.NOT_RESOLVABLE',
  'DEPENDENCY.UNAVAILABLE',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export type ErrorCode = ApiErrorCode | RejectionCode;

export interface FieldError {
  /** Dotted path of the field in the request (`subject.dateOfBirth`, `householdMembers[0].givenName`). */
  field: string;
  reason: string;
}

/** The one JSON shape of every error the API answers. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldError[];
  /** Why a token was refused (AUTH.INVALID_TOKEN, AUTH.MISSING_TOKEN): expired, wrong-issuer, ... */
  reason?: string;
}

/** A failure the API reports to the caller with a stable code (mapped to a status in rejection-status.ts). */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
