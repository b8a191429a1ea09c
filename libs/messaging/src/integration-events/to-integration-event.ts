import type {
  ActionCancelled,
  ActionCompleted,
  ActionEscalated,
  ActionReminded,
  Actor,
  AuthorisationEscalated,
  AuthorisationRequested,
  ChallengeRaised,
  ChallengeResolved,
  DecisionAuthorised,
  DecisionReturned,
  DisclosureRecorded,
  InformationGatheringClosed,
  InformationProvided,
  InformationRequestDueTimeMoved,
  InformationRequestEscalated,
  InformationRequested,
  InformationRequestReminded,
  Notified,
  OutcomeDecided,
  RagReRated,
  ReferralClosed,
  ReferralEvent,
  ReferralEventType,
  ReferralReceived,
  ReferrerNotified,
  StrategyDiscussionHeld,
  StrategyDiscussionScheduled,
  TriageAwaited,
  TriageDecisionRecorded,
  TriageEscalated,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { INTEGRATION_EVENT_SOURCE, INTEGRATION_SPEC_VERSION, type IntegrationEvent } from './integration-event';
import * as V1 from './referral-integration-events';

const TYPES = V1.REFERRAL_INTEGRATION_TYPES;

type Recorded<E extends ReferralEvent> = RecordedEvent<E['type'], E['data']>;

/**
 * Wraps published data in the envelope. The caller names the public event `P`, so a field the
 * contract does not list (a rationale, say) fails to compile instead of reaching Kafka.
 */
function publish<P extends V1.ReferralIntegrationEvent>(event: Recorded<ReferralEvent>, type: P['type'], data: P['data']): P {
  const published: IntegrationEvent<P['type'], P['data']> = {
    specVersion: INTEGRATION_SPEC_VERSION,
    id: event.eventId,
    type,
    source: INTEGRATION_EVENT_SOURCE,
    referralId: event.data.referralId,
    hubId: event.hubId,
    streamVersion: event.streamVersion,
    position: event.position.globalPosition.toString(),
    occurredAt: event.recordedAt.toISOString(),
    policyVersion: event.metadata.policyVersion ?? null,
    correlationId: event.metadata.correlationId,
    data,
  };
  return published as P;
}

// Copied field by field: whatever the domain adds to these later stays in the platform.
const actor = ({ userId, agency }: Actor): V1.ActorV1 => ({ userId, agency });
const notified = (notify: Notified[]): V1.EscalationV1['notified'] => notify.map((n) => ({ role: n.role, agency: n.agency ?? null }));
const escalation = (d: { level: number; notify: Notified[]; escalatedAt: string; nextEscalationAt: string | null }): V1.EscalationV1 => ({
  level: d.level,
  notified: notified(d.notify),
  escalatedAt: d.escalatedAt,
  nextEscalationAt: d.nextEscalationAt,
});

function referralReceived(event: Recorded<ReferralReceived>) {
  const { data } = event;
  return publish<V1.ReferralReceivedV1>(event, TYPES.received, {
    receivedAt: data.receivedAt,
    referrer: { agency: data.referrer.agency, role: data.referrer.role ?? null },
    subject: {
      type: data.subject.type,
      givenName: data.subject.givenName,
      familyName: data.subject.familyName,
      dateOfBirth: data.subject.dateOfBirth ?? null,
      ageBand: data.subject.ageBand ?? null,
    },
    concernCategories: [...data.concernCategories],
    immediateRisk: data.immediateRisk,
    householdSize: data.householdMembers.length + 1,
    consent: { status: data.consent.status, familyAware: data.consent.familyAware },
  });
}

const triageAwaited = (e: Recorded<TriageAwaited>) => publish<V1.TriageAwaitedV1>(e, TYPES.triageAwaited, { since: e.data.since, dueAt: e.data.dueAt ?? null });

const triageEscalated = (e: Recorded<TriageEscalated>) => publish<V1.TriageEscalatedV1>(e, TYPES.triageEscalated, escalation(e.data));

function triageDecided(e: Recorded<TriageDecisionRecorded>) {
  const { rag, decision, decidedAt, by } = e.data;
  return publish<V1.TriageDecidedV1>(e, TYPES.triageDecided, { rag, decision, decidedAt, by: actor(by) });
}

function authorisationRequested(e: Recorded<AuthorisationRequested>) {
  const { kind, requestedAt, dueAt } = e.data;
  return publish<V1.AuthorisationRequestedV1>(e, TYPES.authorisationRequested, { kind, requestedAt, dueAt });
}

const authorisationEscalated = (e: Recorded<AuthorisationEscalated>) =>
  publish<V1.AuthorisationEscalatedV1>(e, TYPES.authorisationEscalated, { kind: e.data.kind, ...escalation(e.data) });

function decisionAuthorised(e: Recorded<DecisionAuthorised>) {
  const { kind, decision, authorisedAt, by } = e.data;
  return publish<V1.DecisionAuthorisedV1>(e, TYPES.decisionAuthorised, { kind, decision, authorisedAt, by: actor(by) });
}

function decisionReturned(e: Recorded<DecisionReturned>) {
  const { kind, decision, returnedAt, by } = e.data;
  return publish<V1.DecisionReturnedV1>(e, TYPES.decisionReturned, { kind, decision, returnedAt, by: actor(by) });
}

function ragReRated(e: Recorded<RagReRated>) {
  const { from, to, reRatedAt, by } = e.data;
  return publish<V1.RagReRatedV1>(e, TYPES.ragReRated, { from, to, reRatedAt, by: actor(by) });
}

function informationRequested(e: Recorded<InformationRequested>) {
  const { agency, rag, requestedAt, dueAt, remindAt } = e.data;
  return publish<V1.InformationRequestedV1>(e, TYPES.informationRequested, { agency, rag, requestedAt, dueAt, remindAt });
}

function informationRequestDueTimeMoved(e: Recorded<InformationRequestDueTimeMoved>) {
  const { agency, rag, dueAt, remindAt, nextEscalationAt, movedAt } = e.data;
  return publish<V1.InformationRequestDueTimeMovedV1>(e, TYPES.informationRequestDueTimeMoved, {
    agency,
    rag,
    dueAt,
    remindAt,
    nextEscalationAt,
    movedAt,
  });
}

function informationRequestReminded(e: Recorded<InformationRequestReminded>) {
  const { agency, remindedAt, dueAt } = e.data;
  return publish<V1.InformationRequestRemindedV1>(e, TYPES.informationRequestReminded, { agency, remindedAt, dueAt });
}

const informationRequestEscalated = (e: Recorded<InformationRequestEscalated>) =>
  publish<V1.InformationRequestEscalatedV1>(e, TYPES.informationRequestEscalated, { agency: e.data.agency, ...escalation(e.data) });

/** That an agency answered; the summary of what it said stays in the platform. */
function informationProvided(e: Recorded<InformationProvided>) {
  const { agency, responseId, providedAt, dueAt, late, addition, by } = e.data;
  // The decision and its basis only: the summary, purpose and reason stay on the platform.
  const { sharing } = e.data;
  return publish<V1.InformationProvidedV1>(e, TYPES.informationProvided, {
    agency,
    responseId,
    providedAt,
    dueAt,
    late,
    addition,
    by: actor(by),
    sharing: sharing.decision,
    sensitivity: sharing.decision === 'shared' ? sharing.sensitivity : null,
    lawfulBasis: sharing.lawfulBasis,
  });
}

function informationGatheringClosed(e: Recorded<InformationGatheringClosed>) {
  const { early, unanswered, closedAt, by } = e.data;
  return publish<V1.InformationGatheringClosedV1>(e, TYPES.informationGatheringClosed, {
    early,
    unanswered: [...unanswered],
    closedAt,
    by: by ? actor(by) : null,
  });
}

function strategyDiscussionScheduled(e: Recorded<StrategyDiscussionScheduled>) {
  const { reason, rag, scheduledAt, dueAt } = e.data;
  return publish<V1.StrategyDiscussionScheduledV1>(e, TYPES.strategyDiscussionScheduled, { reason, rag, scheduledAt, dueAt });
}

/** Who came and who did not, by agency only: names, roles and reasons for absence stay here. */
function strategyDiscussionHeld(e: Recorded<StrategyDiscussionHeld>) {
  const d = e.data;
  return publish<V1.StrategyDiscussionHeldV1>(e, TYPES.strategyDiscussionHeld, {
    heldAt: d.heldAt,
    minutesSinceReferral: d.minutesSinceReferral,
    attendingAgencies: d.attendees.map((a) => a.agency),
    absentAgencies: d.absences.map((a) => a.agency),
    decision: d.decision,
    actions: d.actions.map(({ actionId, description, owningAgency, dueAt }) => ({ actionId, description, owningAgency, dueAt })),
    by: actor(d.by),
  });
}

function outcomeDecided(e: Recorded<OutcomeDecided>) {
  const { source, decision, rag, decidedAt, authorisedBy } = e.data;
  return publish<V1.OutcomeDecidedV1>(e, TYPES.outcomeDecided, { source, decision, rag, decidedAt, authorisedBy: actor(authorisedBy) });
}

/** That the referrer was told; their name and email stay in the platform. */
function referrerNotified(e: Recorded<ReferrerNotified>) {
  const { about, decision, notifiedAt } = e.data;
  return publish<V1.ReferrerNotifiedV1>(e, TYPES.referrerNotified, { about, decision, notifiedAt });
}

function referralClosed(e: Recorded<ReferralClosed>) {
  const { outcome, closedAt, challengeableUntil } = e.data;
  return publish<V1.ReferralClosedV1>(e, TYPES.closed, { outcome, closedAt, challengeableUntil });
}

function actionReminded(e: Recorded<ActionReminded>) {
  const { actionId, owningAgency, remindedAt, dueAt } = e.data;
  return publish<V1.ActionRemindedV1>(e, TYPES.actionReminded, { actionId, owningAgency, remindedAt, dueAt });
}

const actionEscalated = (e: Recorded<ActionEscalated>) =>
  publish<V1.ActionEscalatedV1>(e, TYPES.actionEscalated, {
    actionId: e.data.actionId,
    owningAgency: e.data.owningAgency,
    ...escalation(e.data),
  });

/** The completion note stays in the platform. */
function actionCompleted(e: Recorded<ActionCompleted>) {
  const { actionId, completedAt, late, by } = e.data;
  return publish<V1.ActionCompletedV1>(e, TYPES.actionCompleted, { actionId, completedAt, late, by: actor(by) });
}

/** The reason stays in the platform (on a re-opened challenge it quotes the manager's rationale). */
function actionCancelled(e: Recorded<ActionCancelled>) {
  const { actionId, cancelledAt, by } = e.data;
  return publish<V1.ActionCancelledV1>(e, TYPES.actionCancelled, { actionId, cancelledAt, by: actor(by) });
}

function challengeRaised(e: Recorded<ChallengeRaised>) {
  const { outcome, raisedAt, by } = e.data;
  return publish<V1.ChallengeRaisedV1>(e, TYPES.challengeRaised, { outcome, raisedAt, by: actor(by) });
}

/** Never the reason, nor the recipient's organisation and role: free text stays in the platform. */
function disclosureRecorded(e: Recorded<DisclosureRecorded>) {
  const { recipient, decision, what, lawfulBasis, disclosedAt, by } = e.data;
  return publish<V1.DisclosureRecordedV1>(e, TYPES.disclosureRecorded, {
    recipientAgency: recipient.agency ?? null,
    decision,
    what: { responseIds: [...what.responseIds], outcome: what.outcome, decision: what.decision },
    lawfulBasis,
    disclosedAt,
    by: actor(by),
  });
}

/** The domain's union becomes one flat shape: the branch not taken is null. */
function challengeResolved(e: Recorded<ChallengeResolved>) {
  const d = e.data;
  const common = { resolvedAt: d.resolvedAt, by: actor(d.by) };
  return publish<V1.ChallengeResolvedV1>(
    e,
    TYPES.challengeResolved,
    d.upheld
      ? { upheld: true, resumes: d.resumes, reopens: null, triageDueAt: null, ...common }
      : { upheld: false, resumes: null, reopens: d.reopens, triageDueAt: d.triageDueAt, ...common },
  );
}

/**
 * The one place where domain events become public ones. Every domain event type must appear
 * here (the compiler checks): either mapped, or `null` when it is deliberately not published.
 * Free text (rationales, summaries, notes, reasons, attendees' names and roles) and the
 * referrer's contact details are never mapped: docs/integration-events.md says why.
 */
const PUBLISHED: {
  [Type in ReferralEventType]: ((event: Recorded<Extract<ReferralEvent, { type: Type }>>) => V1.ReferralIntegrationEvent) | null;
} = {
  ReferralReceived: referralReceived,
  TriageAwaited: triageAwaited,
  TriageEscalated: triageEscalated,
  TriageDecisionRecorded: triageDecided,
  AuthorisationRequested: authorisationRequested,
  AuthorisationEscalated: authorisationEscalated,
  DecisionAuthorised: decisionAuthorised,
  DecisionReturned: decisionReturned,
  RagReRated: ragReRated,
  InformationRequestDueTimeMoved: informationRequestDueTimeMoved,
  InformationRequested: informationRequested,
  InformationRequestReminded: informationRequestReminded,
  InformationRequestEscalated: informationRequestEscalated,
  InformationProvided: informationProvided,
  InformationGatheringClosed: informationGatheringClosed,
  StrategyDiscussionScheduled: strategyDiscussionScheduled,
  StrategyDiscussionHeld: strategyDiscussionHeld,
  OutcomeDecided: outcomeDecided,
  ReferrerNotified: referrerNotified,
  ReferralClosed: referralClosed,
  ActionReminded: actionReminded,
  ActionEscalated: actionEscalated,
  ActionCompleted: actionCompleted,
  ActionCancelled: actionCancelled,
  ChallengeRaised: challengeRaised,
  ChallengeResolved: challengeResolved,
  DisclosureRecorded: disclosureRecorded,
};

/** The integration event for a stored event, or undefined when that event is not published. */
export function toIntegrationEvent(event: RecordedEvent): V1.ReferralIntegrationEvent | undefined {
  if (!Object.hasOwn(PUBLISHED, event.type)) return undefined;
  const map = PUBLISHED[event.type as ReferralEventType] as ((e: RecordedEvent) => V1.ReferralIntegrationEvent) | null;
  return map ? map(event) : undefined;
}
