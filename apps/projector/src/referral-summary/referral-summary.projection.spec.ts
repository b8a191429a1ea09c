import { REFERRAL_INTEGRATION_TYPES as T, type IntegrationEvent, type ReferralIntegrationEvent } from '@app/messaging';
import { evolve, REFERRAL_SUMMARY_HANDLES, type ReferralStage, type ReferralSummary } from './referral-summary.projection';

type Type = ReferralIntegrationEvent['type'];
type EventOf<K extends Type> = Extract<ReferralIntegrationEvent, { type: K }>;

const referralId = '6f1c2a4e-5b7d-4c1e-9a3f-2d8e7b6c5a41';
const at = (day: number, hhmm: string) => `2025-01-${String(day).padStart(2, '0')}T${hhmm}:00.000Z`;
const practitioner = { userId: 'u-practitioner', agency: 'social-care' as const };
const manager = { userId: 'u-manager', agency: 'social-care' as const };
const referrer = { userId: 'u-referrer', agency: 'health' as const };

/** An event of a type with its data; the stream version is given by its place in a history. */
function published<K extends Type>(type: K, data: EventOf<K>['data']): EventOf<K> {
  return {
    specVersion: '1.0',
    source: 'mash-platform',
    id: `00000000-0000-4000-8000-${type.length.toString().padStart(12, '0')}`,
    type,
    referralId,
    hubId: 'north-mash',
    streamVersion: 0,
    position: '0',
    occurredAt: at(6, '09:00'),
    policyVersion: 2,
    correlationId: 'corr-1',
    data,
  } as EventOf<K>;
}

const versioned = <E extends IntegrationEvent>(event: E, streamVersion: number): E => ({
  ...event,
  streamVersion,
  id: `00000000-0000-4000-8000-${String(streamVersion).padStart(12, '0')}`,
  position: String(100 + streamVersion),
});

/** Events numbered in the order given, as one referral's stream. */
const inOrder = (...events: IntegrationEvent[]) => events.map((e, i) => versioned(e, i + 1));
const project = (events: IntegrationEvent[]) => events.reduce(evolve, null as ReferralSummary | null);

