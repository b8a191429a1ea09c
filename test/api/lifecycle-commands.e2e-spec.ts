import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig } from '@app/config';
import { referralWorkflowId, stageQuery } from '@app/workflow-contracts';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { ReferralWorkflowStarter } from '../../apps/worker/src/referral-workflow-starter';
import { TemporalClientSource } from '../../apps/worker/src/temporal/temporal-client-source';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import { bundleWorkflows } from '../../apps/worker/src/workflow-bundle';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, eventually, type TestDatabase, uniqueSuffix } from '../support/stack';
import { bearer } from '../support/tokens';
import { capturedLogger, workerTestConfig } from '../worker/worker-test-kit';

const SHARED = { decision: 'shared', sensitivity: 'general', lawfulBasis: 'uk-gdpr-art-6-1-e', purpose: 'MASH enquiry' };

/**
 * Lifecycle commands over HTTP against the real stack: a referral submitted through the API,
 * its workflow started and run by a real worker, each command sent as the workflow's update.
 */
describe('lifecycle commands API', () => {
  const HUB = 'lifecycle-hub';
  const OTHER_HUB = 'other-hub';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let worker: WorkerHandle;
  let starter: ReferralWorkflowStarter;
  let temporal: TemporalClientSource;
  const { logger } = capturedLogger();

  const practitioner = () => bearer({ sub: 'dsl-0042', hubs: [HUB], agency: 'social-care', roles: ['practitioner'] });
  // The national default policy's accountable manager (apps/worker/src/policy/lifecycle-policy-for.ts).
  const manager = () => bearer({ sub: `${HUB}-accountable-manager`, hubs: [HUB], agency: 'social-care', roles: ['hub-manager'] });
  const police = () => bearer({ sub: 'pc-1234', hubs: [HUB], agency: 'police', roles: ['practitioner'] });

  interface Answer {
    status: number;
    body: any;
  }

  async function post(path: string, auth: Record<string, string>, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  async function eventTypes(referralId: string): Promise<string[]> {
    const { rows } = await db.pool.query<{ event_type: string }>('SELECT event_type FROM events WHERE stream_id = $1 ORDER BY stream_version', [`referral-${referralId}`]);
    return rows.map((row) => row.event_type);
  }

  /** A referral submitted over HTTP, once its workflow awaits triage. */
  async function referralAwaitingTriage(): Promise<string> {
    const submitted = await post('/v1/referrals', await practitioner(), validReferralRequest(HUB));
    expect(submitted.status).toBe(201);
    const { referralId } = submitted.body;
    await eventually(
      async () => ((await temporal.call((client) => client.workflow.getHandle(referralWorkflowId(referralId)).query(stageQuery))) === 'awaiting-triage' ? true : undefined),
      { what: `workflow of ${referralId} awaiting triage` },
    );
    return referralId;
  }

  const triage = { rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect reported by school' };
  let referralId: string;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'Lifecycle MASH', 'both'), ($2, 'Other MASH', 'both')`, [HUB, OTHER_HUB]);
    const config = workerTestConfig(db.url);
    app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), { ephemeralPort: true, host: '127.0.0.1', logger: pino({ level: 'silent' }) });
    baseUrl = await app.getUrl();
    temporal = new TemporalClientSource({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
    worker = await startWorker(config, db.pool, { logger });
    starter = new ReferralWorkflowStarter({ pool: db.pool, databaseUrl: db.url, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
    starter.start();
    referralId = await referralAwaitingTriage();
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    await starter?.stop();
    // Leftover workflows would wait on their deadlines: end them with the test.
    await temporal?.call((client) => client.workflow.getHandle(referralWorkflowId(referralId)).terminate('test over')).catch(() => undefined);
    await temporal?.close();
    await worker?.stop();
    await db?.drop();
  });

  it('records the triage decision: 200 with the events appended and the stage after them', async () => {
    const answer = await post(`/v1/referrals/${referralId}/triage`, await practitioner(), triage);

    expect(answer).toEqual({ status: 200, body: { referralId, stage: 'awaiting-authorisation', events: ['TriageDecisionRecorded', 'AuthorisationRequested'] } });
    expect(await eventTypes(referralId)).toEqual(['ReferralReceived', 'TriageAwaited', 'TriageDecisionRecorded', 'AuthorisationRequested']);
    const { rows } = await db.pool.query(`SELECT data, metadata FROM events WHERE stream_id = $1 AND event_type = 'TriageDecisionRecorded'`, [`referral-${referralId}`]);
    // The actor is the token's user and agency.
    expect(rows[0].data.by).toEqual({ userId: 'dsl-0042', agency: 'social-care' });
  });

  it('refuses the same triage again with 409 REFERRAL.WRONG_STAGE and the reason, appending nothing', async () => {
    const answer = await post(`/v1/referrals/${referralId}/triage`, await practitioner(), triage);

    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ statusCode: 409, code: 'REFERRAL.WRONG_STAGE', message: expect.stringMatching(/\S/) });
    expect(await eventTypes(referralId)).toHaveLength(4);
  });

  it('refuses a bad body with 400 naming each field, before anything reaches the workflow', async () => {
    const answer = await post(`/v1/referrals/${referralId}/triage`, await practitioner(), { rag: 7, rationale: ' ', by: { userId: 'someone-else' } });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(answer.body.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(['by', 'decision', 'rag', 'rationale']);
  });

  it('answers 404 for an unknown referral and, in the same words, for another hub\'s', async () => {
    const unknownId = randomUUID();
    const unknown = await post(`/v1/referrals/${unknownId}/triage`, await practitioner(), triage);
    const otherHub = await post(`/v1/referrals/${referralId}/triage`, await bearer({ sub: 'dsl-south', hubs: [OTHER_HUB], agency: 'social-care', roles: ['practitioner'] }), triage);

    expect(unknown).toMatchObject({ status: 404, body: { code: 'REFERRAL.NOT_FOUND' } });
    expect(otherHub).toMatchObject({ status: 404, body: { code: 'REFERRAL.NOT_FOUND' } });
    expect(otherHub.body.message.replace(referralId, '<id>')).toBe(unknown.body.message.replace(unknownId, '<id>'));
    const { rows } = await db.pool.query(`SELECT hub_id, outcome FROM access_audit_log WHERE resource_id = $1 AND user_id = 'dsl-south'`, [referralId]);
    // The probe is recorded in the referral's own hub, where its auditor sees it.
    expect(rows).toEqual([{ hub_id: HUB, outcome: 'not-found' }]);
  });

  it('refuses a role the endpoint is not for with 403', async () => {
    const referrer = await bearer({ sub: 'teacher-1', hubs: [HUB], agency: 'education', roles: ['referrer'] });
    expect(await post(`/v1/referrals/${referralId}/triage`, referrer, triage)).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    // The challenge is the referrer's own: hub staff cannot raise it for them.
    expect(await post(`/v1/referrals/${referralId}/challenge`, await manager(), { reason: 'disagree' })).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(await post(`/v1/referrals/${referralId}/authorisations`, await practitioner(), { outcome: 'authorised', rationale: 'ok' })).toMatchObject({
      status: 403,
      body: { code: 'AUTH.ROLE_NOT_ALLOWED' },
    });
  });

  it('refuses a hub manager who is not an authoriser under the hub policy with 403 REFERRAL.NOT_ALLOWED', async () => {
    const deputy = await bearer({ sub: 'deputy-manager', hubs: [HUB], agency: 'social-care', roles: ['hub-manager'] });
    expect(await post(`/v1/referrals/${referralId}/authorisations`, deputy, { outcome: 'authorised', rationale: 'agreed' })).toMatchObject({
      status: 403,
      body: { code: 'REFERRAL.NOT_ALLOWED' },
    });
  });

  it("lets the accountable manager authorise the triage: 200, and the amber level's information requests open", async () => {
    const answer = await post(`/v1/referrals/${referralId}/authorisations`, await manager(), { outcome: 'authorised', rationale: 'agreed: needs a multi-agency view' });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ referralId, stage: 'information-gathering' });
    expect(answer.body.events[0]).toBe('DecisionAuthorised');
    expect(answer.body.events.filter((type: string) => type === 'InformationRequested')).toHaveLength(3);
  });

  it("records an agency's response once, also when the POST is retried with the same Idempotency-Key", async () => {
    const response = { responseId: randomUUID(), summary: 'two call-outs to the address this year', sharing: SHARED };
    const headers = { 'idempotency-key': `police-response-${response.responseId}` };

    const first = await post(`/v1/referrals/${referralId}/information-requests/police/response`, await police(), response, headers);
    const retry = await post(`/v1/referrals/${referralId}/information-requests/police/response`, await police(), response, headers);

    expect(first).toEqual({ status: 200, body: { referralId, stage: 'information-gathering', events: ['InformationProvided'] } });
    expect(retry).toEqual(first);
    expect((await eventTypes(referralId)).filter((type) => type === 'InformationProvided')).toHaveLength(1);
  });

  it("refuses a response for another agency than the token's with 403 REFERRAL.NOT_ALLOWED, and an unknown agency with 400", async () => {
    const forHealth = await post(`/v1/referrals/${referralId}/information-requests/health/response`, await police(), { responseId: randomUUID(), summary: 'x', sharing: SHARED });
    expect(forHealth).toMatchObject({ status: 403, body: { code: 'REFERRAL.NOT_ALLOWED' } });
    const unknown = await post(`/v1/referrals/${referralId}/information-requests/mi5/response`, await police(), { responseId: randomUUID(), summary: 'x', sharing: SHARED });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID', fieldErrors: [{ field: 'agency' }] } });
  });

  it("refuses a command once the referral's workflow has ended with 409 REFERRAL.WRONG_STAGE saying so", async () => {
    const ended = await referralAwaitingTriage();
    await temporal.call((client) => client.workflow.getHandle(referralWorkflowId(ended)).terminate('ended for the test'));

    const answer = await post(`/v1/referrals/${ended}/triage`, await practitioner(), triage);
    expect(answer).toMatchObject({ status: 409, body: { code: 'REFERRAL.WRONG_STAGE', message: expect.stringContaining('has ended') } });
  });

  it('answers 503 DEPENDENCY.UNAVAILABLE when Temporal cannot be reached, and nothing is appended', async () => {
    const cut = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local', TEMPORAL_ADDRESS: '127.0.0.1:1' }), {
      ephemeralPort: true,
      host: '127.0.0.1',
      logger: pino({ level: 'silent' }),
    });
    try {
      const before = await eventTypes(referralId);
      const response = await fetch(`${await cut.getUrl()}/v1/referrals/${referralId}/information-gathering/close`, {
        method: 'POST',
        headers: { ...(await manager()), 'content-type': 'application/json' },
        body: JSON.stringify({ rationale: 'enough is known' }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({ code: 'DEPENDENCY.UNAVAILABLE' });
      expect(await eventTypes(referralId)).toEqual(before);
    } finally {
      await cut.close();
    }
  });

  describe('a workflow that takes no commands', () => {
    const taskQueue = `no-commands-${uniqueSuffix()}`;
    let connection: NativeConnection;
    let running: Promise<void>;
    let fixtureWorker: Worker;
    const started: string[] = [];

    beforeAll(async () => {
      connection = await NativeConnection.connect({ address: workerTestConfig(db.url).TEMPORAL_ADDRESS });
      fixtureWorker = await Worker.create({
        connection,
        taskQueue,
        workflowBundle: await bundleWorkflows(path.join(__dirname, 'fixtures/workflows-without-commands.workflow.ts')),
      });
      running = fixtureWorker.run();
    }, 60_000);

    afterAll(async () => {
      for (const id of started) await temporal.call((client) => client.workflow.getHandle(referralWorkflowId(id)).terminate('test over')).catch(() => undefined);
      fixtureWorker?.shutdown();
      await running;
      await connection?.close();
    });

    /** A referral stored in the hub (its stream's first event; not a receipt, so the starter leaves it) run by the given workflow. */
    async function referralRunBy(workflowType: string): Promise<string> {
      const id = randomUUID();
      await db.pool.query(
        `INSERT INTO events (event_id, stream_id, stream_version, hub_id, event_type, data, metadata) VALUES ($1, $2, 1, $3, 'TriageAwaited', '{}', '{}')`,
        [randomUUID(), `referral-${id}`, HUB],
      );
      await temporal.call((client) => client.workflow.start(workflowType, { taskQueue, workflowId: referralWorkflowId(id), args: [] }));
      started.push(id);
      return id;
    }

    it('answers 409 REFERRAL.LEGACY_WORKFLOW for one started before lifecycle-v2', async () => {
      const id = await referralRunBy('legacyReferralLifecycle');
      await eventually(async () => ((await temporal.call((client) => client.workflow.getHandle(referralWorkflowId(id)).query(stageQuery))) ? true : undefined));

      const answer = await post(`/v1/referrals/${id}/triage`, await practitioner(), triage);
      expect(answer).toMatchObject({ status: 409, body: { code: 'REFERRAL.LEGACY_WORKFLOW', message: expect.stringContaining('lifecycle-v2') } });
    });

    it('answers 409 REFERRAL.WORKFLOW_NOT_READY for one still loading its referral', async () => {
      const id = await referralRunBy('loadingReferralLifecycle');

      const answer = await post(`/v1/referrals/${id}/triage`, await practitioner(), triage);
      expect(answer).toMatchObject({ status: 409, body: { code: 'REFERRAL.WORKFLOW_NOT_READY', message: expect.stringContaining('retry') } });
    });
  });

  it('records each command in the access audit log as a write on the referral', async () => {
    const { rows } = await db.pool.query<{ action: string }>(
      `SELECT action FROM access_audit_log WHERE resource_id = $1 AND outcome = 'allowed' AND access = 'write' ORDER BY sequence`,
      [referralId],
    );
    // Each request that reached the referral, the retry too: an access is recorded even when it changes nothing.
    expect(rows.map((row) => row.action)).toEqual(['referral.submit', 'referral.triage', 'referral.authorise', 'referral.information-response', 'referral.information-response']);
  });
});
