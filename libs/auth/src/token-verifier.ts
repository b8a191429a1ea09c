import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { type AuthConfig, expectedIssuer } from '@app/config';
import { AuthenticationError, KeySetUnavailableError, type TokenFailureReason } from './authentication-error';
import { principalFromClaims } from './claims';
import type { Principal } from './principal';

/** Checks a bearer token and names who it stands for; throws AuthenticationError (401) otherwise. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** The one algorithm of local mode; `none` and every other is refused by name. */
export const LOCAL_ALGORITHM = 'HS256';
/** Asymmetric algorithms an issuer may sign with; never HS* (its public key is not a secret). */
const ISSUER_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];
/** Leeway for clocks that differ a little between the issuer and this machine. */
const CLOCK_TOLERANCE_SECONDS = 30;

export const localSigningKey = (config: AuthConfig): Uint8Array => new TextEncoder().encode(config.AUTH_LOCAL_SECRET);

function keySetOf(url: string): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(url), { timeoutDuration: 2000, cooldownDuration: 30000, cacheMaxAge: 600000 });
  // A key set that cannot be fetched or read says nothing about the token: 503, not 401.
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout) && !(error instanceof errors.JWKSInvalid)) throw error;
      throw new KeySetUnavailableError(error);
    }
  };
}

const CLAIM_REASONS: Record<string, TokenFailureReason> = { iss: 'wrong-issuer', aud: 'wrong-audience', nbf: 'not-yet-valid', exp: 'expired' };

/** Each verification failure jose reports, as a reason the caller can act on. */
function toAuthenticationError(error: errors.JOSEError): AuthenticationError {
  if (error instanceof errors.JWTExpired) return new AuthenticationError('expired', 'the token has expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return new AuthenticationError('missing-claim', `the token has no "${error.claim}" claim`);
    const reason = CLAIM_REASONS[error.claim] ?? 'invalid-claim';
    return new AuthenticationError(reason, `the token's "${error.claim}" claim is not accepted here`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new AuthenticationError('algorithm-not-allowed', 'the token is signed with an algorithm that is not accepted');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('bad-signature', 'the token signature does not verify');
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new AuthenticationError('unknown-key', "the token is not signed with one of the issuer's current keys");
  }
  return new AuthenticationError('malformed', 'the token is not a well-formed signed JWT');
}

/** Verifies tokens as configured: the local key in local mode, the issuer's JWKS in jwks mode. */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = config.AUTH_MODE === 'jwks' ? keySetOf(config.AUTH_JWKS_URL as string) : localSigningKey(config);
  const options: JWTVerifyOptions = {
    issuer: expectedIssuer(config),
    audience: config.AUTH_AUDIENCE,
    algorithms: config.AUTH_MODE === 'jwks' ? ISSUER_ALGORITHMS : [LOCAL_ALGORITHM],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    // A token that never expires is refused.
    requiredClaims: ['exp'],
  };
  return {
    async verify(token: string): Promise<Principal> {
      let payload;
      try {
        ({ payload } = typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
      } catch (error) {
        if (error instanceof errors.JOSEError) throw toAuthenticationError(error);
        throw error;
      }
      return principalFromClaims(payload);
    },
  };
}
