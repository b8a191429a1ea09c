import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig } from '@app/config';
import { referralWorkflowId, stageQuery } from '@app/workflow-contracts';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { ReferralWorkflowStarter } from '../../apps/worker/src/referral-workflow-starter';
import { TemporalClientSource } from '../../apps/worker/src/temporal/temporal-client-source';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, eventually, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';
import { capturedLogger, workerTestConfig } from '../worker/worker-test-kit';

const SHARED = { decision: 'shared', sensitivity: 'general', lawfulBasis: 'uk-gdpr-art-6-1-e', purpose: 'MASH enquiry' };
const SCHOOL = { organisation: 'Hill Primary School', role: 'designated safeguarding lead', agency: 'education' };

/**
 * Disclosures onward over HTTP against the real stack: recorded through the referral's
 * workflow while it runs, and by the API itself once the workflow has ended.
 */
describe('disclosures API', () => {
  const HUB = 'disclosure-hub';
  const OTHER_HUB = 'other-disclosure-hub';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let worker: WorkerHandle;
  let starter: ReferralWorkflowStarter;
  let temporal: TemporalClientSource;
  const { logger } = capturedLogger();
  const started: string[] = [];

  const practitioner = () => bearer({ sub: 'dsl-0042', hubs: [HUB], agency: 'social-care', roles: ['practitioner'] });
  const manager = () => bearer({ sub: `${HUB}-accountable-manager`, hubs: [HUB], agency: 'social-care', roles: ['hub-manager'] });
  const police = () => bearer({ sub: 'pc-1234', hubs: [HUB], agency: 'police', roles: ['practitioner'] });

  interface Answer {
    status: number;
    body: any;
  }

  async function call(method: 'GET' | 'POST', path: string, auth: Record<string, string>, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function stored(referralId: string, type: string): Promise<{ data: any; metadata: any }[]> {
    const { rows } = await db.pool.query('SELECT data, metadata FROM events WHERE stream_id = $1 AND event_type = $2 ORDER BY stream_version', [`referral-${referralId}`, type]);
    return rows;
  }

  async function referralAwaitingTriage(): Promise<string> {
    const submitted = await call('POST', '/v1/referrals', await practitioner(), validReferralRequest(HUB));
    expect(submitted.status).toBe(201);
    const { referralId } = submitted.body;
    started.push(referralId);
    await eventually(
      async () => ((await temporal.call((client) => client.workflow.getHandle(referralWorkflowId(referralId)).query(stageQuery))) === 'awaiting-triage' ? true : undefined),
      { what: `workflow of ${referralId} awaiting triage` },
    );
    return referralId;
  }

  const disclosure = (responseId: string, over: Record<string, unknown> = {}) => ({
    recipient: SCHOOL,
    decision: 'disclosed',
    what: { responseIds: [responseId] },
    lawfulBasis: 'children-act-2004-s11',
    reason: 'the school needs it to keep the child safe in class',
    ...over,
  });

  let referralId: string;
  let policeResponseId: string;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'Disclosure MASH', 'both'), ($2, 'Other MASH', 'both')`, [HUB, OTHER_HUB]);
    const config = workerTestConfig(db.url);
    app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), { ephemeralPort: true, host: '127.0.0.1', logger: pino({ level: 'silent' }) });
    baseUrl = await app.getUrl();
    temporal = new TemporalClientSource({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
    worker = await startWorker(config, db.pool, { logger });
    starter = new ReferralWorkflowStarter({ pool: db.pool, databaseUrl: db.url, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
    starter.start();

    // An agency answers: triage, authorisation, then the police response.
    referralId = await referralAwaitingTriage();
    const triaged = await call('POST', `/v1/referrals/${referralId}/triage`, await practitioner(), { rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect' });
    expect(triaged.status).toBe(200);
    expect((await call('POST', `/v1/referrals/${referralId}/authorisations`, await manager(), { outcome: 'authorised', rationale: 'agreed' })).status).toBe(200);
    policeResponseId = randomUUID();
    const answered = await call('POST', `/v1/referrals/${referralId}/information-requests/police/response`, await police(), {
      responseId: policeResponseId,
      summary: 'two call-outs to the address this year',
      sharing: SHARED,
    });
    expect(answered.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await starter?.stop();
    for (const id of started) {
      await temporal?.call((client) => client.workflow.getHandle(referralWorkflowId(id)).terminate('test over')).catch(() => undefined);
    }
    await temporal?.close();
    await worker?.stop();
    await db?.drop();
  });

  it("records the hub's disclosure of an agency's answer onward: 200, the event in the stream with its basis, reason and policy version", async () => {
    const answer = await call('POST', `/v1/referrals/${referralId}/disclosures`, await practitioner(), disclosure(policeResponseId));

    expect(answer).toEqual({ status: 200, body: { referralId, stage: 'information-gathering', events: ['DisclosureRecorded'] } });
    const [event] = await stored(referralId, 'DisclosureRecorded');
    expect(event.data).toMatchObject({
      recipient: SCHOOL,
      decision: 'disclosed',
      what: { responseIds: [policeResponseId], outcome: false, decision: false },
      lawfulBasis: 'children-act-2004-s11',
      reason: 'the school needs it to keep the child safe in class',
      by: { userId: 'dsl-0042', agency: 'social-care' },
      policyVersion: expect.any(Number),
    });
    expect(event.metadata.policyVersion).toBe(event.data.policyVersion);
  });

  it('records a decision not to disclose the same way', async () => {
    const gp = { organisation: 'Riverside Surgery', role: 'GP' };
    const answer = await call('POST', `/v1/referrals/${referralId}/disclosures`, await manager(), disclosure(policeResponseId, { recipient: gp, decision: 'not-disclosed', lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'no need to know' }));

    expect(answer).toMatchObject({ status: 200, body: { events: ['DisclosureRecorded'] } });
    const events = await stored(referralId, 'DisclosureRecorded');
    expect(events[1].data).toMatchObject({ recipient: gp, decision: 'not-disclosed', reason: 'no need to know', lawfulBasis: 'uk-gdpr-art-6-1-e' });
  });

  it('lists what was disclosed to whom, when, on what basis and why (an audited read)', async () => {
    const answer = await call('GET', `/v1/referrals/${referralId}/disclosures`, await practitioner());

    expect(answer.status).toBe(200);
    expect(answer.body.referralId).toBe(referralId);
    expect(answer.body.disclosures).toEqual([
      expect.objectContaining({ kind: 'disclosure', decision: 'disclosed', recipient: SCHOOL, lawfulBasis: 'children-act-2004-s11', what: { responseIds: [policeResponseId], outcome: false, decision: false }, by: { userId: 'dsl-0042', agency: 'social-care' }, disclosedAt: expect.any(String) }),
      expect.objectContaining({ kind: 'disclosure', decision: 'not-disclosed', recipient: { organisation: 'Riverside Surgery', role: 'GP', agency: null }, reason: 'no need to know' }),
    ]);
    const { rows } = await db.pool.query(`SELECT action, access FROM access_audit_log WHERE resource_id = $1 AND action LIKE 'referral.disclosure%' ORDER BY recorded_at`, [referralId]);
    expect(rows.map((row) => row.action)).toEqual(['referral.disclosure-record', 'referral.disclosure-record', 'referral.disclosures-read']);
  });

  it('refuses an unknown response id with 422 REFERRAL.UNKNOWN_RESPONSE, appending nothing', async () => {
    const answer = await call('POST', `/v1/referrals/${referralId}/disclosures`, await practitioner(), disclosure(randomUUID()));

    expect(answer).toMatchObject({ status: 422, body: { code: 'REFERRAL.UNKNOWN_RESPONSE' } });
    expect(await stored(referralId, 'DisclosureRecorded')).toHaveLength(2);
  });

  it('refuses a bad body with 400 naming each field', async () => {
    const answer = await call('POST', `/v1/referrals/${referralId}/disclosures`, await practitioner(), { recipient: { role: 'GP' }, decision: 'maybe', what: { responseIds: ['x'] }, lawfulBasis: 'consent' });

    expect(answer.status).toBe(400);
    expect(answer.body.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['decision', 'lawfulBasis', 'reason', 'recipient.organisation', 'what.responseIds']);
  });

  it('refuses a referrer with 403 and answers 404 for another hub', async () => {
    const referrer = await bearer({ sub: 'teacher-1', hubs: [HUB], agency: 'education', roles: ['referrer'] });
    const otherHub = await bearer({ sub: 'dsl-south', hubs: [OTHER_HUB], agency: 'social-care', roles: ['practitioner'] });

    expect(await call('POST', `/v1/referrals/${referralId}/disclosures`, referrer, disclosure(policeResponseId))).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(await call('GET', `/v1/referrals/${referralId}/disclosures`, referrer)).toMatchObject({ status: 403 });
    expect(await call('POST', `/v1/referrals/${referralId}/disclosures`, otherHub, disclosure(policeResponseId))).toMatchObject({ status: 404, body: { code: 'REFERRAL.NOT_FOUND' } });
    expect(await call('GET', `/v1/referrals/${referralId}/disclosures`, otherHub)).toMatchObject({ status: 404, body: { code: 'REFERRAL.NOT_FOUND' } });
  });

  it("records a disclosure after the referral's workflow has ended by appending to the stream itself", async () => {
    const ended = await referralAwaitingTriage();
    const triaged = await call('POST', `/v1/referrals/${ended}/triage`, await practitioner(), { rag: 'green', decision: 'early-help', rationale: 'family asked for support' });
    expect(triaged.status).toBe(200);
    await temporal.call((client) => client.workflow.getHandle(referralWorkflowId(ended)).terminate('ended for the test'));
    const body = disclosure('', { what: { decision: true }, recipient: { organisation: 'Family', role: 'parent' }, lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'the family asked why' });
    const headers = { 'idempotency-key': `after-${ended}` };

    const first = await call('POST', `/v1/referrals/${ended}/disclosures`, await practitioner(), body, headers);
    const retry = await call('POST', `/v1/referrals/${ended}/disclosures`, await practitioner(), body, headers);

    expect(first).toEqual({ status: 200, body: { referralId: ended, stage: 'closed', events: ['DisclosureRecorded'] } });
    expect(retry).toEqual(first);
    const events = await stored(ended, 'DisclosureRecorded');
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ decision: 'disclosed', what: { responseIds: [], outcome: false, decision: true }, policyVersion: expect.any(Number) });
    expect(events[0].metadata).toMatchObject({ actor: 'dsl-0042', agency: 'social-care', hubId: HUB });
  });
});
