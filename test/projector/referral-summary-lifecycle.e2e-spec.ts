import { randomUUID } from 'node:crypto';
import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import { loadConfig } from '@app/config';
import { createKafka, REFERRAL_INTEGRATION_TYPES as T, toKafkaMessage, type ReferralIntegrationEvent } from '@app/messaging';
import { createLogger } from '@app/observability';
import { startProjector, type ProjectorHandle } from '../../apps/projector/src/projector';
import { projectionCaughtUp } from '../support/projector-progress';
import { createTestDatabase, eventually, uniqueSuffix, type TestDatabase } from '../support/stack';

type Type = ReferralIntegrationEvent['type'];
type EventOf<K extends Type> = Extract<ReferralIntegrationEvent, { type: K }>;

const referralId = randomUUID();
const at = (day: number, hhmm: string) => `2025-01-${String(day).padStart(2, '0')}T${hhmm}:00.000Z`;
const practitioner = { userId: 'u-practitioner', agency: 'social-care' as const };
const manager = { userId: 'u-manager', agency: 'social-care' as const };
let version = 0;

/** The next event of the referral's stream, as the relay would publish it. */
function next<K extends Type>(type: K, data: EventOf<K>['data']): EventOf<K> {
  version += 1;
  return {
    specVersion: '1.0',
    id: randomUUID(),
    type,
    source: 'mash-platform',
    referralId,
    hubId: 'east-mash',
    streamVersion: version,
    position: String(1000 + version),
    occurredAt: at(6, '09:00'),
    policyVersion: 1,
    correlationId: `corr-${version}`,
    data,
  } as EventOf<K>;
}

// A referral through triage, gathering (one agency late, gathering closed early), the discussion,
// and follow-up of its two actions, in the order the decider records them.
const lifecycle: ReferralIntegrationEvent[] = [
  next(T.received, {
    receivedAt: at(6, '09:15'),
    referrer: { agency: 'health', role: null },
    subject: { type: 'child', givenName: 'Alex', familyName: 'Sample', dateOfBirth: '2016-05-04', ageBand: null },
    concernCategories: ['neglect'],
    immediateRisk: false,
    householdSize: 2,
    consent: { status: 'given', familyAware: true },
  }),
  next(T.triageAwaited, { since: at(6, '09:16'), dueAt: at(7, '09:16') }),
  next(T.triageDecided, { rag: 'amber', decision: 'mash-enquiry', decidedAt: at(6, '11:00'), by: practitioner }),
  next(T.authorisationRequested, { kind: 'triage', requestedAt: at(6, '11:00'), dueAt: at(6, '15:00') }),
  next(T.decisionAuthorised, { kind: 'triage', decision: 'mash-enquiry', authorisedAt: at(6, '12:00'), by: manager }),
  next(T.informationRequested, { agency: 'police', rag: 'amber', requestedAt: at(6, '12:00'), dueAt: at(7, '12:00'), remindAt: at(7, '08:00') }),
  next(T.informationRequested, { agency: 'health', rag: 'amber', requestedAt: at(6, '12:00'), dueAt: at(7, '12:00'), remindAt: at(7, '08:00') }),
  next(T.informationProvided, { sharing: 'shared', sensitivity: 'general', lawfulBasis: 'uk-gdpr-art-6-1-e',
    agency: 'health',
    responseId: 'r-1',
    providedAt: at(7, '10:00'),
    dueAt: at(7, '12:00'),
    late: false,
    addition: false,
    by: { userId: 'u-health', agency: 'health' },
  }),
  next(T.informationRequestEscalated, {
    agency: 'police',
    level: 1,
    notified: [{ role: 'agency-contact', agency: 'police' }],
    escalatedAt: at(7, '12:00'),
    nextEscalationAt: at(7, '16:00'),
  }),
  next(T.informationGatheringClosed, { early: true, unanswered: ['police'], closedAt: at(7, '13:00'), by: manager }),
  next(T.strategyDiscussionHeld, {
    heldAt: at(8, '10:00'),
    minutesSinceReferral: 2925,
    attendingAgencies: ['police', 'health', 'social-care'],
    absentAgencies: [],
    decision: 'section-47-enquiry',
    actions: [
      { actionId: 'a-1', description: 'Joint visit', owningAgency: 'police', dueAt: at(10, '10:00') },
      { actionId: 'a-2', description: 'Health check', owningAgency: 'health', dueAt: at(10, '10:00') },
    ],
    by: practitioner,
  }),
  next(T.authorisationRequested, { kind: 'strategy', requestedAt: at(8, '10:05'), dueAt: at(8, '14:05') }),
  next(T.decisionAuthorised, { kind: 'strategy', decision: 'section-47-enquiry', authorisedAt: at(8, '11:00'), by: manager }),
  next(T.outcomeDecided, { source: 'strategy', decision: 'section-47-enquiry', rag: 'amber', decidedAt: at(8, '11:00'), authorisedBy: manager }),
  next(T.referrerNotified, { about: 'outcome', decision: 'section-47-enquiry', notifiedAt: at(8, '11:00') }),
  next(T.actionCompleted, { actionId: 'a-1', completedAt: at(10, '12:00'), late: true, by: { userId: 'u-police', agency: 'police' } }),
  next(T.actionCancelled, { actionId: 'a-2', cancelledAt: at(10, '12:30'), by: manager }),
  next(T.closed, { outcome: 'section-47-enquiry', closedAt: at(10, '12:30'), challengeableUntil: at(24, '12:30') }),
];

