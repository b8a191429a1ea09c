/**
 * Whether an error means a dependency (PostgreSQL) could not be reached or went away, as
 * opposed to a bug or a refused statement. Such requests answer 503 so that callers retry.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN']);

/** SQLSTATE classes 08 (connection exception) and 57P0x (operator intervention: shutdown). */
const POSTGRES_UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  errors?: unknown;
}

/**
 * Duck-typed on purpose: errors raised by Node's own sockets come from another realm under
 * jest's module sandbox, where `instanceof Error` is false.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as ErrorLike;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE_STATES.has(code) || code.startsWith('08')) return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Node reports a refused connection to every address of a host as an AggregateError.
  return Array.isArray(errors) && errors.some(isDependencyUnavailable);
}
