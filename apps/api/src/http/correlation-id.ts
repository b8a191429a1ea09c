import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** A caller's own id is kept only when it is safe to log and to echo back. */
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * The request id, which is also the correlation id stamped on the events the request makes:
 * the caller's X-Correlation-Id when it sends a safe one, otherwise a new UUID.
 */
export function correlationIdOf(request: IncomingMessage): string {
  const given = request.headers[CORRELATION_ID_HEADER];
  return typeof given === 'string' && SAFE_CORRELATION_ID.test(given) ? given : randomUUID();
}