describe('projector: a whole referral lifecycle into referral_summary', () => {
  const logger = createLogger('projector-lifecycle-test', process.env.TEST_LOG_LEVEL ?? 'silent');
  const topic = `mash.referral-events.test-${uniqueSuffix()}`;
  let db: TestDatabase;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let projector: ProjectorHandle;

  const row = async () => (await db.pool.query('SELECT * FROM referral_summary WHERE referral_id = $1', [referralId])).rows[0];
  const caughtUp = () => eventually(() => projectionCaughtUp(admin, db.pool, topic), { what: 'projector at the end of the topic' });
  const publish = (events: ReferralIntegrationEvent[]) => producer.send({ topic, messages: events.map(toKafkaMessage) });

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({ ...process.env, DATABASE_URL: db.url, KAFKA_REFERRAL_TOPIC: topic });
    kafka = createKafka(config, logger, 'projector-lifecycle-test');
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    projector = await startProjector(config, db.pool, { logger });

    await publish(lifecycle);
    await eventually(async () => ((await row())?.stream_version === lifecycle.length ? true : undefined), { what: 'the whole lifecycle projected' });
    await caughtUp();
  });

  afterAll(async () => {
    await projector?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await db?.drop();
  });

  it('stores where the referral stands and how it got there', async () => {
    expect(await row()).toMatchObject({
      stage: 'closed',
      rag: 'amber',
      triage_awaited_since: new Date(at(6, '09:16')),
      triage_escalation_level: 0,
      decision_source: 'strategy',
      decision_code: 'section-47-enquiry',
      decision_status: 'authorised',
      decision_decided_at: new Date(at(8, '10:00')),
      decision_decided_by_user_id: 'u-practitioner',
      decision_decided_by_agency: 'social-care',
      decision_authorised_at: new Date(at(8, '11:00')),
      decision_authorised_by_user_id: 'u-manager',
      decision_returned_at: null,
      decision_agreed_actions: [],
      authorisation_kind: null,
      information_requests: [
        expect.objectContaining({ agency: 'police', status: 'closed-unanswered', escalationLevel: 1, nextEscalationAt: at(7, '16:00'), late: null }),
        expect.objectContaining({ agency: 'health', status: 'answered', answeredAt: at(7, '10:00'), late: false }),
      ],
      actions: [
        expect.objectContaining({ actionId: 'a-1', description: 'Joint visit', owningAgency: 'police', status: 'completed', completedAt: at(10, '12:00'), late: true }),
        expect.objectContaining({ actionId: 'a-2', status: 'cancelled', cancelledAt: at(10, '12:30') }),
      ],
      strategy_discussion_held_at: new Date(at(8, '10:00')),
      strategy_discussion_minutes_since_referral: 2925,
      outcome_decision: 'section-47-enquiry',
      outcome_source: 'strategy',
      outcome_decided_at: new Date(at(8, '11:00')),
      closed_at: new Date(at(10, '12:30')),
      challengeable_until: new Date(at(24, '12:30')),
      challenge_raised_at: null,
      stream_version: lifecycle.length,
      last_event_id: lifecycle[lifecycle.length - 1].id,
    });
    expect(projector.stats()).toMatchObject({ applied: lifecycle.length, unchanged: 0, ignored: 0, malformed: 0 });
  });

  it('applies each event once: the whole stream published again changes nothing', async () => {
    const before = await row();
    await publish(lifecycle);
    await caughtUp();

    expect(await row()).toEqual(before);
    expect(projector.stats()).toMatchObject({ applied: lifecycle.length, unchanged: lifecycle.length });
  });

  it('follows a challenge that re-opens the discussion, and no further', async () => {
    const raised = next(T.challengeRaised, { outcome: 'section-47-enquiry', raisedAt: at(13, '09:00'), by: { userId: 'u-referrer', agency: 'health' } });
    const waiting = next(T.authorisationRequested, { kind: 'challenge', requestedAt: at(13, '09:00'), dueAt: at(13, '13:00') });
    const reopened = next(T.challengeResolved, {
      upheld: false,
      resumes: null,
      reopens: 'StrategyDiscussion',
      triageDueAt: null,
      resolvedAt: at(13, '10:00'),
      by: manager,
    });
    await publish([raised, waiting]);
    await eventually(async () => ((await row())?.authorisation_kind === 'challenge' ? true : undefined), { what: 'the challenge waiting' });
    expect(await row()).toMatchObject({ stage: 'awaiting-authorisation', challenge_raised_at: new Date(at(13, '09:00')), challenge_resolved_at: null });

    // The re-opening and, redelivered with it, the challenge it resolves.
    await publish([reopened, raised]);
    await eventually(async () => ((await row())?.stream_version === reopened.streamVersion ? true : undefined), { what: 'the re-opening projected' });
    await caughtUp();
    expect(await row()).toMatchObject({
      stage: 'strategy-discussion',
      authorisation_kind: null,
      decision_code: null,
      outcome_decision: null,
      closed_at: null,
      challenge_resolved_at: new Date(at(13, '10:00')),
      challenge_upheld: false,
    });
    expect(projector.stats()).toMatchObject({ applied: lifecycle.length + 3, unchanged: lifecycle.length + 1 });
  });
});
