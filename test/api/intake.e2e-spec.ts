import { createServer } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { loadConfig, type PlatformConfig } from '@app/config';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { minimalReferralRequest, validReferralRequest, withField } from '../support/referral-request';
import { createTestDatabase, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';

/** Intake over HTTP against a real PostgreSQL: what is answered, and what is (not) stored. */
describe('referral intake API', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let auth: Record<string, string>;
  const logLines: string[] = [];

  function configFor(databaseUrl: string): PlatformConfig {
    return loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' });
  }

  const capturingLogger = () => pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(
      `INSERT INTO hubs (hub_id, name, scope, direct_referrers, policy_version) VALUES
         ('children-hub', 'Children MASH', 'children', NULL, 3),
         ('adults-hub', 'Adults MASH', 'adults', NULL, 1),
         ('police-only-hub', 'Police-referral MASH', 'both', '{police}', 1)`,
    );
    app = await bootstrapApi(configFor(db.url), { ephemeralPort: true, host: '127.0.0.1', logger: capturingLogger() });
    baseUrl = await app.getUrl();
    // A MASH practitioner of every test hub, who also records referrals phoned in by others.
    auth = await bearer({ sub: 'dsl-0042', hubs: ['children-hub', 'adults-hub', 'police-only-hub', 'no-such-hub'], agency: 'social-care', roles: ['practitioner'] });
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  interface Answer {
    status: number;
    headers: Headers;
    body: any;
  }

  async function send(path: string, init: RequestInit = {}, base = baseUrl): Promise<Answer> {
    const response = await fetch(`${base}${path}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  function submit(body: unknown, headers: Record<string, string> = {}, base = baseUrl): Promise<Answer> {
    return send('/v1/referrals', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }, base);
  }

  async function stored(): Promise<{ events: number; keys: number }> {
    const { rows } = await db.pool.query<{ events: number; keys: number }>(
      'SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM intake_idempotency_keys)::int AS keys',
    );
    return rows[0];
  }

  async function eventsOf(referralId: string) {
    const { rows } = await db.pool.query('SELECT * FROM events WHERE stream_id = $1 ORDER BY stream_version', [`referral-${referralId}`]);
    return rows;
  }

  describe('a valid referral', () => {
    it('answers 201 with the referral id and stores its ReferralReceived event with who, where and under which policy (0: the national default, whatever the hub row says)', async () => {
      const answer = await submit(validReferralRequest('children-hub'));

      expect(answer.status).toBe(201);
      const { referralId } = answer.body;
      expect(answer.body).toEqual({ referralId, status: 'received', links: { self: `/v1/referrals/${referralId}` } });
      expect(referralId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(answer.headers.get('location')).toBe(`/v1/referrals/${referralId}`);
      const correlationId = answer.headers.get('x-correlation-id');
      expect(correlationId).toBeTruthy();

      const events = await eventsOf(referralId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ stream_version: 1, hub_id: 'children-hub', event_type: 'ReferralReceived' });
      expect(events[0].event_id).not.toBe(referralId);
      expect(events[0].metadata).toEqual({
        actor: 'dsl-0042',
        agency: 'social-care',
        hubId: 'children-hub',
        correlationId,
        causationId: null,
        policyVersion: 0,
      });
      const { hubId: _, ...dataset } = validReferralRequest('children-hub');
      expect(events[0].data).toEqual({ ...dataset, referralId, hubId: 'children-hub', receivedAt: expect.any(String) });
    });

    it("records the token's user and agency as who acted, never the referrer's name", async () => {
      const referrer = await bearer({ sub: 'neighbour-77', hubs: ['children-hub'], agency: 'public', roles: ['referrer'] });
      const answer = await submit(minimalReferralRequest('children-hub'), referrer);
      expect(answer.status).toBe(201);
      const [event] = await eventsOf(answer.body.referralId);
      expect(event.metadata).toMatchObject({ actor: 'neighbour-77', agency: 'public' });
      expect(JSON.stringify(event.metadata)).not.toContain('Neighbour');
    });

    it("keeps the caller's correlation id", async () => {
      const answer = await submit(minimalReferralRequest('children-hub'), { 'x-correlation-id': 'agency-request-000123' });
      expect(answer.headers.get('x-correlation-id')).toBe('agency-request-000123');
      const [event] = await eventsOf(answer.body.referralId);
      expect(event.metadata.correlationId).toBe('agency-request-000123');
    });
  });

  describe('Idempotency-Key', () => {
    it('gives the same referral for a retry with the same key and body, stored once', async () => {
      const before = await stored();
      const body = validReferralRequest('children-hub');
      const first = await submit(body, { 'idempotency-key': 'retry-same-body' });
      // The same request with its fields in another order is the same request.
      const second = await submit(Object.fromEntries(Object.entries(body).reverse()), { 'idempotency-key': 'retry-same-body' });

      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(second.status).toBe(201);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('location')).toBe(first.headers.get('location'));
      expect(await stored()).toEqual({ events: before.events + 1, keys: before.keys + 1 });
    });

    it('gives one referral for concurrent requests with the same key', async () => {
      const before = await stored();
      const body = validReferralRequest('children-hub');
      const answers = await Promise.all(Array.from({ length: 8 }, () => submit(body, { 'idempotency-key': 'racing-retries' })));

      expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
      expect(new Set(answers.map((a) => a.body.referralId)).size).toBe(1);
      expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
      expect(await stored()).toEqual({ events: before.events + 1, keys: before.keys + 1 });
    });

    it('refuses the same key with a different body with 422, storing nothing more', async () => {
      const first = await submit(validReferralRequest('children-hub'), { 'idempotency-key': 'reused-key' });
      expect(first.status).toBe(201);
      const before = await stored();

      const reused = await submit(withField(validReferralRequest('children-hub'), 'immediateRisk', true), { 'idempotency-key': 'reused-key' });

      expect(reused.status).toBe(422);
      expect(reused.body).toMatchObject({ statusCode: 422, code: 'IDEMPOTENCY.KEY_REUSED', fieldErrors: [{ field: 'Idempotency-Key', reason: expect.any(String) }] });
      expect(await stored()).toEqual(before);
    });

    it('keeps the keys of different hubs apart', async () => {
      const child = await submit(minimalReferralRequest('children-hub'), { 'idempotency-key': 'shared-key' });
      const adult = withField(withField(minimalReferralRequest('adults-hub'), 'subject.type', 'adult'), 'subject.ageBand', '25-64');
      const other = await submit(adult, { 'idempotency-key': 'shared-key' });
      expect([child.status, other.status]).toEqual([201, 201]);
      expect(other.body.referralId).not.toBe(child.body.referralId);
    });

    it('stores no key for a rejected request, so the key can be used once the request is fixed', async () => {
      const before = await stored();
      const outOfScope = withField(withField(minimalReferralRequest('children-hub'), 'subject.type', 'adult'), 'subject.ageBand', '25-64');
      expect((await submit(outOfScope, { 'idempotency-key': 'fix-and-retry' })).status).toBe(422);
      expect(await stored()).toEqual(before);

      expect((await submit(minimalReferralRequest('children-hub'), { 'idempotency-key': 'fix-and-retry' })).status).toBe(201);
    });

    it('refuses a malformed key with 400', async () => {
      const answer = await submit(minimalReferralRequest('children-hub'), { 'idempotency-key': 'x'.repeat(201) });
      expect(answer.status).toBe(400);
      expect(answer.body.fieldErrors).toEqual([{ field: 'Idempotency-Key', reason: 'must be 1 to 200 printable ASCII characters' }]);
    });
  });

  describe('bad requests store nothing', () => {
    const json = { 'content-type': 'application/json' };
    const huge = JSON.stringify(withField(validReferralRequest('children-hub'), 'narrative', 'x'.repeat(300 * 1024)));

    it.each<[string, RequestInit, number, string, RegExp]>([
      ['malformed JSON', { headers: json, body: '{"hubId": "children-hub",' }, 400, 'REQUEST.MALFORMED_JSON', /not valid JSON/],
      ['an empty JSON body', { headers: json, body: '' }, 400, 'REQUEST.MALFORMED_JSON', /empty/],
      ['a __proto__ key', { headers: json, body: '{"__proto__": {"admin": true}}' }, 400, 'REQUEST.MALFORMED_JSON', /not valid JSON/],
      ['a JSON array', { headers: json, body: '[]' }, 400, 'REQUEST.INVALID', /JSON object/],
      ['a body over 256 KiB', { headers: json, body: huge }, 413, 'REQUEST.TOO_LARGE', /256 KiB/],
      ['a text/plain body', { headers: { 'content-type': 'text/plain' }, body: 'a referral' }, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', /application\/json/],
      ['a form body', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'hubId=children-hub' }, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', /application\/json/],
    ])('%s: %i %s', async (_, init, status, code, message) => {
      const before = await stored();
      const answer = await send('/v1/referrals', { method: 'POST', ...init });
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ statusCode: status, code, message: expect.stringMatching(message) });
      expect(answer.headers.get('x-correlation-id')).toBeTruthy();
      expect(await stored()).toEqual(before);
    });

    it.each<[string, Record<string, any>, { field: string; reason: RegExp }[]]>([
      ['missing fields', withField(withField(validReferralRequest('children-hub'), 'narrative', undefined), 'subject.givenName', undefined), [
        { field: 'subject.givenName', reason: /is required/ },
        { field: 'narrative', reason: /is required/ },
      ]],
      ['wrong types', withField(withField(validReferralRequest('children-hub'), 'immediateRisk', 'yes'), 'householdMembers.0.dateOfBirth', 19850701), [
        { field: 'householdMembers[0].dateOfBirth', reason: /calendar date/ },
        { field: 'immediateRisk', reason: /true or false/ },
      ]],
      ['unknown fields', withField(withField(validReferralRequest('children-hub'), 'priority', 'high'), 'subject.address.country', 'UK'), [
        { field: 'priority', reason: /not a field/ },
        { field: 'subject.address.country', reason: /not a field/ },
      ]],
      ['no concern category and a child of unknown age', withField(withField(minimalReferralRequest('children-hub'), 'concernCategories', []), 'subject.ageBand', undefined), [
        { field: 'subject.dateOfBirth', reason: /required for a child/ },
        { field: 'concernCategories', reason: /at least one/ },
      ]],
    ])('%s: 400 naming every bad field', async (what, body, fieldErrors) => {
      const before = await stored();
      const answer = await submit(body, { 'idempotency-key': `bad-${what}` });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'REQUEST.INVALID' });
      expect(answer.body.fieldErrors).toHaveLength(fieldErrors.length);
      for (const expected of fieldErrors) {
        expect(answer.body.fieldErrors).toContainEqual({ field: expected.field, reason: expect.stringMatching(expected.reason) });
      }
      expect(await stored()).toEqual(before);
    });
  });

  describe("the hub's intake rules", () => {
    it.each<[string, string, string, Record<string, any>]>([
      ['an adult referred to a children-only hub', 'REFERRAL.OUT_OF_SCOPE', 'subject.type', withField(withField(minimalReferralRequest('children-hub'), 'subject.type', 'adult'), 'subject.ageBand', '25-64')],
      ['a child referred to an adults-only hub', 'REFERRAL.OUT_OF_SCOPE', 'subject.type', minimalReferralRequest('adults-hub')],
      ['a member of the public referring to a police-only hub', 'REFERRAL.SOURCE_NOT_ACCEPTED', 'referrer.agency', minimalReferralRequest('police-only-hub')],
      ['a "child" born in 2000', 'REFERRAL.SUBJECT_AGE_MISMATCH', 'subject.dateOfBirth', withField(validReferralRequest('children-hub'), 'subject.dateOfBirth', '2000-01-01')],
      ['a hub that does not exist', 'HUB.UNKNOWN', 'hubId', minimalReferralRequest('no-such-hub')],
    ])('refuses %s with 422 %s about %s, storing nothing', async (_, code, field, body) => {
      const before = await stored();
      const answer = await submit(body);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', code, fieldErrors: [{ field, reason: expect.any(String) }] });
      expect(await stored()).toEqual(before);
    });
  });

  describe('GET /v1/referrals/:id', () => {
    it('answers 404 REFERRAL.NOT_FOUND for an unknown referral', async () => {
      const answer = await send('/v1/referrals/00000000-0000-4000-8000-000000000000');
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'REFERRAL.NOT_FOUND' });
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const answer = await send('/v1/referrals/not-a-uuid');
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'REQUEST.INVALID', fieldErrors: [{ field: 'id', reason: 'must be a UUID' }] });
    });

    it('answers the view of a projected referral', async () => {
      const referralId = '6f1d2c3b-4a59-4e87-9d6c-5b4a3f2e1d0c';
      await db.pool.query(
        `INSERT INTO referral_summary (referral_id, hub_id, stage, subject_type, subject_display_name, subject_date_of_birth,
           subject_age_band, referrer_agency, concern_categories, immediate_risk, household_size, received_at,
           triage_awaited_since, stream_version, last_event_id)
         VALUES ($1, 'children-hub', 'awaiting-triage', 'child', 'Sam E.', '2015-03-14', NULL, 'education',
           '{neglect,domestic-abuse}', true, 2, '2026-01-05T09:30:00Z', '2026-01-05T09:30:01Z', 2, $2)`,
        [referralId, '0b7c8d9e-1f2a-4b3c-8d4e-5f6a7b8c9d0e'],
      );
      const answer = await send(`/v1/referrals/${referralId}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        referralId,
        hubId: 'children-hub',
        stage: 'awaiting-triage',
        subject: { type: 'child', displayName: 'Sam E.', dateOfBirth: '2015-03-14' },
        referrerAgency: 'education',
        concernCategories: ['neglect', 'domestic-abuse'],
        immediateRisk: true,
        householdSize: 2,
        receivedAt: '2026-01-05T09:30:00.000Z',
        triageAwaitedSince: '2026-01-05T09:30:01.000Z',
        // Nothing decided yet: the lifecycle parts are empty, not missing.
        rag: null,
        triage: { awaitedSince: '2026-01-05T09:30:01.000Z', dueAt: null, escalationLevel: 0, nextEscalationAt: null },
        decision: null,
        authorisation: null,
        requests: [],
        strategyDiscussion: null,
        actions: [],
        outcome: null,
        closedAt: null,
        challengeableUntil: null,
        challenge: null,
      });
    });
  });

  describe('operations', () => {
    it('reports every dependency up on /health', async () => {
      const answer = await send('/health');
      expect(answer.status).toBe(200);
      const up = { status: 'up', latencyMs: expect.any(Number) };
      expect(answer.body).toEqual({ status: 'ok', dependencies: { postgres: up, kafka: up, temporal: up } });
    });

    it('serves the OpenAPI document and the docs page', async () => {
      const doc = await send('/docs-json');
      expect(doc.status).toBe(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/referrals', '/v1/referrals/{id}', '/health']));
      expect((await fetch(`${baseUrl}/docs`)).status).toBe(200);
    });

    it('answers an unknown route with a JSON 404', async () => {
      const answer = await send('/v1/nowhere');
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ statusCode: 404, code: 'ROUTE.NOT_FOUND' });
    });

    it('logs one line per request with route, status, duration and correlation id, and no personal data', async () => {
      const answer = await submit(validReferralRequest('children-hub'));
      const correlationId = answer.headers.get('x-correlation-id');
      const lines = logLines.filter((line) => line.includes(correlationId as string)).map((line) => JSON.parse(line));
      expect(lines).toEqual([
        expect.objectContaining({ msg: 'request', correlationId, method: 'POST', route: '/v1/referrals', statusCode: 201, durationMs: expect.any(Number) }),
      ]);
      const everything = logLines.join('\n');
      for (const personal of ['Sam', 'Alex Teacher', 'shouting', 'SW1A', 'dsl@school.example', auth.authorization.slice('Bearer '.length)]) {
        expect(everything).not.toContain(personal);
      }
    });
  });

  describe('when PostgreSQL is down', () => {
    let downApp: NestFastifyApplication;
    let downUrl: string;

    beforeAll(async () => {
      const closedPort = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const url = new URL(db.url);
      url.port = String(closedPort);
      downApp = await bootstrapApi(configFor(url.toString()), { ephemeralPort: true, host: '127.0.0.1', logger: pino({ level: 'silent' }) });
      downUrl = await downApp.getUrl();
    });

    afterAll(async () => {
      await downApp?.close();
    });

    it('answers a submission with 503 DEPENDENCY.UNAVAILABLE, promptly', async () => {
      const started = Date.now();
      const answer = await submit(validReferralRequest('children-hub'), {}, downUrl);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'DEPENDENCY.UNAVAILABLE' });
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(Date.now() - started).toBeLessThan(6000);
    });

    it('still refuses a bad request with 400 without touching the database', async () => {
      const answer = await submit({}, {}, downUrl);
      expect(answer.status).toBe(400);
    });

    it('reports postgres down on /health with 503 within a few seconds', async () => {
      const started = Date.now();
      const answer = await send('/health', {}, downUrl);
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({
        status: 'degraded',
        dependencies: { postgres: { status: 'down', error: expect.any(String) }, kafka: { status: 'up' }, temporal: { status: 'up' } },
      });
      expect(Date.now() - started).toBeLessThan(4000);
    });
  });
});