// The facts of one referral's life, in the decider's words (libs/domain/src/referral).
const received = published(T.received, {
  receivedAt: at(6, '09:15'),
  referrer: { agency: 'health', role: 'health visitor' },
  subject: { type: 'child', givenName: 'Sam', familyName: 'Example', dateOfBirth: '2021-03-02', ageBand: null },
  concernCategories: ['neglect'],
  immediateRisk: false,
  householdSize: 3,
  consent: { status: 'given', familyAware: true },
});
const immediateRiskReceived = published(T.received, { ...received.data, immediateRisk: true });
const triageAwaited = published(T.triageAwaited, { since: at(6, '09:16'), dueAt: at(7, '09:16') });
const triageEscalated = published(T.triageEscalated, {
  level: 1,
  notified: [{ role: 'hub-manager', agency: null }],
  escalatedAt: at(7, '09:15'),
  nextEscalationAt: at(7, '13:15'),
});
const triageDecided = published(T.triageDecided, { rag: 'amber', decision: 'mash-enquiry', decidedAt: at(6, '11:00'), by: practitioner });
const outcomeOnlyTriage = published(T.triageDecided, { ...triageDecided.data, rag: 'green', decision: 'early-help' });
const triageAuthorisation = published(T.authorisationRequested, { kind: 'triage', requestedAt: at(6, '11:00'), dueAt: at(6, '15:00') });
const authorisationEscalated = published(T.authorisationEscalated, {
  kind: 'triage',
  level: 1,
  notified: [{ role: 'service-manager', agency: null }],
  escalatedAt: at(6, '15:00'),
  nextEscalationAt: at(6, '17:00'),
});
const triageAuthorised = published(T.decisionAuthorised, { kind: 'triage', decision: 'mash-enquiry', authorisedAt: at(6, '12:00'), by: manager });
const triageReturned = published(T.decisionReturned, { kind: 'triage', decision: 'mash-enquiry', returnedAt: at(6, '12:00'), by: manager });
const reRated = published(T.ragReRated, { from: 'amber', to: 'red', reRatedAt: at(6, '13:00'), by: manager });
const policeAsked = published(T.informationRequested, {
  agency: 'police',
  rag: 'amber',
  requestedAt: at(6, '12:00'),
  dueAt: at(7, '12:00'),
  remindAt: at(7, '08:00'),
});
const healthAsked = published(T.informationRequested, { ...policeAsked.data, agency: 'health' });
const policeDueMoved = published(T.informationRequestDueTimeMoved, {
  agency: 'police',
  rag: 'red',
  dueAt: at(6, '16:00'),
  remindAt: null,
  nextEscalationAt: at(6, '16:00'),
  movedAt: at(6, '13:00'),
});
const policeReminded = published(T.informationRequestReminded, { agency: 'police', remindedAt: at(7, '08:00'), dueAt: at(7, '12:00') });
const policeEscalated = published(T.informationRequestEscalated, {
  agency: 'police',
  level: 1,
  notified: [{ role: 'agency-contact', agency: 'police' }],
  escalatedAt: at(7, '12:00'),
  nextEscalationAt: at(7, '16:00'),
});
const policeAnswered = published(T.informationProvided, { sharing: 'shared', sensitivity: 'general', lawfulBasis: 'uk-gdpr-art-6-1-e',
  agency: 'police',
  responseId: 'r-1',
  providedAt: at(7, '14:00'),
  dueAt: at(7, '12:00'),
  late: true,
  addition: false,
  by: { userId: 'u-police', agency: 'police' },
});
const policeAddition = published(T.informationProvided, { ...policeAnswered.data, responseId: 'r-2', providedAt: at(7, '15:00'), addition: true });
const healthAnswered = published(T.informationProvided, {
  ...policeAnswered.data,
  agency: 'health',
  responseId: 'r-3',
  providedAt: at(7, '10:00'),
  late: false,
  by: { userId: 'u-health', agency: 'health' },
});
const gatheringComplete = published(T.informationGatheringClosed, { early: false, unanswered: [], closedAt: at(7, '14:00'), by: null });
const gatheringClosedEarly = published(T.informationGatheringClosed, { early: true, unanswered: ['police'], closedAt: at(7, '13:00'), by: manager });
const discussionScheduled = published(T.strategyDiscussionScheduled, {
  reason: 'immediate-risk',
  rag: 'red',
  scheduledAt: at(6, '09:16'),
  dueAt: at(6, '17:15'),
});
const discussionHeld = published(T.strategyDiscussionHeld, {
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
});
const strategyAuthorisation = published(T.authorisationRequested, { kind: 'strategy', requestedAt: at(8, '10:05'), dueAt: at(8, '14:05') });
const strategyAuthorised = published(T.decisionAuthorised, {
  kind: 'strategy',
  decision: 'section-47-enquiry',
  authorisedAt: at(8, '11:00'),
  by: manager,
});
const strategyReturned = published(T.decisionReturned, { kind: 'strategy', decision: 'section-47-enquiry', returnedAt: at(8, '11:00'), by: manager });
const strategyOutcome = published(T.outcomeDecided, {
  source: 'strategy',
  decision: 'section-47-enquiry',
  rag: 'amber',
  decidedAt: at(8, '11:00'),
  authorisedBy: manager,
});
const triageOutcome = published(T.outcomeDecided, { source: 'triage', decision: 'early-help', rag: 'green', decidedAt: at(6, '12:00'), authorisedBy: manager });
const referrerTold = published(T.referrerNotified, { about: 'outcome', decision: 'section-47-enquiry', notifiedAt: at(8, '11:00') });
const actionReminded = published(T.actionReminded, { actionId: 'a-1', owningAgency: 'police', remindedAt: at(9, '10:00'), dueAt: at(10, '10:00') });
const actionEscalated = published(T.actionEscalated, {
  actionId: 'a-1',
  owningAgency: 'police',
  level: 1,
  notified: [{ role: 'agency-contact', agency: 'police' }],
  escalatedAt: at(10, '10:00'),
  nextEscalationAt: null,
});
const actionCompleted = published(T.actionCompleted, { actionId: 'a-1', completedAt: at(10, '12:00'), late: true, by: { userId: 'u-police', agency: 'police' } });
const actionCancelled = published(T.actionCancelled, { actionId: 'a-2', cancelledAt: at(9, '12:00'), by: manager });
const closed = published(T.closed, { outcome: 'section-47-enquiry', closedAt: at(10, '12:00'), challengeableUntil: at(24, '12:00') });
const challengeRaised = published(T.challengeRaised, { outcome: 'section-47-enquiry', raisedAt: at(13, '09:00'), by: referrer });
const challengeAuthorisation = published(T.authorisationRequested, { kind: 'challenge', requestedAt: at(13, '09:00'), dueAt: at(13, '13:00') });
const challengeUpheld = published(T.challengeResolved, {
  upheld: true,
  resumes: 'Closed',
  reopens: null,
  triageDueAt: null,
  resolvedAt: at(13, '10:00'),
  by: manager,
});
const challengeReopensTriage = published(T.challengeResolved, {
  upheld: false,
  resumes: null,
  reopens: 'AwaitingTriage',
  triageDueAt: at(14, '10:00'),
  resolvedAt: at(13, '10:00'),
  by: manager,
});
const challengeReopensDiscussion = published(T.challengeResolved, { ...challengeReopensTriage.data, reopens: 'StrategyDiscussion', triageDueAt: null });

