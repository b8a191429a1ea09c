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
