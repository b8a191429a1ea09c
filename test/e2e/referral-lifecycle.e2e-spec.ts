import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { bootstrapApi } from '../../apps/api/src/bootstrap';
import { startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { startRelay, type RelayHandle } from '../../apps/relay/src/relay';
import type { Role } from '@app/auth';
import { loadConfig, type PlatformConfig } from '@app/config';
import { referralStreamId, type Agency } from '@app/domain';
import { PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { createKafka, toIntegrationEvent } from '@app/messaging';
import { readTopic, type TopicReader } from '../support/kafka-topic';
import { validReferralRequest } from '../support/referral-request';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';
import { bearer } from '../support/tokens';
import { spawnWorker, type WorkerProcess } from '../support/worker-process';

/**
 * A referral's whole life over the real stack and the HTTP API: intake, triage, the manager's
 * authorisation, every agency's answer, the strategy discussion, its authorisation, the actions
 * followed up, closure. The API, relay and projector run in this process; the worker (with its
 * workflow starter) runs as its own process, so it can be killed with SIGKILL mid-referral.
 */
describe('referral lifecycle end to end over HTTP (PostgreSQL, Kafka, Temporal, worker process)', () => {
  const hubId = 'e2e-lifecycle-hub';
  const manager = `${hubId}-accountable-manager`; // the national default policy's authoriser
  const logger = pino({ level: 'silent' });
  let db: TestDatabase;
  let config: PlatformConfig;
  let api: NestFastifyApplication;
  let baseUrl: string;
  let relay: RelayHandle;
  let projector: ProjectorHandle;
  let worker: WorkerProcess;
  let topic: TopicReader;
  let store: PostgresEventStore;

  const practitioner = (agency: Agency) => bearer({ sub: `${agency}-practitioner`, hubs: [hubId], agency, roles: ['practitioner'] });
  const as = (sub: string, agency: Agency, roles: Role[]) => bearer({ sub, hubs: [hubId], agency, roles });

  function startWorkerProcess(): WorkerProcess {
    return spawnWorker({
      DATABASE_URL: db.url,
      KAFKA_BROKERS: config.KAFKA_BROKERS,
      KAFKA_REFERRAL_TOPIC: config.KAFKA_REFERRAL_TOPIC,
      TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
      TEMPORAL_NAMESPACE: config.TEMPORAL_NAMESPACE,
      TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ($1, 'Lifecycle hub', 'both')`, [hubId]);
    config = loadConfig({
      ...process.env,
      DATABASE_URL: db.url,
      KAFKA_REFERRAL_TOPIC: `mash.e2e-lifecycle.${uniqueSuffix()}`,
      TEMPORAL_TASK_QUEUE: `e2e-lifecycle-${uniqueSuffix()}`,
      LOG_LEVEL: 'silent',
    });
    store = new PostgresEventStore(db.pool);
    worker = startWorkerProcess();
    api = await bootstrapApi(config, { ephemeralPort: true, host: '127.0.0.1', logger });
    const address = api.getHttpServer().address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    projector = await startProjector(config, db.pool, { logger });
    relay = startRelay(config, db.pool, { logger, pollIntervalMs: 200, maxBackoffMs: 1000 });
    topic = await readTopic(createKafka(config, logger, 'e2e-lifecycle-reader'), config.KAFKA_REFERRAL_TOPIC);
    await worker.ready();
  });

  afterAll(async () => {
    await Promise.allSettled([topic?.stop(), relay?.stop(), projector?.stop(), worker?.stop(), api?.close()]);
    await db?.drop();
  });

  interface Answer {
    status: number;
    body: Record<string, any>;
  }

  async function post(path: string, auth: Record<string, string>, body: unknown, idempotencyKey = randomUUID()): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, ...auth },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  /**
   * Set after a worker is killed: a workflow whose worker died answers its next command 503
   * until the server gives up the dead worker's sticky queue (about 10 s) and a live worker
   * replays it; a client then retries with the same Idempotency-Key, as the API asks.
   */
  let retryUnavailable = false;

  /** A command that must succeed: the test fails with the API's own answer otherwise. */
  async function command(referralId: string, path: string, auth: Record<string, string>, body: unknown): Promise<string[]> {
    const key = randomUUID();
    let answer = await post(`/v1/referrals/${referralId}/${path}`, auth, body, key);
    for (let attempt = 1; retryUnavailable && answer.status === 503 && attempt < 6; attempt += 1) {
      answer = await post(`/v1/referrals/${referralId}/${path}`, auth, body, key);
    }
    expect({ path, ...answer }).toMatchObject({ path, status: 200 });
    return answer.body.events as string[];
  }

  async function submit(): Promise<string> {
    const answer = await post('/v1/referrals', await practitioner('social-care'), validReferralRequest(hubId));
    expect(answer.status).toBe(201);
    return answer.body.referralId as string;
  }

  async function view(referralId: string, stage: string): Promise<Record<string, any>> {
    const auth = await practitioner('social-care');
    return eventually(
      async () => {
        const response = await fetch(`${baseUrl}/v1/referrals/${referralId}`, { headers: auth });
        const body = (await response.json()) as Record<string, any>;
        return response.status === 200 && body.stage === stage ? body : undefined;
      },
      { what: `referral ${referralId} at stage ${stage} in the read model`, timeoutMs: 60000 },
    );
  }

  const stream = (referralId: string): Promise<RecordedEvent[]> => store.readStream(referralStreamId(referralId));

  /** Triage, authorised: information requests open to the amber agencies (police, social care, health). */
  async function triageAndAuthorise(referralId: string): Promise<void> {
    await view(referralId, 'awaiting-triage');
    const triage = await command(referralId, 'triage', await practitioner('social-care'), {
      rag: 'amber',
      decision: 'mash-enquiry',
      rationale: 'Neglect indicators and domestic abuse at home: the agencies must share what they hold.',
    });
    expect(triage).toEqual(['TriageDecisionRecorded', 'AuthorisationRequested']);
    const authorised = await command(referralId, 'authorisations', await as(manager, 'social-care', ['hub-manager']), {
      outcome: 'authorised',
      rationale: 'Agreed: a MASH enquiry.',
    });
    expect(authorised).toEqual(['DecisionAuthorised', 'InformationRequested', 'InformationRequested', 'InformationRequested']);
  }

  async function gatherAndDiscuss(referralId: string): Promise<string[]> {
    for (const agency of ['police', 'social-care', 'health'] as const) {
      await command(referralId, `information-requests/${agency}/response`, await practitioner(agency), {
        responseId: randomUUID(),
        summary: `What ${agency} holds about the family.`,
        sharing: { decision: 'shared', sensitivity: 'general', lawfulBasis: 'uk-gdpr-art-6-1-e', purpose: 'MASH enquiry' },
      });
    }
    const actionIds = [randomUUID(), randomUUID()];
    const discussion = await command(referralId, 'strategy-discussion', await practitioner('social-care'), {
      heldAt: new Date().toISOString(),
      attendees: [
        { agency: 'police', name: 'DS Example', role: 'Detective sergeant' },
        { agency: 'social-care', name: 'Social worker', role: 'Team manager' },
        { agency: 'health', name: 'Health visitor', role: 'Safeguarding nurse' },
      ],
      absences: [],
      decision: 'section-47-enquiry',
      rationale: 'Significant harm is suspected; a joint enquiry is needed.',
      actions: [
        { actionId: actionIds[0], description: 'Joint visit to the home', owningAgency: 'police' },
        { actionId: actionIds[1], description: 'Health review of the child', owningAgency: 'health' },
      ],
    });
    expect(discussion).toContain('StrategyDiscussionHeld');
    const authorised = await command(referralId, 'authorisations', await as(manager, 'social-care', ['hub-manager']), {
      outcome: 'authorised',
      rationale: 'Agreed.',
    });
    expect(authorised).toEqual(expect.arrayContaining(['DecisionAuthorised', 'OutcomeDecided']));
    return actionIds;
  }

  async function followUp(referralId: string, actionIds: string[]): Promise<void> {
    await command(referralId, `actions/${actionIds[0]}/complete`, await practitioner('police'), { note: 'Visit done with social care.' });
    const last = await command(referralId, `actions/${actionIds[1]}/cancel`, await practitioner('health'), {
      reason: 'Family moved to another area; review passed to their health visitor.',
    });
    expect(last).toEqual(expect.arrayContaining(['ActionCancelled', 'ReferralClosed']));
  }

  /** No event twice, none missing: versions 1..n, ids unique, and Kafka carries the same sequence. */
  async function expectExactlyOnce(referralId: string): Promise<RecordedEvent[]> {
    const events = await stream(referralId);
    expect(events.map((e) => e.streamVersion)).toEqual(events.map((_, index) => index + 1));
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    const published = events.map((e) => toIntegrationEvent(e)).filter((e) => e !== undefined);
    const onKafka = await eventually(
      async () => {
        const messages = topic.messages.filter((m) => m.key === referralId);
        return messages.length >= published.length ? messages : undefined;
      },
      { what: `all ${published.length} events of ${referralId} on Kafka`, timeoutMs: 60000 },
    );
    expect(onKafka.map((m) => m.event.id)).toEqual(published.map((e) => e!.id));
    expect(onKafka.map((m) => m.event.type)).toEqual(published.map((e) => e!.type));
    expect(new Set(onKafka.map((m) => m.partition)).size).toBe(1);
    return events;
  }

  it('takes one referral from intake to closure through the HTTP API, with every event on Kafka in order', async () => {
    const referralId = await submit();
    await triageAndAuthorise(referralId);
    const actionIds = await gatherAndDiscuss(referralId);
    await followUp(referralId, actionIds);

    const events = await expectExactlyOnce(referralId);
    expect(events.map((e) => e.type)).toEqual([
      'ReferralReceived',
      'TriageAwaited',
      'TriageDecisionRecorded',
      'AuthorisationRequested',
      'DecisionAuthorised',
      'InformationRequested',
      'InformationRequested',
      'InformationRequested',
      'InformationProvided',
      'InformationProvided',
      'InformationProvided',
      'InformationGatheringClosed',
      'StrategyDiscussionHeld',
      'AuthorisationRequested',
      'DecisionAuthorised',
      'OutcomeDecided',
      'ReferrerNotified',
      'ActionCompleted',
      'ActionCancelled',
      'ReferralClosed',
    ]);
    // Every event says the policy it was decided under: the national default, version 0, as this hub has published none.
    for (const event of events) expect(event.metadata.policyVersion).toBe(0);

    const closed = await view(referralId, 'closed');
    expect(closed).toMatchObject({ rag: 'amber', outcome: { decision: 'section-47-enquiry' } });
    expect(closed.requests.map((r: { agency: string; status: string }) => [r.agency, r.status]).sort()).toEqual([
      ['health', 'answered'],
      ['police', 'answered'],
      ['social-care', 'answered'],
    ]);
    expect(closed.actions.map((a: { actionId: string; status: string }) => [a.actionId, a.status])).toEqual([
      [actionIds[0], 'completed'],
      [actionIds[1], 'cancelled'],
    ]);
  });

  it('finishes a referral whose worker was killed with SIGKILL mid-command, with no event missing or twice', async () => {
    const referralId = await submit();
    await view(referralId, 'awaiting-triage');
    await command(referralId, 'triage', await practitioner('social-care'), {
      rag: 'amber',
      decision: 'mash-enquiry',
      rationale: 'Agencies must share what they hold.',
    });

    // The manager's authorisation is in flight when the worker dies without a word.
    const key = randomUUID();
    const managerAuth = await as(manager, 'social-care', ['hub-manager']);
    const authorisation = { outcome: 'authorised', rationale: 'Agreed: a MASH enquiry.' };
    const inFlight = post(`/v1/referrals/${referralId}/authorisations`, managerAuth, authorisation, key);
    await worker.kill9();
    worker = startWorkerProcess();
    await worker.ready();
    // Whatever the first answer, it is a clear one (done, or try again later), never a 500.
    const first = await inFlight;
    expect([200, 503]).toContain(first.status);
    // The client retries with the same Idempotency-Key: the authorisation is taken exactly once.
    const retried = await eventually(
      async () => {
        const answer = await post(`/v1/referrals/${referralId}/authorisations`, managerAuth, authorisation, key);
        return answer.status === 200 ? answer : undefined;
      },
      { what: 'the retried authorisation to be answered 200', timeoutMs: 60000, intervalMs: 500 },
    );
    expect(retried.body.events).toEqual(['DecisionAuthorised', 'InformationRequested', 'InformationRequested', 'InformationRequested']);

    const actionIds = await gatherAndDiscuss(referralId);
    await worker.kill9();
    worker = startWorkerProcess();
    await worker.ready();
    retryUnavailable = true;
    await followUp(referralId, actionIds);

    const events = await expectExactlyOnce(referralId);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('DecisionAuthorised')).toBe(2); // one for triage, one for the strategy decision
    expect(count('InformationRequested')).toBe(3);
    expect(count('ReferralClosed')).toBe(1);
    await view(referralId, 'closed');
  });
});
