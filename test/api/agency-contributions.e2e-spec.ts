import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import pino from 'pino';
import type { Role } from '@app/auth';
import { loadConfig } from '@app/config';
import { resolvePolicy, validateHubPolicy, type HubPolicyOverrides } from '@app/hub-policy';
import { HubPolicyStore } from '@app/hub-policy-store';
import { referralWorkflowId, stageQuery } from '@app/workflow-contracts';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { ReferralWorkflowStarter } from '../../apps/worker/src/referral-workflow-starter';
import { TemporalClientSource } from '../../apps/worker/src/temporal/temporal-client-source';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import { hubFacts } from '../../libs/hub-policy/src/testing/hub-policy-fixtures';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, eventually, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';
import { capturedLogger, workerTestConfig } from '../worker/worker-test-kit';

/**
 * Field-level visibility under two different agreements, over the real stack: two hubs receive
 * the same four answers (education shares general, health sensitive, police restricted, social
 * care holds and does not share); each reader sees exactly what their hub's agreement allows.
 *
 * Hub A: practitioners see general and sensitive, managers everything; education's readers are
 * narrowed to general. Hub B: practitioners see general only, managers general and sensitive;
 * housing has not signed.
 */
describe('agency contributions under two sharing agreements', () => {
  const A = 'sharing-a';
  const B = 'sharing-b';
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  let worker: WorkerHandle;
  let starter: ReferralWorkflowStarter;
  let temporal: TemporalClientSource;
  const referrals: Record<string, string> = {};
  const { logger } = capturedLogger();

  const reader = (hub: string, agency: string, role: Role = 'practitioner') => bearer({ sub: `${role}-${agency}-${hub}`, hubs: [hub], agency, roles: [role] });
  const manager = (hub: string) => bearer({ sub: `${hub}-accountable-manager`, hubs: [hub], agency: 'social-care', roles: ['hub-manager'] });

  const signed = (...agencies: string[]) => hubFacts.informationSharingAgreement.signatories.filter((s) => agencies.includes(s.agency));
  const ALL = ['police', 'social-care', 'health', 'education', 'probation', 'housing'];
  const policies: Record<string, HubPolicyOverrides> = {
    [A]: {
      ...hubFacts,
      accountableManager: { userId: `${A}-accountable-manager`, name: 'Manager A' },
      informationSharingAgreement: {
        ...hubFacts.informationSharingAgreement,
        signatories: signed(...ALL),
        visibility: { roles: { practitioner: ['general', 'sensitive'], 'hub-manager': ['general', 'sensitive', 'restricted'] }, agencies: { education: ['general'] } },
      },
    },
    [B]: {
      ...hubFacts,
      accountableManager: { userId: `${B}-accountable-manager`, name: 'Manager B' },
      informationSharingAgreement: {
        ...hubFacts.informationSharingAgreement,
        signatories: signed(...ALL.filter((agency) => agency !== 'housing')),
        visibility: { roles: { practitioner: ['general'], 'hub-manager': ['general', 'sensitive'] }, agencies: {} },
      },
    },
  };

  async function call(method: 'GET' | 'POST', path: string, auth: Record<string, string>, body?: unknown, purpose: string | null = 'strategy-discussion') {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...auth, ...(purpose === null ? {} : { 'access-purpose': purpose }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  const ANSWERS = [
    { agency: 'education', summary: 'attendance 61% this term', sharing: { decision: 'shared', sensitivity: 'general', lawfulBasis: 'children-act-2004-s11', purpose: 'school view for the enquiry' } },
    { agency: 'health', summary: 'missed immunisations; mother in treatment', sharing: { decision: 'shared', sensitivity: 'sensitive', lawfulBasis: 'uk-gdpr-art-9-2-g-dpa-2018-sch-1-para-18', purpose: 'health history' } },
    { agency: 'police', summary: 'intelligence on a household member', sharing: { decision: 'shared', sensitivity: 'restricted', lawfulBasis: 'crime-and-disorder-act-1998-s115', purpose: 'risk from a household member' } },
    { agency: 'social-care', sharing: { decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'records concern a sibling, not this child' } },
  ];

  /** A red referral in the hub, triaged and authorised, answered by the four agencies asked. */
  async function answeredReferral(hub: string): Promise<string> {
    const submitted = await call('POST', '/v1/referrals', await reader(hub, 'education', 'referrer'), validReferralRequest(hub));
    expect(submitted.status).toBe(201);
    const { referralId } = submitted.body;
    await eventually(
      async () => ((await temporal.call((client) => client.workflow.getHandle(referralWorkflowId(referralId)).query(stageQuery))) === 'awaiting-triage' ? true : undefined),
      { what: `workflow of ${referralId} awaiting triage` },
    );
    const practitioner = await reader(hub, 'social-care');
    expect((await call('POST', `/v1/referrals/${referralId}/triage`, practitioner, { rag: 'red', decision: 'mash-enquiry', rationale: 'injury unexplained' })).status).toBe(200);
    expect((await call('POST', `/v1/referrals/${referralId}/authorisations`, await manager(hub), { outcome: 'authorised', rationale: 'agreed' })).status).toBe(200);
    for (const { agency, ...answer } of ANSWERS) {
      const response = await call('POST', `/v1/referrals/${referralId}/information-requests/${agency}/response`, await reader(hub, agency), { responseId: randomUUID(), ...answer });
      expect(response).toMatchObject({ status: 200, body: { events: expect.arrayContaining(['InformationProvided']) } });
    }
    return referralId;
  }

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'Hub A', 'both'), ($2, 'Hub B', 'both')`, [A, B]);
    const store = new HubPolicyStore(db.pool);
    for (const hubId of [A, B]) {
      const validation = validateHubPolicy(resolvePolicy(policies[hubId]));
      if (!validation.valid) throw new Error(JSON.stringify(validation.problems));
      const publishedBy = { userId: 'seed', agency: 'social-care' as const };
      await store.publish({ hubId, expectedVersion: 0, document: validation.policy, overrides: policies[hubId], publishedBy, reason: 'test', correlationId: 'test', now: new Date() });
    }
    const config = workerTestConfig(db.url);
    app = await bootstrapApi(loadConfig({ ...process.env, DATABASE_URL: db.url, AUTH_MODE: 'local' }), { ephemeralPort: true, host: '127.0.0.1', logger: pino({ level: 'silent' }) });
    baseUrl = await app.getUrl();
    temporal = new TemporalClientSource({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE });
    worker = await startWorker(config, db.pool, { logger });
    starter = new ReferralWorkflowStarter({ pool: db.pool, databaseUrl: db.url, temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, logger });
    starter.start();
    referrals[A] = await answeredReferral(A);
    referrals[B] = await answeredReferral(B);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await starter?.stop();
    for (const referralId of Object.values(referrals)) {
      await temporal?.call((client) => client.workflow.getHandle(referralWorkflowId(referralId)).terminate('test over')).catch(() => undefined);
    }
    await temporal?.close();
    await worker?.stop();
    await db?.drop();
  });

  /** Per agency that answered: the text the reader got, 'withheld <sensitivity>', or 'held: <reason>'. */
  async function seenBy(hub: string, auth: Record<string, string>) {
    const answer = await call('GET', `/v1/referrals/${referrals[hub]}/information`, auth);
    expect(answer.status).toBe(200);
    const seen = Object.fromEntries(
      answer.body.contributions.map((c: any) => [c.agency, c.decision === 'held-not-shared' ? `held: ${c.reason}` : c.withheld ? `withheld ${c.sensitivity}` : c.summary]),
    );
    return { visible: answer.body.visibleSensitivities, seen, body: answer.body };
  }

  const EVERYTHING = {
    education: 'attendance 61% this term',
    health: 'missed immunisations; mother in treatment',
    police: 'intelligence on a household member',
    'social-care': 'held: records concern a sibling, not this child',
  };

  it.each<[string, string, () => Promise<Record<string, string>>, string[], Record<string, string>]>([
    ['A', 'a police practitioner', () => reader(A, 'police'), ['general', 'sensitive'], { ...EVERYTHING, police: 'withheld restricted' }],
    ['A', 'a health practitioner', () => reader(A, 'health'), ['general', 'sensitive'], { ...EVERYTHING, police: 'withheld restricted' }],
    ['A', 'an education practitioner (narrowed to general)', () => reader(A, 'education'), ['general'], { ...EVERYTHING, health: 'withheld sensitive', police: 'withheld restricted' }],
    ['A', 'a housing practitioner', () => reader(A, 'housing'), ['general', 'sensitive'], { ...EVERYTHING, police: 'withheld restricted' }],
    ['A', 'the hub manager', () => manager(A), ['general', 'sensitive', 'restricted'], EVERYTHING],
    ['B', 'a police practitioner', () => reader(B, 'police'), ['general'], { ...EVERYTHING, health: 'withheld sensitive', police: 'withheld restricted' }],
    ['B', 'an education practitioner', () => reader(B, 'education'), ['general'], { ...EVERYTHING, health: 'withheld sensitive', police: 'withheld restricted' }],
    ['B', 'the hub manager', () => manager(B), ['general', 'sensitive'], { ...EVERYTHING, police: 'withheld restricted' }],
  ])('hub %s: %s sees exactly what the agreement allows', async (hub, _, auth, visible, expected) => {
    const result = await seenBy(hub === 'A' ? A : B, await auth());
    expect(result.visible).toEqual(visible);
    expect(result.seen).toEqual(expected);
  });

  it('never sends the text or purpose of a withheld contribution, and shows each decision with its basis and timing', async () => {
    const { body } = await seenBy(B, await reader(B, 'police'));
    const police = body.contributions.find((c: any) => c.agency === 'police');
    expect(police).toMatchObject({ decision: 'shared', sensitivity: 'restricted', withheld: true, summary: null, purpose: null, lawfulBasis: 'crime-and-disorder-act-1998-s115', late: false });
    expect(JSON.stringify(body)).not.toContain('intelligence on a household member');
    expect(JSON.stringify(body)).not.toContain('risk from a household member');
    expect(JSON.stringify(body)).not.toContain('mother in treatment');
    const education = body.contributions.find((c: any) => c.agency === 'education');
    expect(education).toMatchObject({ purpose: 'school view for the enquiry', lawfulBasis: 'children-act-2004-s11', by: { agency: 'education' } });
    expect(body.policyVersion).toBe(1);
  });

  it('shows nothing to a reader whose agency has not signed the agreement', async () => {
    const { visible, body } = await seenBy(B, await reader(B, 'housing'));
    expect(visible).toEqual([]);
    expect(body.contributions).toEqual([]);
  });

  it('refuses a referrer (403) and answers 404 to another hub, and records every read', async () => {
    expect(await call('GET', `/v1/referrals/${referrals[A]}/information`, await reader(A, 'education', 'referrer'))).toMatchObject({ status: 403, body: { code: 'AUTH.ROLE_NOT_ALLOWED' } });
    expect(await call('GET', `/v1/referrals/${referrals[A]}/information`, await reader(B, 'police'))).toMatchObject({ status: 404, body: { code: 'REFERRAL.NOT_FOUND' } });
    const { rows } = await db.pool.query(`SELECT hub_id, action, outcome, purpose FROM access_audit_log WHERE resource_id = $1 AND user_id = $2`, [referrals[A], `practitioner-police-${B}`]);
    expect(rows).toEqual([{ hub_id: A, action: 'referral.information-read', outcome: 'not-found', purpose: 'strategy-discussion' }]);
  });

  it('asks the reader to state a purpose from the list (400 naming the header), and records it with the read', async () => {
    const auth = await reader(A, 'police');
    const path = `/v1/referrals/${referrals[A]}/information`;
    const missing = await call('GET', path, auth, undefined, null);
    expect(missing).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID', fieldErrors: [{ field: 'Access-Purpose' }] } });
    expect(missing.body.fieldErrors[0].reason).toMatch(/is required/);
    const unknown = await call('GET', path, auth, undefined, 'curiosity');
    expect(unknown).toMatchObject({ status: 400, body: { fieldErrors: [{ field: 'Access-Purpose', reason: expect.stringMatching(/not a known purpose/) }] } });

    expect((await call('GET', path, auth, undefined, 'action-follow-up')).status).toBe(200);
    const { rows } = await db.pool.query(
      `SELECT purpose, outcome FROM access_audit_log WHERE resource_id = $1 AND user_id = $2 AND action = 'referral.information-read' ORDER BY sequence`,
      [referrals[A], `practitioner-police-${A}`],
    );
    expect(rows[rows.length - 1]).toEqual({ purpose: 'action-follow-up', outcome: 'allowed' });
  });
});
