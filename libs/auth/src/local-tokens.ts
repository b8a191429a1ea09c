import { SignJWT } from 'jose';
import { type AuthConfig, expectedIssuer } from '@app/config';
import { principalFromClaims } from './claims';
import type { Role } from './principal';
import { LOCAL_ALGORITHM, localSigningKey } from './token-verifier';

export interface LocalTokenClaims {
  sub: string;
  hubs: string[];
  agency: string;
  roles: Role[];
}

/** Mints a token with the local key, for development, tests and the demo; refused outside local mode. */
export async function signLocalToken(config: AuthConfig, claims: LocalTokenClaims, ttl: string | number = '8h'): Promise<string> {
  if (config.AUTH_MODE !== 'local') {
    throw new Error(`tokens can be minted only with AUTH_MODE=local (it is ${config.AUTH_MODE}): production tokens come from the issuer`);
  }
  // The same checks the API makes, so a token that would be refused is never minted.
  principalFromClaims({ ...claims });
  return new SignJWT({ hubs: claims.hubs, agency: claims.agency, roles: claims.roles })
    .setProtectedHeader({ alg: LOCAL_ALGORITHM, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(expectedIssuer(config))
    .setAudience(config.AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(localSigningKey(config));
}
