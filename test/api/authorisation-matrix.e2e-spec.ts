import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { type Role, ROLES } from '@app/auth';
import { loadConfig } from '@app/config';
import { resolvePolicy, validateHubPolicy } from '@app/hub-policy';
import { HubPolicyStore } from '@app/hub-policy-store';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { hubFacts } from '../../libs/hub-policy/src/testing/hub-policy-fixtures';
import { ACCESS_RULES } from '../../apps/api/src/http/access-rules';
import { validReferralRequest, withField } from '../support/referral-request';
import { createTestDatabase, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';

/**
 * Every endpoint, with every role, in the caller's own hub and across hubs: the answer each
 * gets. The expected table is written out here on purpose, apart from access-rules.ts, so that
 * a change to the rules has to be made twice, knowingly.
 */
describe('authorisation matrix', () => {
  const NORTH = 'north-hub';
  const SOUTH = 'south-hub';
  const REFERRER = 'referrer-north-1';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  /** Referrals submitted (and projected) in each hub, by REFERRER in the north and someone in the south. */
  const referrals: Record<'north' | 'south', string> = { north: '', south: '' };
  const missingId = '00000000-0000-4000-8000-000000000000';

  interface Answer {
    status: number;
    body: any;
  }

  async function call(method: 'GET' | 'POST' | 'PUT', path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      // A stated purpose on every call: required where an endpoint needs one, recorded elsewhere.
      headers: { 'access-purpose': 'case-review', ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A user of the north hub with one role, from education (the agency of the sample referral's referrer). */
  const asRole = (role: Role, sub = `${role}-north`) => bearer({ sub, hubs: [NORTH], agency: 'education', roles: [role] });

  async function project(referralId: string, hubId: string): Promise<void> {
    await db.pool.query(
      `INSERT INTO referral_summary (referral_id, hub_id, stage, subject_type, subject_display_name, subject_date_of_birth,
         subject_age_band, referrer_agency, concern_categories, immediate_risk, household_size, received_at,
         triage_awaited_since, stream_version, last_event_id)
       VALUES ($1, $2, 'awaiting-triage', 'child', 'Sam Example', '2015-03-14', NULL, 'education', '{neglect}', false, 3,
         now(), now(), 2, $3)`,
      [referralId, hubId, randomUUID()],
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'North MASH', 'both'), ($2, 'South MASH', 'both')`, [NORTH, SOUTH]);
    // Both hubs have a policy v1; the north one names the matrix's hub manager as accountable.
    for (const hubId of [NORTH, SOUTH]) await new HubPolicyStore(db.pool).publish({ ...policyV1(hubId), expectedVersion: 0 });
    app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), {
      ephemeralPort: true,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
    });
    baseUrl = await app.getUrl();
    const north = await call('POST', '/v1/referrals', await asRole('referrer', REFERRER), validReferralRequest(NORTH));
    const south = await call('POST', '/v1/referrals', await bearer({ sub: 'referrer-south', hubs: [SOUTH], agency: 'education', roles: ['referrer'] }), validReferralRequest(SOUTH));
    expect([north.status, south.status]).toEqual([201, 201]);
    referrals.north = north.body.referralId;
    referrals.south = south.body.referralId;
    await project(referrals.north, NORTH);
    await project(referrals.south, SOUTH);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const policyOverrides = (hubId: string) => ({ ...hubFacts, accountableManager: { userId: `hub-manager-${hubId === NORTH ? 'north' : 'south'}`, name: 'Manager' } });
  function policyV1(hubId: string) {
    const validation = validateHubPolicy(resolvePolicy(policyOverrides(hubId)));
    if (!validation.valid) throw new Error(JSON.stringify(validation.problems));
    return { hubId, document: validation.policy, overrides: policyOverrides(hubId), publishedBy: { userId: 'seed', agency: 'social-care' }, reason: 'seed', correlationId: 'seed', now: new Date() };
  }

  type Expected = number | 'full' | 'status' | 'not-found' | 'role' | 'hub' | 'audit';

  interface Case {
    what: string;
    method: 'GET' | 'POST' | 'PUT';
    path: () => string;
    body?: () => unknown;
    /** As a north-hub user of each role (the referrer being the one who submitted the north referral). */
    expected: Record<Role, Expected>;
  }

  /**
   * A lifecycle command, on a north referral and on a south one. No worker runs here, so no
   * workflow exists: an allowed caller gets past access to 409 REFERRAL.WORKFLOW_NOT_READY.
   */
  function lifecycleCommand(command: string, body: unknown, allowed: Role[]): Case[] {
    const as = (own: Expected): Record<Role, Expected> => Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? own : 'role'])) as Record<Role, Expected>;
    return [
      { what: `${command} on a referral of own hub`, method: 'POST', path: () => `/v1/referrals/${referrals.north}/${command}`, body: () => body, expected: as(409) },
      { what: `${command} on another hub's referral`, method: 'POST', path: () => `/v1/referrals/${referrals.south}/${command}`, body: () => body, expected: as(404) },
    ];
  }
  const CASEWORK: Role[] = ['practitioner', 'hub-manager'];
  const actionId = '5b0f7c1e-3f7a-4d2b-9a51-0c6e8d2f4a10';

  /** A read of a hub policy: the hub's staff (not referrers) in their own hub, national analysts in any hub. */
  function hubPolicyRead(suffix: string): Case[] {
    const as = (own: Expected, analyst: Expected): Record<Role, Expected> => ({ referrer: 'role', practitioner: own, 'hub-manager': own, 'national-analyst': analyst, operations: own, auditor: own });
    return [
      { what: `read own hub's policy${suffix}`, method: 'GET', path: () => `/v1/hubs/${NORTH}/policy${suffix}`, expected: as(200, 200) },
      { what: `read another hub's policy${suffix}`, method: 'GET', path: () => `/v1/hubs/${SOUTH}/policy${suffix}`, expected: as('hub', 200) },
    ];
  }
  /** An ops endpoint: operations staff only, every other role is refused. */
  const opsOnly = (own: Expected): Record<Role, Expected> => Object.fromEntries(ROLES.map((role) => [role, role === 'operations' ? own : 'role'])) as Record<Role, Expected>;
  const missingParkedId = '999999999';
  const publishPolicy = (hubId: string) => ({ overrides: policyOverrides(hubId), reason: 'matrix' });

  const ROUTES: Record<keyof typeof ACCESS_RULES, Case[]> = {
    'PUT /v1/hubs/:hubId/policy': [
      {
        what: "publish own hub's policy (as its accountable manager)",
        method: 'PUT',
        path: () => `/v1/hubs/${NORTH}/policy`,
        body: () => publishPolicy(NORTH),
        expected: { referrer: 'role', practitioner: 'role', 'hub-manager': 201, 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
      {
        what: "publish another hub's policy",
        method: 'PUT',
        path: () => `/v1/hubs/${SOUTH}/policy`,
        body: () => publishPolicy(SOUTH),
        expected: { referrer: 'role', practitioner: 'role', 'hub-manager': 'hub', 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
    ],
    'GET /v1/hubs/:hubId/policy': hubPolicyRead(''),
    'GET /v1/hubs/:hubId/policy/versions': hubPolicyRead('/versions'),
    'GET /v1/hubs/:hubId/policy/versions/:version': hubPolicyRead('/versions/1'),
    // What agencies contributed: hub casework only; a referrer never sees it (403), another hub's referral is 404.
    'GET /v1/referrals/:id/information': [
      {
        what: 'read agency contributions of a referral of own hub',
        method: 'GET',
        path: () => `/v1/referrals/${referrals.north}/information`,
        expected: { referrer: 'role', practitioner: 200, 'hub-manager': 200, 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
      {
        what: "read agency contributions of another hub's referral",
        method: 'GET',
        path: () => `/v1/referrals/${referrals.south}/information`,
        expected: { referrer: 'role', practitioner: 404, 'hub-manager': 404, 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
    ],
    'POST /v1/referrals/:id/triage': lifecycleCommand('triage', { rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect' }, CASEWORK),
    'POST /v1/referrals/:id/rating': lifecycleCommand('rating', { rag: 'red', rationale: 'new information' }, CASEWORK),
    'POST /v1/referrals/:id/authorisations': lifecycleCommand('authorisations', { outcome: 'authorised', rationale: 'agreed' }, ['hub-manager']),
    'POST /v1/referrals/:id/information-requests/:agency/response': lifecycleCommand(
      'information-requests/police/response',
      {
        responseId: '0d7c1f0e-2b8a-4c3e-9f1a-6e5d4c3b2a19',
        summary: 'known to police',
        sharing: { decision: 'shared', sensitivity: 'general', lawfulBasis: 'uk-gdpr-art-6-1-e', purpose: 'MASH enquiry' },
      },
      CASEWORK,
    ),
    'POST /v1/referrals/:id/information-gathering/close': lifecycleCommand('information-gathering/close', { rationale: 'enough is known' }, ['hub-manager']),
    'POST /v1/referrals/:id/strategy-discussion': lifecycleCommand(
      'strategy-discussion',
      { heldAt: '2026-03-02T10:30:00Z', attendees: [], absences: [], decision: 'section-47-enquiry', rationale: 'risk', actions: [] },
      CASEWORK,
    ),
    'POST /v1/referrals/:id/actions/:actionId/complete': lifecycleCommand(`actions/${actionId}/complete`, { note: 'done' }, CASEWORK),
    'POST /v1/referrals/:id/actions/:actionId/cancel': lifecycleCommand(`actions/${actionId}/cancel`, { reason: 'not needed' }, CASEWORK),
    'POST /v1/referrals/:id/challenge': lifecycleCommand('challenge', { reason: 'disagree' }, ['referrer']),
    // Disclosures onward: hub casework records them and reads them; a referrer neither (403), another hub's referral is 404.
    'POST /v1/referrals/:id/disclosures': lifecycleCommand(
      'disclosures',
      { recipient: { organisation: 'Hill Primary School', role: 'designated safeguarding lead' }, decision: 'disclosed', what: { decision: true }, lawfulBasis: 'children-act-2004-s11', reason: 'to keep the child safe at school' },
      CASEWORK,
    ),
    'GET /v1/referrals/:id/disclosures': [
      {
        what: 'read disclosures of a referral of own hub',
        method: 'GET',
        path: () => `/v1/referrals/${referrals.north}/disclosures`,
        expected: { referrer: 'role', practitioner: 200, 'hub-manager': 200, 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
      {
        what: "read disclosures of another hub's referral",
        method: 'GET',
        path: () => `/v1/referrals/${referrals.south}/disclosures`,
        expected: { referrer: 'role', practitioner: 404, 'hub-manager': 404, 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
    ],
    'GET /health': [
      { what: 'health', method: 'GET', path: () => '/health', expected: { referrer: 200, practitioner: 200, 'hub-manager': 200, 'national-analyst': 200, operations: 200, auditor: 200 } },
    ],
    'POST /v1/referrals': [
      {
        what: 'submit to own hub',
        method: 'POST',
        path: () => '/v1/referrals',
        body: () => validReferralRequest(NORTH),
        expected: { referrer: 201, practitioner: 201, 'hub-manager': 201, 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
      {
        what: 'submit to another hub',
        method: 'POST',
        path: () => '/v1/referrals',
        body: () => validReferralRequest(SOUTH),
        expected: { referrer: 'hub', practitioner: 'hub', 'hub-manager': 'hub', 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
    ],
    'GET /v1/referrals/:id': [
      {
        what: 'read a referral of own hub',
        method: 'GET',
        path: () => `/v1/referrals/${referrals.north}`,
        expected: { referrer: 'status', practitioner: 'full', 'hub-manager': 'full', 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
      {
        what: "read another hub's referral",
        method: 'GET',
        path: () => `/v1/referrals/${referrals.south}`,
        expected: { referrer: 'not-found', practitioner: 'not-found', 'hub-manager': 'not-found', 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
      {
        what: 'read a referral that does not exist',
        method: 'GET',
        path: () => `/v1/referrals/${missingId}`,
        expected: { referrer: 'not-found', practitioner: 'not-found', 'hub-manager': 'not-found', 'national-analyst': 'role', operations: 'role', auditor: 'role' },
      },
    ],
    'GET /v1/hubs/:hubId/audit-records': [
      {
        what: "query own hub's audit log",
        method: 'GET',
        path: () => `/v1/hubs/${NORTH}/audit-records`,
        expected: { referrer: 'role', practitioner: 'role', 'hub-manager': 'role', 'national-analyst': 'role', operations: 'role', auditor: 'audit' },
      },
      {
        what: "query another hub's audit log",
        method: 'GET',
        path: () => `/v1/hubs/${SOUTH}/audit-records`,
        expected: { referrer: 'role', practitioner: 'role', 'hub-manager': 'role', 'national-analyst': 'role', operations: 'role', auditor: 'hub' },
      },
    ],
    'GET /v1/ops/status': [{ what: 'ops status', method: 'GET', path: () => '/v1/ops/status', expected: opsOnly(200) }],
    'GET /v1/ops/parked': [{ what: 'list parked events', method: 'GET', path: () => '/v1/ops/parked?consumer=referral-summary', expected: opsOnly(200) }],
    'POST /v1/ops/parked/:id/retry': [{ what: 'retry a parked event that does not exist', method: 'POST', path: () => `/v1/ops/parked/${missingParkedId}/retry`, expected: opsOnly(404) }],
    'POST /v1/ops/parked/:id/skip': [
      { what: 'skip a parked event that does not exist', method: 'POST', path: () => `/v1/ops/parked/${missingParkedId}/skip`, body: () => ({ reason: 'matrix' }), expected: opsOnly(404) },
    ],
    'GET /v1/ops/referrals/:id/at': [
      { what: 'a referral as it was', method: 'GET', path: () => `/v1/ops/referrals/${referrals.north}/at?at=${encodeURIComponent(new Date().toISOString())}`, expected: opsOnly(200) },
      { what: 'a referral that does not exist as it was', method: 'GET', path: () => `/v1/ops/referrals/${missingId}/at?position=1`, expected: opsOnly(404) },
    ],
  };

  const cases = Object.entries(ROUTES).flatMap(([route, list]) =>
    list.flatMap((c) => ROLES.map((role) => [`${route}: ${c.what}, as ${role}`, c, role] as const)),
  );

  it('has cases for every endpoint in the access rules', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(ACCESS_RULES).sort());
  });

  /** The 404 body with the id taken out: the same for a missing referral and another hub's. */
  const notFoundShape = (body: any, id: string) => ({ ...body, message: String(body.message).replace(id, '<id>') });

  it.each(cases)('%s', async (_, c, role) => {
    const path = c.path();
    const answer = await call(c.method, path, await asRole(role, role === 'referrer' ? REFERRER : undefined), c.body?.());
    const expected = c.expected[role];
    switch (expected) {
      case 'role':
        expect(answer).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
        break;
      case 'hub':
        expect(answer).toMatchObject({ status: 403, body: { code: 'AUTH.HUB_NOT_ALLOWED', fieldErrors: [{ field: 'hubId' }] } });
        break;
      case 'not-found': {
        expect(answer.status).toBe(404);
        const missing = await call('GET', `/v1/referrals/${missingId}`, await asRole('hub-manager'));
        // Not a word more or less than for an id that does not exist.
        expect(notFoundShape(answer.body, path.split('/').pop() as string)).toEqual(notFoundShape(missing.body, missingId));
        break;
      }
      case 'audit':
        // Its own hub's records only: ids and codes, never case data.
        expect(answer.status).toBe(200);
        expect(answer.body.records.length).toBeGreaterThan(0);
        expect(answer.body.records.every((r: { hubId: string }) => r.hubId === NORTH)).toBe(true);
        expect(JSON.stringify(answer.body)).not.toContain('Sam Example');
        break;
      case 'full':
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ referralId: referrals.north, hubId: NORTH, subject: { displayName: 'Sam Example' }, concernCategories: ['neglect'] });
        break;
      case 'status':
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          referralId: referrals.north,
          hubId: NORTH,
          stage: 'awaiting-triage',
          receivedAt: expect.any(String),
          outcome: null,
          closedAt: null,
        });
        break;
      default:
        expect(answer.status).toBe(expected);
    }
  });

  describe('beyond roles', () => {
    it('answers every protected endpoint without a token with 401', async () => {
      for (const [route, rule] of Object.entries(ACCESS_RULES)) {
        if (rule.access === 'public') continue;
        for (const c of ROUTES[route as keyof typeof ACCESS_RULES]) {
          const answer = await call(c.method, c.path(), {}, c.body?.());
          expect({ route, what: c.what, status: answer.status, code: answer.body.code }).toEqual({ route, what: c.what, status: 401, code: 'AUTH.MISSING_TOKEN' });
        }
      }
    });

    it("shows a referrer nothing of another referrer's referral in their own hub", async () => {
      const answer = await call('GET', `/v1/referrals/${referrals.north}`, await asRole('referrer', 'referrer-north-2'));
      expect(answer.status).toBe(404);
    });

    it('lets a user of both hubs read both', async () => {
      const both = await bearer({ sub: 'manager-both', hubs: [NORTH, SOUTH], agency: 'social-care', roles: ['hub-manager'] });
      expect((await call('GET', `/v1/referrals/${referrals.north}`, both)).status).toBe(200);
      expect((await call('GET', `/v1/referrals/${referrals.south}`, both)).status).toBe(200);
    });

    it('refuses a referrer who names another agency than their own, but lets a practitioner record it', async () => {
      const fromPolice = withField(validReferralRequest(NORTH), 'referrer.agency', 'police');
      const referrer = await call('POST', '/v1/referrals', await asRole('referrer'), fromPolice);
      expect(referrer).toMatchObject({ status: 403, body: { code: 'AUTH.AGENCY_MISMATCH', fieldErrors: [{ field: 'referrer.agency' }] } });
      expect((await call('POST', '/v1/referrals', await asRole('practitioner'), fromPolice)).status).toBe(201);
    });

    it('refuses another hub before saying whether it exists', async () => {
      const answer = await call('POST', '/v1/referrals', await asRole('practitioner'), validReferralRequest('no-such-hub'));
      expect(answer).toMatchObject({ status: 403, body: { code: 'AUTH.HUB_NOT_ALLOWED' } });
    });

    it("refuses a hub manager of the hub who is not its policy's accountable manager or a delegate", async () => {
      const answer = await call('PUT', `/v1/hubs/${NORTH}/policy`, await asRole('hub-manager', 'another-manager'), publishPolicy(NORTH));
      expect(answer).toMatchObject({ status: 403, body: { code: 'HUB_POLICY.NOT_ACCOUNTABLE' } });
    });

    it('records the user and agency of the token on what they did', async () => {
      const answer = await call('POST', '/v1/referrals', await bearer({ sub: 'pc-1234', hubs: [NORTH], agency: 'police', roles: ['practitioner'] }), validReferralRequest(NORTH));
      const { rows } = await db.pool.query('SELECT metadata FROM events WHERE stream_id = $1', [`referral-${answer.body.referralId}`]);
      expect(rows[0].metadata).toMatchObject({ actor: 'pc-1234', agency: 'police', hubId: NORTH });
    });
  });
});
