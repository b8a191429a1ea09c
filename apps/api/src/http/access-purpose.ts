import { ACCESS_PURPOSES, type AccessPurpose, isAccessPurpose } from '@app/audit';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

export const ACCESS_PURPOSE_HEADER = 'access-purpose';

/**
 * The purpose the caller states for this access, recorded with it in the audit log: null when
 * none was sent and the endpoint does not require one; a 400 naming the header when it is
 * required and missing, or not one of the purposes.
 */
export function accessPurposeOf(request: FastifyRequest, required: boolean): AccessPurpose | null {
  const header = request.headers[ACCESS_PURPOSE_HEADER];
  if (header === undefined && !required) return null;
  if (isAccessPurpose(header)) return header;
  const reason = header === undefined ? 'is required: state why you read this' : 'is not a known purpose';
  throw new ApiError('REQUEST.INVALID', `the Access-Purpose header ${reason}`, [
    { field: 'Access-Purpose', reason: `${reason}; one of ${ACCESS_PURPOSES.join(', ')}` },
  ]);
}
