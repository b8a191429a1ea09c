import { HttpException } from '@nestjs/common';
import { AuthenticationError, KeySetUnavailableError } from '@app/auth';
import { Rejection } from '@app/domain';
import { StreamVersionConflictError } from '@app/event-store';
import { ApiError, type ErrorBody, type ErrorCode, type FieldError } from './api-error';
import { isDependencyUnavailable } from './dependency-unavailable';
import { BODY_LIMIT_BYTES } from './http-limits';
import { httpStatusOf, reasonPhrase } from './rejection-status';

interface Described {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldError[];
  reason?: string;
}

/**
 * Errors Fastify raises while reading a body, before any handler runs. Nest hands them on as
 * HttpExceptions with Fastify's status, so they are known here by that status.
 */
const BODY_ERRORS_BY_STATUS: Record<number, Described> = {
  413: { code: 'REQUEST.TOO_LARGE', message: `request body is larger than the limit of ${BODY_LIMIT_BYTES / 1024} KiB` },
  415: { code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'send the body as JSON with "Content-Type: application/json"' },
};

function describe(error: unknown): Described {
  if (error instanceof ApiError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof AuthenticationError) return { code: error.code, message: error.message, reason: error.reason };
  if (error instanceof KeySetUnavailableError) {
    return { code: 'DEPENDENCY.UNAVAILABLE', message: "the token issuer's keys cannot be fetched, so no token can be checked; retry later" };
  }
  if (error instanceof Rejection) {
    const fieldErrors = error.field ? [{ field: error.field, reason: error.message }] : undefined;
    return { code: error.code, message: error.message, fieldErrors };
  }
  if (error instanceof StreamVersionConflictError) {
    return { code: 'EVENT_STORE.VERSION_CONFLICT', message: 'the referral was changed by another request; read it again and retry' };
  }
  if (isDependencyUnavailable(error)) {
    return { code: 'DEPENDENCY.UNAVAILABLE', message: 'the database is unavailable; nothing was recorded, retry later' };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status in BODY_ERRORS_BY_STATUS) return BODY_ERRORS_BY_STATUS[status];
    if (status === 404) return { code: 'ROUTE.NOT_FOUND', message: 'no such resource' };
    if (status < 500) return { code: 'REQUEST.INVALID', message: error.message };
  }
  return { code: 'INTERNAL', message: 'an unexpected error occurred; quote the X-Correlation-Id header when reporting it' };
}

/** Translates any error into the API's error body and status. Unknown errors become a 500. */
export function toErrorBody(error: unknown): ErrorBody {
  const { code, message, fieldErrors, reason } = describe(error);
  const statusCode = httpStatusOf(code);
  return { statusCode, error: reasonPhrase(statusCode), code, message, ...(fieldErrors ? { fieldErrors } : {}), ...(reason ? { reason } : {}) };
}
