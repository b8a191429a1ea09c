import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { loadConfig } from '@app/config';
import { PostgresEventStore } from '@app/event-store';
import { NATIONAL_HUB_POLICY_TEMPLATE } from '@app/hub-policy';
import { hubPolicyStreamId } from '@app/hub-policy-store';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { hubFacts } from '../../libs/hub-policy/src/testing/hub-policy-fixtures';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';

/** Hub policy versions over HTTP against a real PostgreSQL: publish, read, history, refusals, races. */
describe('hub policy API', () => {
  const HUB = 'policy-hub';
  const OTHER = 'plain-hub';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;

  interface Answer {
    status: number;
    headers: Headers;
    body: any;
  }

  // The fixture's accountable manager is 'mia'; 'dan' becomes a delegate; 'lee' manages the hub but is neither.
  const manager = (sub: string, hubs = [HUB, OTHER]) => bearer({ sub, hubs, agency: 'social-care', roles: ['hub-manager'] });
  const withOverrides = (overrides: object) => ({ ...hubFacts, delegates: [{ userId: 'dan', name: 'Dan Reyes' }], ...overrides });

  async function send(method: 'GET' | 'PUT' | 'POST', path: string, auth: Record<string, string>, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...auth, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  const put = async (overrides: object, reason: string, sub = 'mia', headers: Record<string, string> = {}) =>
    send('PUT', `/v1/hubs/${HUB}/policy`, await manager(sub), { overrides, reason }, headers);

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'Policy MASH', 'both'), ($2, 'Plain MASH', 'both')`, [HUB, OTHER]);
    app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), { ephemeralPort: true, host: '127.0.0.1', logger: pino({ level: 'silent' }) });
    baseUrl = await app.getUrl();
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 404 HUB_POLICY.NOT_SET before a hub publishes, and an empty history', async () => {
    expect(await send('GET', `/v1/hubs/${HUB}/policy`, await manager('mia'))).toMatchObject({ status: 404, body: { code: 'HUB_POLICY.NOT_SET' } });
    expect(await send('GET', `/v1/hubs/${HUB}/policy/versions`, await manager('mia'))).toMatchObject({ status: 200, body: { hubId: HUB, versions: [] } });
  });

  it('refuses an invalid policy with 422 HUB_POLICY.INVALID naming each bad path, and stores nothing', async () => {
    const answer = await put(
      {
        ...withOverrides({}),
        delegates: [{ userId: 'mia', name: 'Mia again' }],
        timescales: { authorisation: { workingHours: 0 } },
        calendar: { timeZone: 'Mars/Olympus' },
      },
      'first try',
    );
    // A wrong-shape problem (zero timescale) is reported alone: the rules read the shape.
    expect(answer).toMatchObject({ status: 422, body: { code: 'HUB_POLICY.INVALID' } });
    expect(answer.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['/timescales/authorisation/workingHours']);

    const rules = await put({ ...withOverrides({}), delegates: [{ userId: 'mia', name: 'Mia again' }], calendar: { timeZone: 'Mars/Olympus' } }, 'second try');
    expect(rules.status).toBe(422);
    expect(rules.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['/calendar/timeZone', '/delegates/0/userId']);
    expect(rules.body.fieldErrors.every((f: { reason: string }) => f.reason.length > 0)).toBe(true);

    const bare = await put({}, 'the template alone');
    expect(bare.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['/accountableManager', '/dataProtectionProtocol']),
    );
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM hub_policies');
    expect(rows[0].n).toBe(0);
  });

  it('refuses a body without overrides or reason with 400 REQUEST.INVALID', async () => {
    const answer = await send('PUT', `/v1/hubs/${HUB}/policy`, await manager('mia'), { overrides: [] });
    expect(answer).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    expect(answer.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['overrides', 'reason']);
  });

  it('publishes v1 (201), then serves it as current and as version 1, with its event in the hub policy stream', async () => {
    const answer = await put(withOverrides({}), 'the hub adopts the national frame');
    expect(answer).toMatchObject({ status: 201, body: { hubId: HUB, version: 1, publishedBy: { userId: 'mia', agency: 'social-care' } } });
    expect(answer.headers.get('location')).toBe(`/v1/hubs/${HUB}/policy/versions/1`);
    expect(answer.headers.get('etag')).toBe('"1"');
    expect(answer.body.document).toMatchObject({ accountableManager: hubFacts.accountableManager, schemaVersion: 1, ragLevels: expect.any(Array) });

    const current = await send('GET', `/v1/hubs/${HUB}/policy`, await bearer({ sub: 'p', hubs: [HUB], roles: ['practitioner'] }));
    expect(current).toMatchObject({ status: 200, body: answer.body });
    expect(current.headers.get('etag')).toBe('"1"');
    expect(await send('GET', `/v1/hubs/${HUB}/policy/versions/1`, await bearer({ sub: 'a', hubs: [], roles: ['national-analyst'] }))).toMatchObject({ status: 200, body: answer.body });

    const events = await new PostgresEventStore(db.pool).readStream(hubPolicyStreamId(HUB));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'HubPolicyPublished',
      hubId: HUB,
      streamVersion: 1,
      data: { hubId: HUB, version: 1, overrides: withOverrides({}), reason: 'the hub adopts the national frame', publishedBy: { userId: 'mia', agency: 'social-care' } },
      metadata: { actor: 'mia', agency: 'social-care', policyVersion: 1 },
    });
    expect(events[0].data).toMatchObject({ document: answer.body.document });
  });

  it('keeps every version: history after three publications, each version as it was', async () => {
    // Lists replace whole: to change amber, the hub writes all its levels.
    const amber = (hours: number) => ({
      ragLevels: NATIONAL_HUB_POLICY_TEMPLATE.ragLevels.map((level) => (level.code === 'amber' ? { ...level, informationRequestTimescale: { workingHours: hours } } : level)),
    });
    const second = await put(withOverrides(amber(10)), 'amber within 10 working hours', 'dan', { 'if-match': '"1"' });
    expect(second).toMatchObject({ status: 201, body: { version: 2 } });
    const third = await put(withOverrides(amber(12)), 'amber within 12 working hours');
    expect(third).toMatchObject({ status: 201, body: { version: 3 } });

    const history = await send('GET', `/v1/hubs/${HUB}/policy/versions`, await bearer({ sub: 'aud', hubs: [HUB], roles: ['auditor'] }));
    expect(history.status).toBe(200);
    expect(history.body.versions.map((v: any) => [v.version, v.publishedBy.userId, v.reason])).toEqual([
      [1, 'mia', 'the hub adopts the national frame'],
      [2, 'dan', 'amber within 10 working hours'],
      [3, 'mia', 'amber within 12 working hours'],
    ]);
    const amberOf = (body: any) => body.document.ragLevels.find((level: any) => level.code === 'amber').informationRequestTimescale;
    const ops = await bearer({ sub: 'ops', hubs: [HUB], roles: ['operations'] });
    expect(amberOf((await send('GET', `/v1/hubs/${HUB}/policy/versions/1`, ops)).body)).toEqual({ workingDays: 1 });
    expect(amberOf((await send('GET', `/v1/hubs/${HUB}/policy/versions/2`, ops)).body)).toEqual({ workingHours: 10 });
    expect(amberOf((await send('GET', `/v1/hubs/${HUB}/policy`, ops)).body)).toEqual({ workingHours: 12 });
    expect(await send('GET', `/v1/hubs/${HUB}/policy/versions/9`, ops)).toMatchObject({ status: 404, body: { code: 'HUB_POLICY.VERSION_NOT_FOUND' } });
    expect(await send('GET', `/v1/hubs/${HUB}/policy/versions/first`, ops)).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
  });

  it('refuses a stale If-Match with 409 HUB_POLICY.VERSION_CONFLICT, and a malformed one with 400', async () => {
    expect(await put(withOverrides({}), 'from an old read', 'mia', { 'if-match': '"1"' })).toMatchObject({ status: 409, body: { code: 'HUB_POLICY.VERSION_CONFLICT' } });
    expect(await put(withOverrides({}), 'bad header', 'mia', { 'if-match': 'three' })).toMatchObject({ status: 400, body: { fieldErrors: [{ field: 'If-Match' }] } });
  });

  it('gives one of two racing publications 201 and the other 409', async () => {
    const [a, b] = await Promise.all([put(withOverrides({}), 'race a', 'mia', { 'if-match': '"3"' }), put(withOverrides({}), 'race b', 'dan', { 'if-match': '"3"' })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const [noHeaderA, noHeaderB] = await Promise.all([put(withOverrides({}), 'race c'), put(withOverrides({}), 'race d', 'dan')]);
    // Without If-Match both read version 4 and both expect it: still one winner.
    expect([noHeaderA.status, noHeaderB.status].sort()).toEqual([201, 409]);
    const events = await new PostgresEventStore(db.pool).readStream(hubPolicyStreamId(HUB));
    expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets only the accountable manager or a delegate publish over an existing policy', async () => {
    expect(await put(withOverrides({}), 'not mine to change', 'lee')).toMatchObject({ status: 403, body: { code: 'HUB_POLICY.NOT_ACCOUNTABLE' } });
    // The first version of a hub: any of its hub managers.
    const first = await send('PUT', `/v1/hubs/${OTHER}/policy`, await manager('lee'), { overrides: withOverrides({}), reason: 'first' });
    expect(first).toMatchObject({ status: 201, body: { version: 1 } });
  });

  it('answers 404 HUB.NOT_FOUND for a hub that does not exist', async () => {
    const answer = await send('PUT', '/v1/hubs/no-such-hub/policy', await manager('mia', ['no-such-hub']), { overrides: withOverrides({}), reason: 'x' });
    expect(answer).toMatchObject({ status: 404, body: { code: 'HUB.NOT_FOUND' } });
  });

  it('records each publication in the access audit log', async () => {
    const { rows } = await db.pool.query(`SELECT user_id, action, outcome FROM access_audit_log WHERE action = 'hub-policy.publish' ORDER BY sequence`);
    expect(rows.filter((r) => r.outcome === 'allowed').length).toBeGreaterThanOrEqual(4);
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ user_id: 'lee', outcome: 'denied' })]));
  });

  it('takes intake rules from the current policy once the hub has one', async () => {
    const policeOnly = withOverrides({ directReferrals: { sources: 'police-only', publicFrontDoor: false } });
    expect((await put(policeOnly, 'police refer directly, others through the police')).status).toBe(201);
    const fromEducation = await send('POST', '/v1/referrals', await bearer({ sub: 'r', hubs: [HUB], agency: 'education', roles: ['referrer'] }), validReferralRequest(HUB));
    expect(fromEducation).toMatchObject({ status: 422, body: { code: 'REFERRAL.SOURCE_NOT_ACCEPTED' } });
  });
});
