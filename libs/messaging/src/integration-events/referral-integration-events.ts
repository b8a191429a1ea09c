import type { Agency, AgeBand, ConcernCategory, ConsentStatus, LawfulBasis, Sensitivity, SubjectType } from '@app/domain';
import type { IntegrationEvent } from './integration-event';

/** Public type names, one per published fact and version. */
export const REFERRAL_INTEGRATION_TYPES = {
  received: 'mash.referral.received.v1',
  triageAwaited: 'mash.referral.triage-awaited.v1',
  triageEscalated: 'mash.referral.triage-escalated.v1',
  triageDecided: 'mash.referral.triage-decided.v1',
  authorisationRequested: 'mash.referral.authorisation-requested.v1',
  authorisationEscalated: 'mash.referral.authorisation-escalated.v1',
  decisionAuthorised: 'mash.referral.decision-authorised.v1',
  decisionReturned: 'mash.referral.decision-returned.v1',
  ragReRated: 'mash.referral.rag-re-rated.v1',
  informationRequested: 'mash.referral.information-requested.v1',
  informationRequestDueTimeMoved: 'mash.referral.information-request-due-time-moved.v1',
  informationRequestReminded: 'mash.referral.information-request-reminded.v1',
  informationRequestEscalated: 'mash.referral.information-request-escalated.v1',
  informationProvided: 'mash.referral.information-provided.v1',
  informationGatheringClosed: 'mash.referral.information-gathering-closed.v1',
  strategyDiscussionScheduled: 'mash.referral.strategy-discussion-scheduled.v1',
  strategyDiscussionHeld: 'mash.referral.strategy-discussion-held.v1',
  outcomeDecided: 'mash.referral.outcome-decided.v1',
  referrerNotified: 'mash.referral.referrer-notified.v1',
  closed: 'mash.referral.closed.v1',
  actionReminded: 'mash.referral.action-reminded.v1',
  actionEscalated: 'mash.referral.action-escalated.v1',
  actionCompleted: 'mash.referral.action-completed.v1',
  actionCancelled: 'mash.referral.action-cancelled.v1',
  challengeRaised: 'mash.referral.challenge-raised.v1',
  challengeResolved: 'mash.referral.challenge-resolved.v1',
  disclosureRecorded: 'mash.referral.disclosure-recorded.v1',
} as const;

export type ReferralIntegrationType = (typeof REFERRAL_INTEGRATION_TYPES)[keyof typeof REFERRAL_INTEGRATION_TYPES];

/**
 * What a subscriber learns of a new referral: enough to route and count it. The narrative,
 * addresses, contact details and household members' names stay in the platform and are shared
 * case by case under the hub's information sharing agreement.
 */
export interface ReferralReceivedV1Data {
  receivedAt: string;
  referrer: { agency: Agency; role: string | null };
  subject: {
    type: SubjectType;
    givenName: string;
    familyName: string;
    dateOfBirth: string | null;
    ageBand: AgeBand | null;
  };
  concernCategories: ConcernCategory[];
  immediateRisk: boolean;
  /** People in the subject's household, the subject included. */
  householdSize: number;
  consent: { status: ConsentStatus; familyAware: boolean };
}

export interface TriageAwaitedV1Data {
  since: string;
  /** When the triage decision is due under the hub policy; null for referrals from before it applied. */
  dueAt: string | null;
}

/**
 * Lifecycle events. What they publish: ids, agencies, RAG codes, decision codes, instants,
 * escalation levels and the acting staff member (user id and agency). What they never publish:
 * free text that may hold case detail (rationales, response summaries, notes, reasons for
 * absence or cancellation, challenge reasons) and the referrer's contact details; those stay
 * in the event store and reach people through the API under the hub's sharing rules.
 * Agreed actions' descriptions are published: the owning agency's systems need to know the task.
 */
export interface ActorV1 {
  userId: string;
  agency: Agency;
}

/** An escalation rung reached: who is told (roles, and the agency whose contact it is). */
export interface EscalationV1 {
  level: number;
  notified: { role: string; agency: Agency | null }[];
  escalatedAt: string;
  nextEscalationAt: string | null;
}

export type AuthorisationKindV1 = 'triage' | 'strategy' | 'challenge';

