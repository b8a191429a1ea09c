import { STATUS_CODES } from 'node:http';
import type { RejectionCode } from '@app/domain';
import type { ApiErrorCode, ErrorCode } from './api-error';

/**
 * The HTTP status of every error code, in one table. Typed as a complete record so that a new
 * domain rejection code does not compile until someone decides its status here.
 */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  'REFERRAL.OUT_OF_SCOPE': 422,
  'REFERRAL.SOURCE_NOT_ACCEPTED': 422,
  'REFERRAL.SUBJECT_AGE_MISMATCH': 422,
  'HUB.UNKNOWN': 422,
  'REFERRAL.NOT_FOUND': 404,
  'REFERRAL.WRONG_STAGE': 409,
  'REFERRAL.ALREADY_RECEIVED': 409,
  'REFERRAL.ACTION_CLOSED': 409,
  'REFERRAL.CHALLENGE_CLOSED': 409,
  'REFERRAL.NOT_ALLOWED': 403,
  'REFERRAL.UNKNOWN_AGENCY': 422,
  'REFERRAL.CORE_AGENCY_MISSING': 422,
  'REFERRAL.INVALID_INPUT': 422,
  'REFERRAL.UNKNOWN_ACTION': 404,
  'REFERRAL.UNKNOWN_RESPONSE': 422,
  'REQUEST.INVALID': 400,
  'REQUEST.MALFORMED_JSON': 400,
  'REQUEST.TOO_LARGE': 413,
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': 415,
  'ROUTE.NOT_FOUND': 404,
  'AUTH.MISSING_TOKEN': 401,
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.ROLE_NOT_ALLOWED': 403,
  'AUTH.HUB_NOT_ALLOWED': 403,
  'AUTH.AGENCY_MISMATCH': 403,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'EVENT_STORE.VERSION_CONFLICT': 409,
  'REFERRAL.WORKFLOW_NOT_READY': 409,
  'REFERRAL.LEGACY_WORKFLOW': 409,
  'HUB.NOT_FOUND': 404,
  'HUB_POLICY.INVALID': 422,
  'HUB_POLICY.NOT_SET': 404,
  'HUB_POLICY.VERSION_NOT_FOUND': 404,
  'HUB_POLICY.VERSION_CONFLICT': 409,
  'HUB_POLICY.NOT_ACCOUNTABLE': 403,
  'PARKED_EVENT.NOT_FOUND': 404,
  'PARKED_EVENT.NOT_RESOLVABLE': 409,
  'DEPENDENCY.UNAVAILABLE': 503,
  INTERNAL: 500,
} satisfies Record<RejectionCode | ApiErrorCode, number>;

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS_BY_CODE[code];
}

/** The reason phrase for a status ("Unprocessable Entity"), as the `error` field of the body. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