// Histories the cases start from.
const awaitingTriage = [received, triageAwaited];
const awaitingTriageAuthorisation = [...awaitingTriage, triageDecided, triageAuthorisation];
const gathering = [...awaitingTriageAuthorisation, triageAuthorised, policeAsked, healthAsked];
const inDiscussion = [...gathering, healthAnswered, gatheringClosedEarly];
const awaitingStrategyAuthorisation = [...inDiscussion, discussionHeld, strategyAuthorisation];
const followingUp = [...awaitingStrategyAuthorisation, strategyAuthorised, strategyOutcome, referrerTold];
const closedAfterActions = [...followingUp, actionCompleted, actionCancelled, closed];
const challenged = [...closedAfterActions, challengeRaised, challengeAuthorisation];

/** given(history).when(event) is the row before and after, the event numbered after the history. */
function given(history: IntegrationEvent[]) {
  const before = project(inOrder(...history))!;
  return {
    before,
    when(event: IntegrationEvent) {
      const next = versioned(event, before.streamVersion + 1);
      return { event: next, after: evolve(before, next) };
    },
  };
}

const decisionBy = (by: typeof practitioner, decidedAt: string) => ({
  status: 'waiting-authorisation',
  decidedAt,
  decidedBy: by,
  authorisedAt: null,
  authorisedBy: null,
  returnedAt: null,
  returnedBy: null,
});

const openAction = (id: string, description: string, owningAgency: string) => ({
  actionId: id,
  description,
  owningAgency,
  dueAt: at(10, '10:00'),
  status: 'open',
  completedAt: null,
  cancelledAt: null,
  late: null,
  escalationLevel: 0,
  nextEscalationAt: at(10, '10:00'),
  remindedAt: null,
});

const policeRequest = {
  agency: 'police',
  rag: 'amber',
  requestedAt: at(6, '12:00'),
  dueAt: at(7, '12:00'),
  status: 'open',
  answeredAt: null,
  late: null,
  escalationLevel: 0,
  nextEscalationAt: at(7, '12:00'),
  remindedAt: null,
};