export interface TriageEscalatedV1Data extends EscalationV1 {}
export interface TriageDecidedV1Data {
  rag: string;
  decision: string;
  decidedAt: string;
  by: ActorV1;
}
export interface AuthorisationRequestedV1Data {
  kind: AuthorisationKindV1;
  requestedAt: string;
  dueAt: string;
}
export interface AuthorisationEscalatedV1Data extends EscalationV1 {
  kind: AuthorisationKindV1;
}
export interface DecisionAuthorisedV1Data {
  kind: 'triage' | 'strategy';
  decision: string;
  authorisedAt: string;
  by: ActorV1;
}
export interface DecisionReturnedV1Data {
  kind: 'triage' | 'strategy';
  decision: string;
  returnedAt: string;
  by: ActorV1;
}
export interface RagReRatedV1Data {
  from: string;
  to: string;
  reRatedAt: string;
  by: ActorV1;
}
export interface InformationRequestedV1Data {
  agency: Agency;
  rag: string;
  requestedAt: string;
  dueAt: string;
  remindAt: string | null;
}
export interface InformationRequestDueTimeMovedV1Data {
  agency: Agency;
  rag: string;
  dueAt: string;
  remindAt: string | null;
  nextEscalationAt: string | null;
  movedAt: string;
}
export interface InformationRequestRemindedV1Data {
  agency: Agency;
  remindedAt: string;
  dueAt: string;
}
export interface InformationRequestEscalatedV1Data extends EscalationV1 {
  agency: Agency;
}
/** That an agency answered, when, and whether on time; never what it said. */
export interface InformationProvidedV1Data {
  agency: Agency;
  responseId: string;
  providedAt: string;
  dueAt: string;
  late: boolean;
  addition: boolean;
  by: ActorV1;
  /** 'held-not-shared': the agency holds information but did not share it (an answer all the same). */
  sharing: 'shared' | 'held-not-shared';
  /** Who may read what was shared under the hub's agreement; null when nothing was shared. */
  sensitivity: Sensitivity | null;
  /** A code from the closed list; 'not-recorded' for responses recorded before sharing decisions. */
  lawfulBasis: LawfulBasis | 'not-recorded';
}
export interface InformationGatheringClosedV1Data {
  early: boolean;
  unanswered: Agency[];
  closedAt: string;
  /** Null when gathering completed by itself (every agency answered). */
  by: ActorV1 | null;
}
export interface StrategyDiscussionScheduledV1Data {
  reason: 'immediate-risk';
  rag: string;
  scheduledAt: string;
  dueAt: string;
}
export interface AgreedActionV1 {
  actionId: string;
  description: string;
  owningAgency: Agency;
  dueAt: string;
}
export interface StrategyDiscussionHeldV1Data {
  heldAt: string;
  minutesSinceReferral: number;
  attendingAgencies: Agency[];
  absentAgencies: Agency[];
  decision: string;
  actions: AgreedActionV1[];
  by: ActorV1;
}
export interface OutcomeDecidedV1Data {
  source: 'triage' | 'strategy';
  decision: string;
  rag: string;
  decidedAt: string;
  authorisedBy: ActorV1;
}
/** That the referrer was told, and what about; never their contact details. */
export interface ReferrerNotifiedV1Data {
  about: 'outcome' | 'challenge-upheld' | 'challenge-reopened';
  decision: string;
  notifiedAt: string;
}
export interface ReferralClosedV1Data {
  outcome: string;
  closedAt: string;
  challengeableUntil: string;
}
export interface ActionRemindedV1Data {
  actionId: string;
  owningAgency: Agency;
  remindedAt: string;
  dueAt: string;
}
export interface ActionEscalatedV1Data extends EscalationV1 {
  actionId: string;
  owningAgency: Agency;
}
export interface ActionCompletedV1Data {
  actionId: string;
  completedAt: string;
  late: boolean;
  by: ActorV1;
}
export interface ActionCancelledV1Data {
  actionId: string;
  cancelledAt: string;
  by: ActorV1;
}
export interface ChallengeRaisedV1Data {
  outcome: string;
  raisedAt: string;
  by: ActorV1;
}
/**
 * A disclosure onward (or a decision not to disclose) with its basis: who it went to only as
 * an agency, never the reason or the recipient's organisation and role (free text).
 */
export interface DisclosureRecordedV1Data {
  /** Null when the recipient is not one of the platform's agencies. */
  recipientAgency: Agency | null;
  decision: 'disclosed' | 'not-disclosed';
  what: { responseIds: string[]; outcome: boolean; decision: boolean };
  lawfulBasis: LawfulBasis;
  disclosedAt: string;
  by: ActorV1;
}
export interface ChallengeResolvedV1Data {
  upheld: boolean;
  /** Upheld: where the referral resumes. */
  resumes: 'ActionFollowUp' | 'Closed' | null;
  /** Not upheld: where the decision is taken again. */
  reopens: 'AwaitingTriage' | 'StrategyDiscussion' | null;
  /** Re-opened to triage: the fresh triage due time. */
  triageDueAt: string | null;
  resolvedAt: string;
  by: ActorV1;
}

