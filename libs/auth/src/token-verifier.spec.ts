import { SignJWT, UnsecuredJWT } from 'jose';
import { loadAuthConfig } from '@app/config';
import { signLocalToken } from './local-tokens';
import { createTokenVerifier } from './token-verifier';

const config = loadAuthConfig({});
const verifier = createTokenVerifier(config);
const claims = { sub: 'u-7', hubs: ['northshire'], agency: 'health', roles: ['practitioner' as const] };
const key = new TextEncoder().encode(config.AUTH_LOCAL_SECRET);

/** A token signed with the local key, with the standard claims changed as the test needs. */
function token(change: (jwt: SignJWT) => SignJWT = (jwt) => jwt, payload: Record<string, unknown> = claims, signingKey = key): Promise<string> {
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuer('mash-local-dev').setAudience('mash-api').setIssuedAt().setExpirationTime('5m');
  return change(jwt).sign(signingKey);
}

async function reasonFor(tokenText: string): Promise<string> {
  try {
    await verifier.verify(tokenText);
  } catch (error: any) {
    expect(error.name).toBe('AuthenticationError');
    return error.reason;
  }
  throw new Error('token was accepted');
}

describe('local token verification', () => {
  it('accepts a minted token and names its principal', async () => {
    const minted = await signLocalToken(config, claims, '1h');
    await expect(verifier.verify(minted)).resolves.toEqual({ userId: 'u-7', hubs: ['northshire'], agency: 'health', roles: ['practitioner'] });
  });

  it.each<[string, () => Promise<string>, string]>([
    ['an expired token', () => token((jwt) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) - 3600).setExpirationTime(Math.floor(Date.now() / 1000) - 120)), 'expired'],
    ['a token not valid yet', () => token((jwt) => jwt.setNotBefore('10m')), 'not-yet-valid'],
    ['a token signed with another key', () => token(undefined, claims, new TextEncoder().encode('x'.repeat(40))), 'bad-signature'],
    ['a token from another issuer', () => token((jwt) => jwt.setIssuer('https://elsewhere.example')), 'wrong-issuer'],
    ['a token for another audience', () => token((jwt) => jwt.setAudience('another-api')), 'wrong-audience'],
    ['a token without an expiry', () => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('mash-local-dev').setAudience('mash-api').sign(key), 'missing-claim'],
    ['a token without roles', () => token(undefined, { sub: 'u-7', hubs: [], agency: 'health' }), 'missing-claim'],
    ['a token with ill-typed hubs', () => token(undefined, { ...claims, hubs: 'northshire' }), 'invalid-claim'],
    ['an unsigned token (alg none)', async () => new UnsecuredJWT(claims).setIssuer('mash-local-dev').setAudience('mash-api').setExpirationTime('5m').encode(), 'algorithm-not-allowed'],
    ['a token signed with HS512', () => new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).setIssuer('mash-local-dev').setAudience('mash-api').setExpirationTime('5m').sign(key), 'algorithm-not-allowed'],
    ['garbage', async () => 'not-a-jwt', 'malformed'],
    ['three parts of garbage', async () => 'aaa.bbb.ccc', 'malformed'],
  ])('refuses %s (%s)', async (_, make, reason) => {
    expect(await reasonFor(await make())).toBe(reason);
  });

  it('tolerates 30 seconds of clock difference', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await token((jwt) => jwt.setIssuedAt(now - 600).setExpirationTime(now - 10)))).resolves.toBeDefined();
  });
});

describe('minting local tokens', () => {
  it('is refused outside local mode', async () => {
    const jwks = loadAuthConfig({ AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'https://issuer.example/jwks', AUTH_ISSUER: 'https://issuer.example/' });
    await expect(signLocalToken(jwks, claims)).rejects.toThrow(/AUTH_MODE=local/);
  });

  it('never mints a token the API would refuse', async () => {
    await expect(signLocalToken(config, { ...claims, roles: ['admin' as never] })).rejects.toMatchObject({ reason: 'invalid-claim' });
  });
});
