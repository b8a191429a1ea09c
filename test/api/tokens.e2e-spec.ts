import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT, UnsecuredJWT } from 'jose';
import pino from 'pino';
import { loadConfig } from '@app/config';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, type TestDatabase } from '../support/stack';
import { tokenFor } from '../support/tokens';

/**
 * Every way a bearer token can be wrong answers 401 with a code and a reason, never a 500, and
 * no token reaches the log: in local mode, and in jwks mode against a key set served here on
 * the loopback interface (no network beyond this machine).
 */
describe('bearer tokens', () => {
  const hubId = 'token-hub';
  const claims = { hubs: [hubId], agency: 'education', roles: ['referrer'] };
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
  const tokensSent: string[] = [];
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'Token hub', 'both')`, [hubId]);
  });

  afterAll(async () => {
    await db?.drop();
  });

  async function eventCount(): Promise<number> {
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events');
    return rows[0].n;
  }

  async function submit(baseUrl: string, authorization?: string): Promise<{ status: number; body: any; headers: Headers }> {
    if (authorization) tokensSent.push(authorization);
    const response = await fetch(`${baseUrl}/v1/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
      body: JSON.stringify(validReferralRequest(hubId)),
    });
    return { status: response.status, body: await response.json(), headers: response.headers };
  }

  async function expect401(baseUrl: string, authorization: string | undefined, code: string, reason: string): Promise<void> {
    const before = await eventCount();
    const answer = await submit(baseUrl, authorization);
    expect({ status: answer.status, body: answer.body }).toEqual({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', code, reason, message: expect.any(String) },
    });
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="mash"/);
    expect(await eventCount()).toBe(before);
  }

  describe('in local mode', () => {
    let app: NestFastifyApplication;
    let baseUrl: string;
    const key = new TextEncoder().encode(loadConfig({ ...process.env }).AUTH_LOCAL_SECRET);
    const now = () => Math.floor(Date.now() / 1000);
    const signed = (change: (jwt: SignJWT) => SignJWT = (jwt) => jwt, payload: Record<string, unknown> = claims, signingKey = key) =>
      change(new SignJWT({ sub: 'u-1', ...payload }).setProtectedHeader({ alg: 'HS256' }).setIssuer('mash-local-dev').setAudience('mash-api').setExpirationTime('5m')).sign(signingKey);

    beforeAll(async () => {
      app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), { ephemeralPort: true, host: '127.0.0.1', logger });
      baseUrl = await app.getUrl();
    });

    afterAll(async () => {
      await app?.close();
    });

    it('accepts a minted token', async () => {
      const answer = await submit(baseUrl, `Bearer ${await tokenFor({ ...claims, roles: ['referrer'] })}`);
      expect(answer.status).toBe(201);
    });

    it('answers no Authorization header with 401 AUTH.MISSING_TOKEN', () => expect401(baseUrl, undefined, 'AUTH.MISSING_TOKEN', 'missing'));

    it.each<[string, () => Promise<string>, string]>([
      ['Basic credentials', async () => 'Basic dXNlcjpwYXNzd29yZA==', 'malformed-header'],
      ['a token without the Bearer scheme', async () => signed(), 'malformed-header'],
      ['"Bearer" and nothing else', async () => 'Bearer', 'malformed-header'],
      ['garbage after Bearer', async () => 'Bearer not-a-jwt', 'malformed'],
      ['an expired token', async () => `Bearer ${await signed((jwt) => jwt.setExpirationTime(now() - 120))}`, 'expired'],
      ['a token with a wrong signature', async () => `Bearer ${await signed(undefined, claims, new TextEncoder().encode('another-key-of-at-least-32-characters!!'))}`, 'bad-signature'],
      ['a tampered payload', async () => {
        const [header, , signature] = (await signed()).split('.');
        const payload = Buffer.from(JSON.stringify({ sub: 'u-1', ...claims, roles: ['hub-manager'], iss: 'mash-local-dev', aud: 'mash-api', exp: now() + 300 })).toString('base64url');
        return `Bearer ${header}.${payload}.${signature}`;
      }, 'bad-signature'],
      ['a token from another issuer', async () => `Bearer ${await signed((jwt) => jwt.setIssuer('https://elsewhere.example/'))}`, 'wrong-issuer'],
      ['a token for another audience', async () => `Bearer ${await signed((jwt) => jwt.setAudience('another-api'))}`, 'wrong-audience'],
      ['a token without hubs', async () => `Bearer ${await signed(undefined, { agency: 'education', roles: ['referrer'] })}`, 'missing-claim'],
      ['a token without a subject', async () => `Bearer ${await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('mash-local-dev').setAudience('mash-api').setExpirationTime('5m').sign(key)}`, 'missing-claim'],
      ['a token without an expiry', async () => `Bearer ${await new SignJWT({ sub: 'u-1', ...claims }).setProtectedHeader({ alg: 'HS256' }).setIssuer('mash-local-dev').setAudience('mash-api').sign(key)}`, 'missing-claim'],
      ['a token whose roles are a string', async () => `Bearer ${await signed(undefined, { ...claims, roles: 'referrer' })}`, 'invalid-claim'],
      ['a token with no known role', async () => `Bearer ${await signed(undefined, { ...claims, roles: ['admin'] })}`, 'invalid-claim'],
      ['an unsigned token (alg none)', async () => `Bearer ${new UnsecuredJWT({ sub: 'u-1', ...claims }).setIssuer('mash-local-dev').setAudience('mash-api').setExpirationTime('5m').encode()}`, 'algorithm-not-allowed'],
    ])('answers %s with 401 AUTH.INVALID_TOKEN', async (_, authorization, reason) => {
      await expect401(baseUrl, await authorization(), 'AUTH.INVALID_TOKEN', reason);
    });

    it('answers GET of a referral without a valid token with 401 too, before looking for it', async () => {
      const response = await fetch(`${baseUrl}/v1/referrals/00000000-0000-4000-8000-000000000000`, { headers: { authorization: 'Bearer x.y.z' } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ code: 'AUTH.INVALID_TOKEN', reason: 'malformed' });
    });

    it('leaves /health open', async () => {
      expect([200, 503]).toContain((await fetch(`${baseUrl}/health`)).status);
    });
  });

  describe('in jwks mode, against a key set on this machine', () => {
    const issuer = 'https://issuer.test/';
    let keyServer: Server;
    let keySetUrl: string;
    let issuerKey: KeyLike;
    let strangerKey: KeyLike;
    let published: JWK;
    let app: NestFastifyApplication;
    let baseUrl: string;

    const signedBy = (key: KeyLike, kid: string, change: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
      change(new SignJWT({ sub: 'idp|user-9', ...claims }).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(issuer).setAudience('mash-api').setIssuedAt().setExpirationTime('5m')).sign(key);

    beforeAll(async () => {
      ({ privateKey: issuerKey, publicKey: published } = await generateKeyPair('RS256').then(async (pair) => ({ privateKey: pair.privateKey, publicKey: await exportJWK(pair.publicKey) })));
      ({ privateKey: strangerKey } = await generateKeyPair('RS256'));
      keyServer = createServer((request, response) => {
        if (request.url !== '/jwks.json') return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ ...published, kid: 'issuer-key-1', alg: 'RS256', use: 'sig' }] }));
      });
      await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
      keySetUrl = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/jwks.json`;
      const config = loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'jwks', AUTH_JWKS_URL: keySetUrl, AUTH_ISSUER: issuer, AUTH_AUDIENCE: 'mash-api' });
      app = await bootstrapApi(config, { ephemeralPort: true, host: '127.0.0.1', logger });
      baseUrl = await app.getUrl();
    });

    afterAll(async () => {
      await app?.close();
      await new Promise((resolve) => keyServer?.close(resolve));
    });

    it("accepts a token signed with the issuer's published key and records its subject as the actor", async () => {
      const answer = await submit(baseUrl, `Bearer ${await signedBy(issuerKey, 'issuer-key-1')}`);
      expect(answer.status).toBe(201);
      const { rows } = await db.pool.query('SELECT metadata FROM events WHERE stream_id = $1', [`referral-${answer.body.referralId}`]);
      expect(rows[0].metadata).toMatchObject({ actor: 'idp|user-9', agency: 'education' });
    });

    it.each<[string, () => Promise<string>, string]>([
      ["a token signed with another key under the issuer's key id", () => signedBy(strangerKey, 'issuer-key-1'), 'bad-signature'],
      ['a token naming a key the issuer does not publish', () => signedBy(issuerKey, 'retired-key'), 'unknown-key'],
      ['an expired token', () => signedBy(issuerKey, 'issuer-key-1', (jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 120)), 'expired'],
      ['a token from another issuer', () => signedBy(issuerKey, 'issuer-key-1', (jwt) => jwt.setIssuer('https://impostor.test/')), 'wrong-issuer'],
      ['a token for another audience', () => signedBy(issuerKey, 'issuer-key-1', (jwt) => jwt.setAudience('another-api')), 'wrong-audience'],
      ['a token minted with the local development key', () => tokenFor({ ...claims, roles: ['referrer'] }), 'algorithm-not-allowed'],
      ['an unsigned token (alg none)', async () => new UnsecuredJWT({ sub: 'u-1', ...claims }).setIssuer(issuer).setAudience('mash-api').setExpirationTime('5m').encode(), 'algorithm-not-allowed'],
      ['a token without an agency', () => new SignJWT({ sub: 'u-1', hubs: [hubId], roles: ['referrer'] }).setProtectedHeader({ alg: 'RS256', kid: 'issuer-key-1' }).setIssuer(issuer).setAudience('mash-api').setExpirationTime('5m').sign(issuerKey), 'missing-claim'],
    ])('answers %s with 401 AUTH.INVALID_TOKEN', async (_, token, reason) => {
      await expect401(baseUrl, `Bearer ${await token()}`, 'AUTH.INVALID_TOKEN', reason);
    });

    it('answers 503, not 401 or 500, while the key set cannot be fetched', async () => {
      const closed = `http://127.0.0.1:1/jwks.json`;
      const down = await bootstrapApi(
        loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'jwks', AUTH_JWKS_URL: closed, AUTH_ISSUER: issuer, AUTH_AUDIENCE: 'mash-api' }),
        { ephemeralPort: true, host: '127.0.0.1', logger: pino({ level: 'silent' }) },
      );
      try {
        const answer = await submit(await down.getUrl(), `Bearer ${await signedBy(issuerKey, 'issuer-key-1')}`);
        expect(answer.status).toBe(503);
        expect(answer.body).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE', message: expect.stringMatching(/issuer's keys/) });
      } finally {
        await down.close();
      }
    });
  });

  it('never writes a token, or any part of one, to the log', () => {
    const everything = logLines.join('\n');
    expect(tokensSent.length).toBeGreaterThan(10);
    for (const authorization of tokensSent) {
      const token = authorization.replace(/^\S+\s*/, '');
      for (const part of token.split('.').filter((p) => p.length > 8)) expect(everything).not.toContain(part);
    }
  });
});
