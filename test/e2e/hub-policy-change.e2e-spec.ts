import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import { startReferralWorkflowStarter, type ReferralWorkflowStarter } from '../../apps/worker/src/referral-workflow-starter';
import { startWorker, type WorkerHandle } from '../../apps/worker/src/worker';
import type { Role } from '@app/auth';
import { loadConfig, type PlatformConfig } from '@app/config';
import { addWorkingTime, referralStreamId, type Agency } from '@app/domain';
import { PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { NATIONAL_HUB_POLICY_TEMPLATE, toLifecyclePolicy, type HubPolicyDocument } from '@app/hub-policy';
import { createKafka } from '@app/messaging';
import { hubFacts } from '../../libs/hub-policy/src/testing/hub-policy-fixtures';
import { readTopic, type TopicReader } from '../support/kafka-topic';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';

/**
 * A hub changes its policy while a referral waits for triage, over the real stack and the HTTP
 * API: the referral was received under v1, and the triage and its authorisation, taken after v2
 * was published, are stamped v2 and set the information requests' due times by v2's timescale.
 * A hub that has published no policy stamps 0, the national default. API, relay, projector,
 * worker and workflow starter all run in this process.
 */
describe('a hub policy change mid-referral, end to end over HTTP (PostgreSQL, Kafka, Temporal)', () => {
  const hubId = 'e2e-policy-hub';
  const plainHubId = 'e2e-no-policy-hub';
  const accountableManager = hubFacts.accountableManager.userId;
  const amberV2 = { workingHours: 3 };
  const logger = pino({ level: 'silent' });
  let db: TestDatabase;
  let config: PlatformConfig;
  let api: NestFastifyApplication;
  let baseUrl: string;
  let relay: RelayHandle;
  let projector: ProjectorHandle;
  let worker: WorkerHandle;
  let starter: ReferralWorkflowStarter;
  let topic: TopicReader;
  let store: PostgresEventStore;

  const as = (sub: string, hub: string, agency: Agency, roles: Role[]) => bearer({ sub, hubs: [hub], agency, roles });
  const practitioner = (hub: string) => as('social-care-practitioner', hub, 'social-care', ['practitioner']);

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'Policy hub', 'both'), ($2, 'Hub without a policy', 'both')`, [hubId, plainHubId]);
    config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_REFERRAL_TOPIC: `mash.e2e-policy-change.${uniqueSuffix()}`,
      TEMPORAL_TASK_QUEUE: `e2e-policy-change-${uniqueSuffix()}`,
      LOG_LEVEL: 'silent',
    });
    store = new PostgresEventStore(db.pool);
    worker = await startWorker(config, db.pool, { logger });
    starter = startReferralWorkflowStarter(config, db.pool, logger);
    api = await bootstrapApi(config, { ephemeralPort: true, host: '127.0.0.1', logger });
    baseUrl = await api.getUrl();
    projector = await startProjector(config, db.pool, { logger });
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 200, maxBackoffMs: 1000 });
    topic = await readTopic(createKafka(config, logger, 'e2e-policy-change-reader'), config.KAFKA_REFERRAL_TOPIC);
  }, 120000);

  afterAll(async () => {
    await Promise.allSettled([topic?.stop(), relay?.stop(), projector?.stop(), starter?.stop(), api?.close()]);
    await worker?.stop();
    await db?.drop();
  });

  interface Answer {
    status: number;
    body: Record<string, any>;
  }

  async function send(method: 'POST' | 'PUT', path: string, auth: Record<string, string>, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...auth, ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  /** A referral command that must succeed; the events it recorded. */
  async function command(referralId: string, path: string, auth: Record<string, string>, body: unknown): Promise<string[]> {
    const answer = await send('POST', `/v1/referrals/${referralId}/${path}`, auth, body);
    expect({ path, ...answer }).toMatchObject({ path, status: 200 });
    return answer.body.events as string[];
  }

  const stream = (referralId: string): Promise<RecordedEvent[]> => store.readStream(referralStreamId(referralId));

  async function submit(hub: string): Promise<string> {
    const answer = await send('POST', '/v1/referrals', await practitioner(hub), validReferralRequest(hub));
    expect(answer.status).toBe(201);
    return answer.body.referralId as string;
  }

  /** Waits until the workflow has recorded TriageAwaited and the read model shows it. */
  async function awaitingTriage(referralId: string, hub: string): Promise<void> {
    await eventually(async () => ((await stream(referralId)).some((e) => e.type === 'TriageAwaited') ? true : undefined), {
      what: `TriageAwaited on referral ${referralId}`,
      timeoutMs: 60000,
    });
    const auth = await practitioner(hub);
    await eventually(
      async () => {
        const response = await fetch(`${baseUrl}/v1/referrals/${referralId}`, { headers: auth });
        const body = (await response.json()) as Record<string, any>;
        return response.status === 200 && body.stage === 'awaiting-triage' ? body : undefined;
      },
      { what: `referral ${referralId} awaiting triage in the read model`, timeoutMs: 60000 },
    );
  }

  /** Amber triage, authorised by the hub's accountable manager: requests to police, social care and health. */
  async function triageAndAuthorise(referralId: string, hub: string, authoriser: string): Promise<void> {
    const triage = await command(referralId, 'triage', await practitioner(hub), {
      rag: 'amber',
      decision: 'mash-enquiry',
      rationale: 'Neglect indicators at home: the agencies must share what they hold.',
    });
    expect(triage).toEqual(['TriageDecisionRecorded', 'AuthorisationRequested']);
    const authorised = await command(referralId, 'authorisations', await as(authoriser, hub, 'social-care', ['hub-manager']), {
      outcome: 'authorised',
      rationale: 'Agreed: a MASH enquiry.',
    });
    expect(authorised).toEqual(['DecisionAuthorised', 'InformationRequested', 'InformationRequested', 'InformationRequested']);
  }

  const dataOf = (event: RecordedEvent) => event.data as Record<string, any>;

  /** The integration events of a referral on Kafka, once `count` of them have arrived. */
  const onKafka = (referralId: string, count: number) =>
    eventually(
      async () => {
        const messages = topic.messages.filter((m) => m.key === referralId);
        return messages.length >= count ? messages.map((m) => m.event) : undefined;
      },
      { what: `${count} events of ${referralId} on Kafka`, timeoutMs: 60000 },
    );

  it('decides triage and authorisation under v2 once published, with v2 due times, after intake under v1', async () => {
    const v1 = await send('PUT', `/v1/hubs/${hubId}/policy`, await as('lee', hubId, 'social-care', ['hub-manager']), {
      overrides: hubFacts,
      reason: 'the hub adopts the national frame',
    });
    expect(v1).toMatchObject({ status: 201, body: { version: 1 } });

    const referralId = await submit(hubId);
    await awaitingTriage(referralId, hubId);
    const received = await stream(referralId);
    expect(received.map((e) => [e.type, e.metadata.policyVersion, dataOf(e).policyVersion])).toEqual([
      ['ReferralReceived', 1, undefined],
      ['TriageAwaited', 1, 1],
    ]);

    // Lists replace whole: to change amber, the hub writes all its levels.
    const ragLevels = NATIONAL_HUB_POLICY_TEMPLATE.ragLevels.map((level) => (level.code === 'amber' ? { ...level, informationRequestTimescale: amberV2 } : level));
    expect(NATIONAL_HUB_POLICY_TEMPLATE.ragLevels.find((level) => level.code === 'amber')?.informationRequestTimescale).toEqual({ workingDays: 1 });
    const v2 = await send(
      'PUT',
      `/v1/hubs/${hubId}/policy`,
      await as(accountableManager, hubId, 'social-care', ['hub-manager']),
      { overrides: { ...hubFacts, ragLevels }, reason: 'amber information within 3 working hours, agreed at the board' },
      { 'if-match': '"1"' },
    );
    expect(v2).toMatchObject({ status: 201, body: { version: 2 } });

    await triageAndAuthorise(referralId, hubId, accountableManager);

    const events = await stream(referralId);
    const decided = events.slice(2);
    expect(decided.map((e) => e.type)).toEqual([
      'TriageDecisionRecorded',
      'AuthorisationRequested',
      'DecisionAuthorised',
      'InformationRequested',
      'InformationRequested',
      'InformationRequested',
    ]);
    for (const event of decided) expect([event.type, event.metadata.policyVersion, dataOf(event).policyVersion]).toEqual([event.type, 2, 2]);

    const authorisedAt = dataOf(decided[2]).authorisedAt as string;
    const { calendar } = toLifecyclePolicy(hubId, 2, v2.body.document as HubPolicyDocument, new Date(authorisedAt));
    const dueAt = addWorkingTime(new Date(authorisedAt), amberV2, calendar).toISOString();
    const requests = decided.slice(3).map(dataOf);
    expect(requests.map((r) => [r.agency, r.requestedAt, r.dueAt]).sort()).toEqual(
      ['health', 'police', 'social-care'].map((agency) => [agency, authorisedAt, dueAt]),
    );
    // Under v1 (1 working day) the requests would have been due later.
    expect(dueAt < addWorkingTime(new Date(authorisedAt), { workingDays: 1 }, calendar).toISOString()).toBe(true);

    const published = await onKafka(referralId, events.length);
    expect(published.map((e) => [e.type, e.policyVersion])).toEqual([
      ['mash.referral.received.v1', 1],
      ['mash.referral.triage-awaited.v1', 1],
      ['mash.referral.triage-decided.v1', 2],
      ['mash.referral.authorisation-requested.v1', 2],
      ['mash.referral.decision-authorised.v1', 2],
      ['mash.referral.information-requested.v1', 2],
      ['mash.referral.information-requested.v1', 2],
      ['mash.referral.information-requested.v1', 2],
    ]);
  });

  it('stamps 0, the national default, on every event of a hub that has published no policy', async () => {
    const referralId = await submit(plainHubId);
    await awaitingTriage(referralId, plainHubId);
    // The national default's authoriser.
    await triageAndAuthorise(referralId, plainHubId, `${plainHubId}-accountable-manager`);

    const events = await stream(referralId);
    expect(events).toHaveLength(8);
    for (const event of events) expect([event.type, event.metadata.policyVersion]).toEqual([event.type, 0]);
    for (const event of events.slice(1)) expect([event.type, dataOf(event).policyVersion]).toEqual([event.type, 0]);
    const published = await onKafka(referralId, events.length);
    expect(published.map((e) => e.policyVersion)).toEqual(events.map(() => 0));
  });
});
