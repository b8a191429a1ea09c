import type { ReferralEvent, ReferralEventType, ReferralReceived, TriageAwaited } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { INTEGRATION_EVENT_SOURCE, INTEGRATION_SPEC_VERSION, type IntegrationEvent } from './integration-event';
import {
  REFERRAL_INTEGRATION_TYPES,
  type ReferralIntegrationEvent,
  type ReferralReceivedV1Data,
  type TriageAwaitedV1Data,
} from './referral-integration-events';

type Recorded<E extends ReferralEvent> = RecordedEvent<E['type'], E['data']>;

function envelope<Type extends string, Data>(event: RecordedEvent, type: Type, referralId: string, data: Data) {
  return {
    specVersion: INTEGRATION_SPEC_VERSION,
    id: event.eventId,
    type,
    source: INTEGRATION_EVENT_SOURCE,
    referralId,
    hubId: event.hubId,
    streamVersion: event.streamVersion,
    position: event.position.globalPosition.toString(),
    occurredAt: event.recordedAt.toISOString(),
    policyVersion: event.metadata.policyVersion ?? null,
    correlationId: event.metadata.correlationId,
    data,
  } satisfies IntegrationEvent<Type, Data>;
}

function referralReceived(event: Recorded<ReferralReceived>): ReferralIntegrationEvent {
  const { data } = event;
  const published: ReferralReceivedV1Data = {
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
  };
  return envelope(event, REFERRAL_INTEGRATION_TYPES.received, data.referralId, published);
}

function triageAwaited(event: Recorded<TriageAwaited>): ReferralIntegrationEvent {
  const published: TriageAwaitedV1Data = { since: event.data.since };
  return envelope(event, REFERRAL_INTEGRATION_TYPES.triageAwaited, event.data.referralId, published);
}

/**
 * The one place where domain events become public ones. Every domain event type must appear
 * here (the compiler checks): either mapped, or `null` when it is deliberately not published.
 */
const PUBLISHED: {
  [Type in ReferralEventType]: ((event: Recorded<Extract<ReferralEvent, { type: Type }>>) => ReferralIntegrationEvent) | null;
} = {
  ReferralReceived: referralReceived,
  TriageAwaited: triageAwaited,
  // Lifecycle events (issue 4): not published yet; each gets a versioned integration event later.
  TriageEscalated: null,
  TriageDecisionRecorded: null,
  AuthorisationRequested: null,
  AuthorisationEscalated: null,
  DecisionAuthorised: null,
  DecisionReturned: null,
  RagReRated: null,
  InformationRequestDueTimeMoved: null,
  InformationRequested: null,
  InformationRequestReminded: null,
  InformationRequestEscalated: null,
  InformationProvided: null,
  InformationGatheringClosed: null,
  StrategyDiscussionScheduled: null,
  StrategyDiscussionHeld: null,
  OutcomeDecided: null,
  ReferrerNotified: null,
  ReferralClosed: null,
  ActionReminded: null,
  ActionEscalated: null,
  ActionCompleted: null,
  ActionCancelled: null,
  ChallengeRaised: null,
  ChallengeResolved: null,
};

/** The integration event for a stored event, or undefined when that event is not published. */
export function toIntegrationEvent(event: RecordedEvent): ReferralIntegrationEvent | undefined {
  if (!Object.hasOwn(PUBLISHED, event.type)) return undefined;
  const map = PUBLISHED[event.type as ReferralEventType] as ((e: RecordedEvent) => ReferralIntegrationEvent) | null;
  return map ? map(event) : undefined;
}