type Types = typeof REFERRAL_INTEGRATION_TYPES;
type Published<Key extends keyof Types, Data> = IntegrationEvent<Types[Key], Data>;

export type ReferralReceivedV1 = IntegrationEvent<typeof REFERRAL_INTEGRATION_TYPES.received, ReferralReceivedV1Data>;
export type TriageAwaitedV1 = IntegrationEvent<typeof REFERRAL_INTEGRATION_TYPES.triageAwaited, TriageAwaitedV1Data>;

export type TriageEscalatedV1 = Published<'triageEscalated', TriageEscalatedV1Data>;
export type TriageDecidedV1 = Published<'triageDecided', TriageDecidedV1Data>;
export type AuthorisationRequestedV1 = Published<'authorisationRequested', AuthorisationRequestedV1Data>;
export type AuthorisationEscalatedV1 = Published<'authorisationEscalated', AuthorisationEscalatedV1Data>;
export type DecisionAuthorisedV1 = Published<'decisionAuthorised', DecisionAuthorisedV1Data>;
export type DecisionReturnedV1 = Published<'decisionReturned', DecisionReturnedV1Data>;
export type RagReRatedV1 = Published<'ragReRated', RagReRatedV1Data>;
export type InformationRequestedV1 = Published<'informationRequested', InformationRequestedV1Data>;
export type InformationRequestDueTimeMovedV1 = Published<'informationRequestDueTimeMoved', InformationRequestDueTimeMovedV1Data>;
export type InformationRequestRemindedV1 = Published<'informationRequestReminded', InformationRequestRemindedV1Data>;
export type InformationRequestEscalatedV1 = Published<'informationRequestEscalated', InformationRequestEscalatedV1Data>;
export type InformationProvidedV1 = Published<'informationProvided', InformationProvidedV1Data>;
export type InformationGatheringClosedV1 = Published<'informationGatheringClosed', InformationGatheringClosedV1Data>;
export type StrategyDiscussionScheduledV1 = Published<'strategyDiscussionScheduled', StrategyDiscussionScheduledV1Data>;
export type StrategyDiscussionHeldV1 = Published<'strategyDiscussionHeld', StrategyDiscussionHeldV1Data>;
export type OutcomeDecidedV1 = Published<'outcomeDecided', OutcomeDecidedV1Data>;
export type ReferrerNotifiedV1 = Published<'referrerNotified', ReferrerNotifiedV1Data>;
export type ReferralClosedV1 = Published<'closed', ReferralClosedV1Data>;
export type ActionRemindedV1 = Published<'actionReminded', ActionRemindedV1Data>;
export type ActionEscalatedV1 = Published<'actionEscalated', ActionEscalatedV1Data>;
export type ActionCompletedV1 = Published<'actionCompleted', ActionCompletedV1Data>;
export type ActionCancelledV1 = Published<'actionCancelled', ActionCancelledV1Data>;
export type ChallengeRaisedV1 = Published<'challengeRaised', ChallengeRaisedV1Data>;
export type ChallengeResolvedV1 = Published<'challengeResolved', ChallengeResolvedV1Data>;
export type DisclosureRecordedV1 = Published<'disclosureRecorded', DisclosureRecordedV1Data>;

export type ReferralIntegrationEvent =
  | ReferralReceivedV1
  | TriageAwaitedV1
  | TriageEscalatedV1
  | TriageDecidedV1
  | AuthorisationRequestedV1
  | AuthorisationEscalatedV1
  | DecisionAuthorisedV1
  | DecisionReturnedV1
  | RagReRatedV1
  | InformationRequestedV1
  | InformationRequestDueTimeMovedV1
  | InformationRequestRemindedV1
  | InformationRequestEscalatedV1
  | InformationProvidedV1
  | InformationGatheringClosedV1
  | StrategyDiscussionScheduledV1
  | StrategyDiscussionHeldV1
  | OutcomeDecidedV1
  | ReferrerNotifiedV1
  | ReferralClosedV1
  | ActionRemindedV1
  | ActionEscalatedV1
  | ActionCompletedV1
  | ActionCancelledV1
  | ChallengeRaisedV1
  | ChallengeResolvedV1
  | DisclosureRecordedV1;
