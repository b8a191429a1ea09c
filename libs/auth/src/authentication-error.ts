/** Why a request was not authenticated; machine-readable, safe to show the caller. */
export const TOKEN_FAILURE_REASONS = [
  'missing',
  'malformed-header',
  'malformed',
  'algorithm-not-allowed',
  'bad-signature',
  'unknown-key',
  'expired',
  'not-yet-valid',
  'wrong-issuer',
  'wrong-audience',
  'missing-claim',
  'invalid-claim',
] as const;
export type TokenFailureReason = (typeof TOKEN_FAILURE_REASONS)[number];

/**
 * A request whose bearer token is absent or cannot be trusted (HTTP 401). The message says what
 * is wrong in words; it never contains the token or any claim value.
 */
export class AuthenticationError extends Error {
  readonly code: 'AUTH.MISSING_TOKEN' | 'AUTH.INVALID_TOKEN';

  constructor(
    readonly reason: TokenFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'AuthenticationError';
    this.code = reason === 'missing' ? 'AUTH.MISSING_TOKEN' : 'AUTH.INVALID_TOKEN';
  }
}

/** The issuer's key set could not be fetched: nobody can be verified right now (HTTP 503, not 401). */
export class KeySetUnavailableError extends Error {
  constructor(cause: unknown) {
    super("the token issuer's key set (JWKS) could not be fetched", { cause });
    this.name = 'KeySetUnavailableError';
  }
}
