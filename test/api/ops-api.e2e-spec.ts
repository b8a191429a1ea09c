import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { loadConfig } from '@app/config';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';

/** The ops API over the real stack: the same operations as the ops command line, for operations staff. */
describe('ops API', () => {
  const HUB = 'north-hub';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let operations: Record<string, string>;
  let referralId: string;

  async function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'North MASH', 'both')`, [HUB]);
    app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), {
      ephemeralPort: true,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
    });
    baseUrl = await app.getUrl();
    operations = await bearer({ sub: 'oncall-1', hubs: [], agency: 'social-care', roles: ['operations'] });
    const submitted = await call('POST', '/v1/referrals', await bearer({ sub: 'referrer-1', hubs: [HUB], agency: 'education', roles: ['referrer'] }), validReferralRequest(HUB));
    expect(submitted.status).toBe(201);
    referralId = submitted.body.referralId;
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers status with the referral-summary projection and the event-log readers', async () => {
    const answer = await call('GET', '/v1/ops/status', operations);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'projection', name: 'referral-summary', parked: 0, lastError: null }),
        expect.objectContaining({ kind: 'event-reader', eventsBehind: expect.any(Number) }),
      ]),
    );
    const { rows } = await db.pool.query(`SELECT hub_id, user_id, action, outcome FROM access_audit_log WHERE action = 'ops.status-read'`);
    expect(rows).toEqual([{ hub_id: 'platform', user_id: 'oncall-1', action: 'ops.status-read', outcome: 'allowed' }]);
  });

  it('lists no parked events as an empty list', async () => {
    expect(await call('GET', '/v1/ops/parked', operations)).toEqual({ status: 200, body: [] });
    expect(await call('GET', '/v1/ops/parked?consumer=referral-summary', operations)).toEqual({ status: 200, body: [] });
  });

  it('refuses a bad consumer name and a skip without a reason code, naming the field', async () => {
    expect(await call('GET', '/v1/ops/parked?consumer=Not%20A%20Name', operations)).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID', fieldErrors: [{ field: 'consumer' }] } });
    expect(await call('POST', '/v1/ops/parked/1/skip', operations, { reason: 'Not a code' })).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID', fieldErrors: [{ field: 'reason' }] } });
    expect(await call('POST', '/v1/ops/parked/1/retry', operations)).toMatchObject({ status: 404, body: { code: 'PARKED_EVENT.NOT_FOUND' } });
  });

  it('gives a referral as it was: its lifecycle state without subject or narrative, recorded with the purpose', async () => {
    const at = new Date().toISOString();
    const answer = await call('GET', `/v1/ops/referrals/${referralId}/at?at=${encodeURIComponent(at)}`, { ...operations, 'access-purpose': 'case-review' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ referralId, hubId: HUB, eventsApplied: 1, state: { status: expect.any(String), hubId: HUB } });
    expect(answer.body).not.toHaveProperty('personalData');
    expect(answer.body.state).not.toHaveProperty('subject');
    expect(answer.body.state).not.toHaveProperty('narrative');
    const text = JSON.stringify(answer.body);
    for (const personal of ['"subject"', '"narrative"', 'Sam', 'Example', 'hungry', 'shouting']) expect(text).not.toContain(personal);

    const { rows } = await db.pool.query(
      `SELECT hub_id, user_id, role, access, action, resource_id, purpose, outcome FROM access_audit_log WHERE action = 'referral.read-at'`,
    );
    expect(rows).toEqual([
      { hub_id: HUB, user_id: 'oncall-1', role: 'operations', access: 'read', action: 'referral.read-at', resource_id: referralId, purpose: 'case-review', outcome: 'allowed' },
    ]);
  });

  it('requires the Access-Purpose header and exactly one of at and position', async () => {
    expect(await call('GET', `/v1/ops/referrals/${referralId}/at?position=1`, operations)).toMatchObject({ status: 400, body: { fieldErrors: [{ field: 'Access-Purpose' }] } });
    const both = await call('GET', `/v1/ops/referrals/${referralId}/at?position=1&at=2026-01-01T00:00:00Z`, { ...operations, 'access-purpose': 'case-review' });
    expect(both).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    expect(both.body.fieldErrors.map((e: { field: string }) => e.field)).toEqual(['at', 'position']);
  });

  it('refuses every other role', async () => {
    const practitioner = await bearer({ sub: 'p-1', hubs: [HUB], agency: 'social-care', roles: ['practitioner'] });
    expect(await call('GET', '/v1/ops/status', practitioner)).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
  });
});
