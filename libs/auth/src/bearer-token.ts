import { AuthenticationError } from './authentication-error';

/** RFC 6750 `Bearer` credentials: token68 characters only. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an `Authorization: Bearer ...` header; 401 when absent or not a bearer token. */
export function bearerTokenOf(header: string | string[] | undefined): string {
  if (header === undefined || header === '') {
    throw new AuthenticationError('missing', 'send a bearer token: "Authorization: Bearer <token>"');
  }
  const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
  if (!match) throw new AuthenticationError('malformed-header', 'the Authorization header must be "Bearer <token>"');
  return match[1];
}