describe('referral summary projection', () => {
  it('handles every lifecycle integration event type', () => {
    expect([...REFERRAL_SUMMARY_HANDLES].sort()).toEqual(Object.values(T).sort());
  });

  describe('no row yet', () => {
    it('a received referral becomes a row at stage received, nothing decided yet', () => {
      expect(evolve(null, versioned(received, 1))).toEqual({
        referralId,
        hubId: 'north-mash',
        stage: 'received',
        subjectType: 'child',
        subjectDisplayName: 'Sam Example',
        subjectDateOfBirth: '2021-03-02',
        subjectAgeBand: null,
        referrerAgency: 'health',
        concernCategories: ['neglect'],
        immediateRisk: false,
        householdSize: 3,
        receivedAt: at(6, '09:15'),
        rag: null,
        triage: { awaitedSince: null, dueAt: null, escalationLevel: 0, nextEscalationAt: null },
        decision: null,
        agreedActions: [],
        authorisation: null,
        informationRequests: [],
        strategyDiscussion: null,
        outcome: null,
        actions: [],
        closedAt: null,
        challengeableUntil: null,
        challenge: null,
        streamVersion: 1,
        lastEventId: versioned(received, 1).id,
      });
    });

    it.each([triageAwaited, triageDecided, closed, challengeUpheld].map((e) => [e.type, e] as const))('%s without its referral gives no row', (_type, event) => {
      expect(evolve(null, versioned(event, 2))).toBeNull();
    });

    it('an unknown type gives no row', () => {
      expect(evolve(null, { ...versioned(triageAwaited, 2), type: 'mash.referral.rated.v1' } as IntegrationEvent)).toBeNull();
    });
  });

  // given a history, when one more event, then these fields change (and the stream version moves).
  it.each<[string, IntegrationEvent[], IntegrationEvent, Partial<ReferralSummary>]>([
    ['triage awaited', [received], triageAwaited, { stage: 'awaiting-triage', triage: { awaitedSince: at(6, '09:16'), dueAt: at(7, '09:16'), escalationLevel: 0, nextEscalationAt: at(7, '09:16') } }],
    ['triage escalated', awaitingTriage, triageEscalated, { triage: { awaitedSince: at(6, '09:16'), dueAt: at(7, '09:16'), escalationLevel: 1, nextEscalationAt: at(7, '13:15') } }],
    [
      'triage decided',
      awaitingTriage,
      triageDecided,
      { stage: 'awaiting-authorisation', rag: 'amber', decision: { source: 'triage', decision: 'mash-enquiry', ...decisionBy(practitioner, at(6, '11:00')) } as ReferralSummary['decision'] },
    ],
    [
      'authorisation requested',
      [...awaitingTriage, triageDecided],
      triageAuthorisation,
      { stage: 'awaiting-authorisation', authorisation: { kind: 'triage', requestedAt: at(6, '11:00'), dueAt: at(6, '15:00'), escalationLevel: 0, nextEscalationAt: at(6, '15:00') } },
    ],
    [
      'authorisation escalated',
      awaitingTriageAuthorisation,
      authorisationEscalated,
      { authorisation: { kind: 'triage', requestedAt: at(6, '11:00'), dueAt: at(6, '15:00'), escalationLevel: 1, nextEscalationAt: at(6, '17:00') } },
    ],
    [
      'triage decision authorised (the stage waits for what the decision starts)',
      awaitingTriageAuthorisation,
      triageAuthorised,
      {
        authorisation: null,
        decision: { source: 'triage', decision: 'mash-enquiry', ...decisionBy(practitioner, at(6, '11:00')), status: 'authorised', authorisedAt: at(6, '12:00'), authorisedBy: manager } as ReferralSummary['decision'],
      },
    ],
    [
      'triage decision returned',
      awaitingTriageAuthorisation,
      triageReturned,
      {
        stage: 'awaiting-triage',
        authorisation: null,
        decision: { source: 'triage', decision: 'mash-enquiry', ...decisionBy(practitioner, at(6, '11:00')), status: 'returned', returnedAt: at(6, '12:00'), returnedBy: manager } as ReferralSummary['decision'],
      },
    ],
    [
      'strategy decision returned',
      awaitingStrategyAuthorisation,
      strategyReturned,
      {
        stage: 'strategy-discussion',
        authorisation: null,
        agreedActions: [],
        decision: { source: 'strategy', decision: 'section-47-enquiry', ...decisionBy(practitioner, at(8, '10:00')), status: 'returned', returnedAt: at(8, '11:00'), returnedBy: manager } as ReferralSummary['decision'],
      },
    ],
    ['RAG re-rated', gathering, reRated, { rag: 'red' }],
    ['information requested after triage authorised', [...awaitingTriageAuthorisation, triageAuthorised], policeAsked, { stage: 'information-gathering', informationRequests: [policeRequest] as ReferralSummary['informationRequests'] }],
    [
      'information requested with an immediate-risk discussion (stays at the discussion)',
      [immediateRiskReceived, discussionScheduled],
      policeAsked,
      { informationRequests: [policeRequest] as ReferralSummary['informationRequests'] },
    ],
    [
      'information request due time moved',
      gathering,
      policeDueMoved,
      { informationRequests: [{ ...policeRequest, rag: 'red', dueAt: at(6, '16:00'), nextEscalationAt: at(6, '16:00') }, { ...policeRequest, agency: 'health' }] as ReferralSummary['informationRequests'] },
    ],
    [
      'information request reminded',
      gathering,
      policeReminded,
      { informationRequests: [{ ...policeRequest, remindedAt: at(7, '08:00') }, { ...policeRequest, agency: 'health' }] as ReferralSummary['informationRequests'] },
    ],
    [
      'information request escalated',
      gathering,
      policeEscalated,
      { informationRequests: [{ ...policeRequest, escalationLevel: 1, nextEscalationAt: at(7, '16:00') }, { ...policeRequest, agency: 'health' }] as ReferralSummary['informationRequests'] },
    ],
    [
      'information provided late',
      gathering,
      policeAnswered,
      { informationRequests: [{ ...policeRequest, status: 'answered', answeredAt: at(7, '14:00'), late: true }, { ...policeRequest, agency: 'health' }] as ReferralSummary['informationRequests'] },
    ],
    [
      'an addition keeps the first answer',
      [...gathering, policeAnswered],
      policeAddition,
      { informationRequests: [{ ...policeRequest, status: 'answered', answeredAt: at(7, '14:00'), late: true }, { ...policeRequest, agency: 'health' }] as ReferralSummary['informationRequests'] },
    ],
    [
      'information gathering closed early',
      [...gathering, healthAnswered],
      gatheringClosedEarly,
      {
        stage: 'strategy-discussion',
        informationRequests: [
          { ...policeRequest, status: 'closed-unanswered' },
          { ...policeRequest, agency: 'health', status: 'answered', answeredAt: at(7, '10:00'), late: false },
        ] as ReferralSummary['informationRequests'],
      },
    ],
    [
      'strategy discussion scheduled for immediate risk',
      [immediateRiskReceived],
      discussionScheduled,
      { stage: 'strategy-discussion', rag: 'red', strategyDiscussion: { dueAt: at(6, '17:15'), heldAt: null, minutesSinceReferral: null } },
    ],
    [
      'strategy discussion held',
      inDiscussion,
      discussionHeld,
      {
        strategyDiscussion: { dueAt: null, heldAt: at(8, '10:00'), minutesSinceReferral: 2925 },
        decision: { source: 'strategy', decision: 'section-47-enquiry', ...decisionBy(practitioner, at(8, '10:00')) } as ReferralSummary['decision'],
        agreedActions: discussionHeld.data.actions,
      },
    ],
    [
      'outcome decided with agreed actions',
      [...awaitingStrategyAuthorisation, strategyAuthorised],
      strategyOutcome,
      {
        stage: 'action-follow-up',
        outcome: { decision: 'section-47-enquiry', source: 'strategy', decidedAt: at(8, '11:00') },
        actions: [openAction('a-1', 'Joint visit', 'police'), openAction('a-2', 'Health check', 'health')] as ReferralSummary['actions'],
        agreedActions: [],
      },
    ],
    ['referrer notified (nothing shown)', [...awaitingStrategyAuthorisation, strategyAuthorised, strategyOutcome], referrerTold, {}],
    [
      'action reminded',
      followingUp,
      actionReminded,
      { actions: [{ ...openAction('a-1', 'Joint visit', 'police'), remindedAt: at(9, '10:00') }, openAction('a-2', 'Health check', 'health')] as ReferralSummary['actions'] },
    ],
    [
      'action escalated',
      followingUp,
      actionEscalated,
      { actions: [{ ...openAction('a-1', 'Joint visit', 'police'), escalationLevel: 1, nextEscalationAt: null }, openAction('a-2', 'Health check', 'health')] as ReferralSummary['actions'] },
    ],
    [
      'action completed late',
      followingUp,
      actionCompleted,
      { actions: [{ ...openAction('a-1', 'Joint visit', 'police'), status: 'completed', completedAt: at(10, '12:00'), late: true }, openAction('a-2', 'Health check', 'health')] as ReferralSummary['actions'] },
    ],
    [
      'action cancelled',
      followingUp,
      actionCancelled,
      { actions: [openAction('a-1', 'Joint visit', 'police'), { ...openAction('a-2', 'Health check', 'health'), status: 'cancelled', cancelledAt: at(9, '12:00') }] as ReferralSummary['actions'] },
    ],
    ['referral closed', [...followingUp, actionCompleted, actionCancelled], closed, { stage: 'closed', closedAt: at(10, '12:00'), challengeableUntil: at(24, '12:00') }],
    ['challenge raised', closedAfterActions, challengeRaised, { stage: 'awaiting-authorisation', challenge: { raisedAt: at(13, '09:00'), resolvedAt: null, upheld: null } }],
    ['challenge upheld', challenged, challengeUpheld, { stage: 'closed', authorisation: null, challenge: { raisedAt: at(13, '09:00'), resolvedAt: at(13, '10:00'), upheld: true } }],
    [
      'challenge not upheld re-opens the strategy discussion',
      challenged,
      challengeReopensDiscussion,
      {
        stage: 'strategy-discussion',
        authorisation: null,
        challenge: { raisedAt: at(13, '09:00'), resolvedAt: at(13, '10:00'), upheld: false },
        decision: null,
        agreedActions: [],
        outcome: null,
        closedAt: null,
        challengeableUntil: null,
      },
    ],
  ])('%s', (_name, history, event, changed) => {
    const { before, when } = given(history);
    const { event: applied, after } = when(event);
    expect(after).toEqual({ ...before, ...changed, streamVersion: applied.streamVersion, lastEventId: applied.id });
  });

  it('a challenge re-opening triage starts its clock again, due when the event says', () => {
    const { before, when } = given([...awaitingTriageAuthorisation, triageAuthorised, triageOutcome, referrerTold, closed, challengeRaised, challengeAuthorisation]);
    const { after } = when(challengeReopensTriage);
    expect(after).toMatchObject({
      stage: 'awaiting-triage',
      triage: { awaitedSince: at(13, '10:00'), dueAt: at(14, '10:00'), escalationLevel: 0, nextEscalationAt: at(14, '10:00') },
      decision: null,
      outcome: null,
      closedAt: null,
      challenge: { upheld: false },
    });
    expect(before.stage).toBe('awaiting-authorisation');
  });

  describe('redeliveries', () => {
    const stream = inOrder(...challenged, challengeUpheld);
    const final = project(stream)!;

    it.each(stream.map((event) => [event.type, event] as const))('%s delivered again changes nothing', (_type, event) => {
      expect(evolve(final, event)).toBe(final);
    });

    it('an unknown type changes nothing, even at a later stream version', () => {
      const later = { ...versioned(triageAwaited, 99), type: 'mash.referral.rated.v1' } as IntegrationEvent;
      expect(evolve(final, later)).toBe(final);
    });

    it('a disclosure onward changes nothing the summary shows but its stream version', () => {
      const disclosed = published(T.disclosureRecorded, {
        recipientAgency: 'education',
        decision: 'disclosed',
        what: { responseIds: [], outcome: true, decision: false },
        lawfulBasis: 'children-act-2004-s11',
        disclosedAt: at(20, '10:00'),
        by: manager,
      });
      const next = evolve(final, versioned(disclosed, final.streamVersion + 1))!;
      expect({ ...next, streamVersion: final.streamVersion, lastEventId: final.lastEventId }).toEqual(final);
      expect(next.streamVersion).toBe(final.streamVersion + 1);
    });

    it('replaying the whole stream twice gives the same row as once', () => {
      expect(project([...stream, ...stream])).toEqual(final);
    });
  });

  // The stage after each event of a whole referral, as the decider moves it.
  const stagesOf = (events: IntegrationEvent[]) => {
    const stages: ReferralStage[] = [];
    events.reduce((row: ReferralSummary | null, event) => {
      const next = evolve(row, event)!;
      stages.push(next.stage);
      return next;
    }, null);
    return stages;
  };

  it.each<[string, IntegrationEvent[], ReferralStage[]]>([
    [
      'happy path: triage, gathering, discussion, actions, closed',
      [...awaitingTriage, triageDecided, triageAuthorisation, triageAuthorised, policeAsked, healthAsked, healthAnswered, policeAnswered, gatheringComplete,
        discussionHeld, strategyAuthorisation, strategyAuthorised, strategyOutcome, referrerTold, actionCompleted, actionCancelled, closed],
      ['received', 'awaiting-triage', 'awaiting-authorisation', 'awaiting-authorisation', 'awaiting-authorisation', 'information-gathering', 'information-gathering',
        'information-gathering', 'information-gathering', 'strategy-discussion', 'strategy-discussion', 'awaiting-authorisation', 'awaiting-authorisation',
        'action-follow-up', 'action-follow-up', 'action-follow-up', 'action-follow-up', 'closed'],
    ],
    [
      'an outcome at triage closes at once',
      [...awaitingTriage, outcomeOnlyTriage, triageAuthorisation, triageAuthorised, triageOutcome, referrerTold, closed],
      ['received', 'awaiting-triage', 'awaiting-authorisation', 'awaiting-authorisation', 'awaiting-authorisation', 'action-follow-up', 'action-follow-up', 'closed'],
    ],
    [
      'immediate risk: discussion scheduled, agencies asked alongside',
      [immediateRiskReceived, discussionScheduled, policeAsked, healthAsked, healthAnswered, gatheringClosedEarly, discussionHeld, strategyAuthorisation,
        strategyAuthorised, strategyOutcome, referrerTold],
      ['received', 'strategy-discussion', 'strategy-discussion', 'strategy-discussion', 'strategy-discussion', 'strategy-discussion', 'strategy-discussion',
        'awaiting-authorisation', 'awaiting-authorisation', 'action-follow-up', 'action-follow-up'],
    ],
    [
      'returned triage, decided again',
      [...awaitingTriageAuthorisation, triageReturned, triageDecided, triageAuthorisation],
      ['received', 'awaiting-triage', 'awaiting-authorisation', 'awaiting-authorisation', 'awaiting-triage', 'awaiting-authorisation', 'awaiting-authorisation'],
    ],
    [
      'challenge re-opened: back to the discussion, decided again, closed again',
      [...challenged, challengeReopensDiscussion, discussionHeld, strategyAuthorisation, strategyAuthorised, strategyOutcome, referrerTold],
      [...stagesOf(inOrder(...challenged)), 'strategy-discussion', 'strategy-discussion', 'awaiting-authorisation', 'awaiting-authorisation', 'action-follow-up', 'action-follow-up'],
    ],
    [
      'challenge upheld: closed as before',
      [...challenged, challengeUpheld],
      [...stagesOf(inOrder(...closedAfterActions)), 'awaiting-authorisation', 'awaiting-authorisation', 'closed'],
    ],
  ])('%s', (_name, events, stages) => {
    expect(stagesOf(inOrder(...events))).toEqual(stages);
  });

  it("a re-opened decision's actions replace those of the same id that the re-opening cancelled", () => {
    const reopened = published(T.actionCancelled, { actionId: 'a-1', cancelledAt: at(13, '10:00'), by: manager });
    const row = project(inOrder(...challenged, challengeReopensDiscussion, reopened, discussionHeld, strategyAuthorisation, strategyAuthorised, strategyOutcome))!;
    expect(row.actions.map((a) => [a.actionId, a.status])).toEqual([
      ['a-1', 'open'],
      ['a-2', 'open'],
    ]);
    expect(row.challenge).toEqual({ raisedAt: at(13, '09:00'), resolvedAt: at(13, '10:00'), upheld: false });
  });
});

