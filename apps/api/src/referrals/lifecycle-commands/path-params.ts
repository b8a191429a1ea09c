import { AGENCIES, type Agency } from '@app/domain';
import { ApiError } from '../../http/api-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID (the referral id, an action id); else 400 naming it. */
export function requireUuid(value: string, field: string): string {
  if (!UUID.test(value)) throw new ApiError('REQUEST.INVALID', `the ${field} must be a UUID`, [{ field, reason: 'must be a UUID' }]);
  return value;
}

export function isAgency(value: string): value is Agency {
  return (AGENCIES as readonly string[]).includes(value);
}

/** The agency named in the path; else 400 naming it. */
export function requireAgency(value: string, field = 'agency'): Agency {
  if (!isAgency(value)) throw new ApiError('REQUEST.INVALID', `${value} is not an agency`, [{ field, reason: `must be one of: ${AGENCIES.join(', ')}` }]);
  return value;
}
