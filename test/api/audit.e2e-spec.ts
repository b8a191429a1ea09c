import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { AuditLog } from '@app/audit';
import { type Role } from '@app/auth';
import { loadConfig } from '@app/config';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';

/**
 * Every read and write of a case leaves an access audit record, written by the API over real
 * PostgreSQL: a submit in the same transaction as its event, a read before its answer is sent
 * (or no answer), refusals and not-found probes in the hub whose data was probed.
 */
describe('access audit through the API', () => {
  const NORTH = 'north-hub';
  const SOUTH = 'south-hub';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;

  interface Answer {
    status: number;
    body: any;
    text: string;
  }

  async function call(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
  }

  const as = (sub: string, roles: Role[], hubs = [NORTH], agency = 'education') => bearer({ sub, hubs, agency, roles });
  const withCorrelation = async (headers: Promise<Record<string, string>>, correlationId: string) => ({ ...(await headers), 'x-correlation-id': correlationId });
  const newCorrelationId = () => `test-${randomUUID()}`;

  async function recordsOf(correlationId: string): Promise<any[]> {
    const { rows } = await db.pool.query('SELECT * FROM access_audit_log WHERE correlation_id = $1 ORDER BY hub_id, sequence', [correlationId]);
    return rows;
  }

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

  /** Makes every insert into the audit log fail while `work` runs, as a full disk or a revoked grant would. */
  async function withAuditLogRefusingInserts<T>(work: () => Promise<T>): Promise<T> {
    await db.pool.query(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'access_audit_log refuses inserts (test)'; END $$`);
    await db.pool.query('CREATE TRIGGER test_refuse_audit BEFORE INSERT ON access_audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()');
    try {
      return await work();
    } finally {
      await db.pool.query('DROP TRIGGER test_refuse_audit ON access_audit_log');
      await db.pool.query('DROP FUNCTION test_refuse_audit()');
    }
  }

  let northReferral: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'North MASH', 'both'), ($2, 'South MASH', 'both')`, [NORTH, SOUTH]);
    app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), {
      ephemeralPort: true,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
    });
    baseUrl = await app.getUrl();
    const submitted = await call('POST', '/v1/referrals', await as('referrer-north', ['referrer']), validReferralRequest(NORTH));
    expect(submitted.status).toBe(201);
    northReferral = submitted.body.referralId;
    await project(northReferral, NORTH);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  describe('writes', () => {
    it('records a submit once, in the transaction that stores its event', async () => {
      const correlationId = newCorrelationId();
      const answer = await call('POST', '/v1/referrals', await withCorrelation(as('pc-1234', ['practitioner'], [NORTH], 'police'), correlationId), validReferralRequest(NORTH));
      expect(answer.status).toBe(201);

      const records = await recordsOf(correlationId);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        hub_id: NORTH,
        user_id: 'pc-1234',
        role: 'practitioner',
        agency: 'police',
        access: 'write',
        action: 'referral.submit',
        resource_type: 'referral',
        resource_id: answer.body.referralId,
        purpose: null,
        outcome: 'allowed',
      });
      // The same transaction id wrote the event and the audit record: they committed together.
      const event = await db.pool.query("SELECT xmin::text AS tx FROM events WHERE metadata->>'correlationId' = $1", [correlationId]);
      const audit = await db.pool.query('SELECT xmin::text AS tx FROM access_audit_log WHERE correlation_id = $1', [correlationId]);
      expect(event.rows).toHaveLength(1);
      expect(audit.rows[0].tx).toBe(event.rows[0].tx);
    });

    it('stores neither the event nor the record when the record cannot be written, and answers 503', async () => {
      const correlationId = newCorrelationId();
      const answer = await withAuditLogRefusingInserts(async () =>
        call('POST', '/v1/referrals', await withCorrelation(as('pc-1234', ['practitioner']), correlationId), validReferralRequest(NORTH)),
      );
      expect(answer).toMatchObject({ status: 503, body: { code: 'DEPENDENCY.UNAVAILABLE' } });
      const events = await db.pool.query("SELECT 1 FROM events WHERE metadata->>'correlationId' = $1", [correlationId]);
      expect(events.rows).toHaveLength(0);
      expect(await recordsOf(correlationId)).toHaveLength(0);
    });

    it('stores neither when the hub rejects the referral', async () => {
      const correlationId = newCorrelationId();
      const answer = await call('POST', '/v1/referrals', await withCorrelation(as('pc-1234', ['practitioner'], ['no-such-hub']), correlationId), validReferralRequest('no-such-hub'));
      expect(answer.status).toBe(422);
      const events = await db.pool.query("SELECT 1 FROM events WHERE metadata->>'correlationId' = $1", [correlationId]);
      expect(events.rows).toHaveLength(0);
      expect(await recordsOf(correlationId)).toHaveLength(0);
    });

    it('records an idempotent replay as an access to the first referral', async () => {
      const key = randomUUID();
      const [first, second] = [newCorrelationId(), newCorrelationId()];
      const headers = async (correlationId: string) => ({ ...(await withCorrelation(as('referrer-north', ['referrer']), correlationId)), 'idempotency-key': key });
      const original = await call('POST', '/v1/referrals', await headers(first), validReferralRequest(NORTH));
      const replay = await call('POST', '/v1/referrals', await headers(second), validReferralRequest(NORTH));
      expect([original.status, replay.status]).toEqual([201, 201]);
      expect(replay.body.referralId).toBe(original.body.referralId);
      for (const correlationId of [first, second]) {
        const records = await recordsOf(correlationId);
        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({ action: 'referral.submit', resource_id: original.body.referralId, outcome: 'allowed' });
      }
    });
  });

  describe('reads', () => {
    it('records a read: who, in which role and agency, which hub, which referral, which request', async () => {
      const correlationId = newCorrelationId();
      const answer = await call('GET', `/v1/referrals/${northReferral}`, await withCorrelation(as('manager-7', ['hub-manager', 'practitioner'], [NORTH], 'social-care'), correlationId));
      expect(answer.status).toBe(200);
      const records = await recordsOf(correlationId);
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({
        hub_id: NORTH,
        user_id: 'manager-7',
        role: 'hub-manager+practitioner',
        agency: 'social-care',
        access: 'read',
        action: 'referral.read',
        resource_type: 'referral',
        resource_id: northReferral,
        outcome: 'allowed',
        correlation_id: correlationId,
      });
    });

    it("records a refused probe of a referral in the referral's own hub", async () => {
      const correlationId = newCorrelationId();
      const answer = await call('GET', `/v1/referrals/${northReferral}`, await withCorrelation(as('ops-1', ['operations'], [SOUTH]), correlationId));
      expect(answer).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
      expect(await recordsOf(correlationId)).toEqual([
        expect.objectContaining({ hub_id: NORTH, user_id: 'ops-1', role: 'operations', action: 'referral.read', resource_id: northReferral, outcome: 'denied' }),
      ]);
    });

    it("records another hub's user answered 404 in the referral's own hub, as not-found", async () => {
      const correlationId = newCorrelationId();
      const answer = await call('GET', `/v1/referrals/${northReferral}`, await withCorrelation(as('south-worker', ['practitioner'], [SOUTH]), correlationId));
      expect(answer.status).toBe(404);
      expect(await recordsOf(correlationId)).toEqual([
        expect.objectContaining({ hub_id: NORTH, user_id: 'south-worker', action: 'referral.read', resource_id: northReferral, outcome: 'not-found' }),
      ]);
    });

    it("records a probe of a referral that does not exist in the caller's hub", async () => {
      const correlationId = newCorrelationId();
      const missing = randomUUID();
      expect((await call('GET', `/v1/referrals/${missing}`, await withCorrelation(as('south-worker', ['practitioner'], [SOUTH]), correlationId))).status).toBe(404);
      expect(await recordsOf(correlationId)).toEqual([expect.objectContaining({ hub_id: SOUTH, resource_id: missing, outcome: 'not-found' })]);
    });

    it('records a submission to a hub not in the token in that hub, as denied', async () => {
      const correlationId = newCorrelationId();
      const answer = await call('POST', '/v1/referrals', await withCorrelation(as('pc-1234', ['practitioner'], [NORTH]), correlationId), validReferralRequest(SOUTH));
      expect(answer).toMatchObject({ status: 403, body: { code: 'AUTH.HUB_NOT_ALLOWED' } });
      expect(await recordsOf(correlationId)).toEqual([
        expect.objectContaining({ hub_id: SOUTH, user_id: 'pc-1234', access: 'write', action: 'referral.submit', resource_id: null, outcome: 'denied' }),
      ]);
    });

    it('records nothing for a request without a token (nobody to record)', async () => {
      const correlationId = newCorrelationId();
      expect((await call('GET', `/v1/referrals/${northReferral}`, { 'x-correlation-id': correlationId })).status).toBe(401);
      expect(await recordsOf(correlationId)).toHaveLength(0);
    });

    it('answers 503 and sends no referral data when the read cannot be recorded', async () => {
      const correlationId = newCorrelationId();
      const answer = await withAuditLogRefusingInserts(async () =>
        call('GET', `/v1/referrals/${northReferral}`, await withCorrelation(as('manager-7', ['hub-manager']), correlationId)),
      );
      expect(answer).toMatchObject({ status: 503, body: { code: 'DEPENDENCY.UNAVAILABLE' } });
      expect(answer.text).not.toContain('Sam Example');
      expect(answer.text).not.toContain('2015-03-14');
      expect(answer.text).not.toContain(northReferral);
      expect(await recordsOf(correlationId)).toHaveLength(0);
    });
  });

  describe('the auditor query', () => {
    const auditor = () => as('auditor-north', ['auditor']);

    it("filters the hub's records", async () => {
      const answer = await call('GET', `/v1/hubs/${NORTH}/audit-records?resourceId=${northReferral}&action=referral.read&outcome=not-found`, await auditor());
      expect(answer.status).toBe(200);
      expect(answer.body.records.length).toBeGreaterThan(0);
      for (const record of answer.body.records) {
        expect(record).toMatchObject({ hubId: NORTH, resourceId: northReferral, action: 'referral.read', outcome: 'not-found', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      }
      const byUser = await call('GET', `/v1/hubs/${NORTH}/audit-records?userId=manager-7&access=read`, await auditor());
      expect(byUser.body.records.map((r: any) => [r.userId, r.access])).toEqual([['manager-7', 'read']]);
    });

    it('pages in sequence order, with nextAfterSequence', async () => {
      const seen: number[] = [];
      let after: number | null = 0;
      while (after !== null) {
        const page: Answer = await call('GET', `/v1/hubs/${NORTH}/audit-records?limit=2&afterSequence=${after}`, await auditor());
        expect(page.status).toBe(200);
        expect(page.body.records.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.records.map((r: any) => r.sequence));
        after = page.body.nextAfterSequence;
      }
      expect(seen.length).toBeGreaterThan(4);
      expect(seen).toEqual(seen.map((_, i) => i + 1));
    });

    it('filters by time: from inclusive, to exclusive', async () => {
      const all = (await call('GET', `/v1/hubs/${NORTH}/audit-records?limit=1000`, await auditor())).body.records;
      const cut = all[2].recordedAt;
      const before = (await call('GET', `/v1/hubs/${NORTH}/audit-records?limit=1000&to=${cut}`, await auditor())).body.records;
      expect(before.every((r: any) => r.recordedAt < cut)).toBe(true);
      const after = (await call('GET', `/v1/hubs/${NORTH}/audit-records?limit=1000&from=${cut}`, await auditor())).body.records;
      expect(after[0].recordedAt).toBe(cut);
    });

    it('records the query itself', async () => {
      const correlationId = newCorrelationId();
      expect((await call('GET', `/v1/hubs/${NORTH}/audit-records?action=referral.submit`, await withCorrelation(auditor(), correlationId))).status).toBe(200);
      expect(await recordsOf(correlationId)).toEqual([
        expect.objectContaining({ hub_id: NORTH, user_id: 'auditor-north', role: 'auditor', access: 'read', action: 'audit.query', resource_type: 'audit-log', resource_id: null, outcome: 'allowed' }),
      ]);
    });

    it('answers 400 naming each bad parameter', async () => {
      const answer = await call('GET', `/v1/hubs/${NORTH}/audit-records?limit=5000&outcome=maybe&from=yesterday&afterSequence=-1&colour=red`, await auditor());
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('REQUEST.INVALID');
      expect(answer.body.fieldErrors.map((e: any) => e.field).sort()).toEqual(['afterSequence', 'colour', 'from', 'limit', 'outcome']);
    });

    it('refuses anyone but an auditor (403), and an auditor of another hub, recording the refusal', async () => {
      for (const role of ['hub-manager', 'practitioner', 'referrer', 'operations', 'national-analyst'] as Role[]) {
        const answer = await call('GET', `/v1/hubs/${NORTH}/audit-records`, await as(`${role}-north`, [role]));
        expect({ role, status: answer.status, code: answer.body.code }).toEqual({ role, status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
      }
      const correlationId = newCorrelationId();
      const elsewhere = await call('GET', `/v1/hubs/${NORTH}/audit-records`, await withCorrelation(as('auditor-south', ['auditor'], [SOUTH]), correlationId));
      expect(elsewhere).toMatchObject({ status: 403, body: { code: 'AUTH.HUB_NOT_ALLOWED' } });
      expect(await recordsOf(correlationId)).toEqual([expect.objectContaining({ hub_id: NORTH, user_id: 'auditor-south', action: 'audit.query', outcome: 'denied' })]);
    });
  });

  it('leaves every hub chain whole after all that', async () => {
    const verification = await new AuditLog(db.pool).verifyChain();
    expect(verification).toMatchObject({ ok: true });
    expect(verification.ok && verification.heads.map((h) => h.hubId).sort()).toEqual([NORTH, SOUTH]);
  });
});
