import type { ActorV1, AuthorisationKindV1 } from '@app/messaging';
import type { ReferralStage } from '@app/workflow-contracts';

export type { ReferralStage };

export type DecisionSource = 'triage' | 'strategy';

/** The latest decision, from its recording to a manager authorising or returning it. */
export interface SummaryDecision {
  source: DecisionSource;
  decision: string;
  status: 'waiting-authorisation' | 'authorised' | 'returned';
  decidedAt: string;
  decidedBy: ActorV1;
  authorisedAt: string | null;
  authorisedBy: ActorV1 | null;
  returnedAt: string | null;
  returnedBy: ActorV1 | null;
}

export interface SummaryAgreedAction {
  actionId: string;
  description: string;
  owningAgency: string;
  dueAt: string;
}

/** A decision or challenge waiting for a manager. */
export interface SummaryAuthorisation {
  kind: AuthorisationKindV1;
  requestedAt: string;
  dueAt: string;
  escalationLevel: number;
  nextEscalationAt: string | null;
}

export interface SummaryInformationRequest {
  agency: string;
  rag: string;
  requestedAt: string;
  dueAt: string;
  status: 'open' | 'answered' | 'closed-unanswered';
  /** The first answer; additions after it do not move it. */
  answeredAt: string | null;
  /** Whether the first answer came after the due time; null until answered. */
  late: boolean | null;
  escalationLevel: number;
  nextEscalationAt: string | null;
  remindedAt: string | null;
}

export interface SummaryAction {
  actionId: string;
  description: string;
  owningAgency: string;
  dueAt: string;
  status: 'open' | 'completed' | 'cancelled';
  completedAt: string | null;
  cancelledAt: string | null;
  /** Whether it was completed after its due time; null until completed. */
  late: boolean | null;
  escalationLevel: number;
  nextEscalationAt: string | null;
  remindedAt: string | null;
}

export interface SummaryStrategyDiscussion {
  /** Set when it was scheduled (immediate risk); null when it follows information gathering. */
  dueAt: string | null;
  heldAt: string | null;
  minutesSinceReferral: number | null;
}

export interface SummaryOutcome {
  decision: string;
  source: DecisionSource;
  decidedAt: string;
}

export interface SummaryChallenge {
  raisedAt: string;
  resolvedAt: string | null;
  /** Null until resolved. */
  upheld: boolean | null;
}

/** One row of referral_summary, in the projection's own words. */
export interface ReferralSummary {
  referralId: string;
  hubId: string;
  stage: ReferralStage;
  subjectType: 'child' | 'adult';
  subjectDisplayName: string;
  subjectDateOfBirth: string | null;
  subjectAgeBand: string | null;
  referrerAgency: string;
  concernCategories: string[];
  immediateRisk: boolean;
  householdSize: number;
  receivedAt: string;
  rag: string | null;
  triage: {
    awaitedSince: string | null;
    /** From TriageAwaitedV1, or the fresh one when a challenge re-opens triage; null before the hub policy applied. */
    dueAt: string | null;
    escalationLevel: number;
    nextEscalationAt: string | null;
  };
  decision: SummaryDecision | null;
  /** Actions a strategy decision agreed, waiting for its authorisation. */
  agreedActions: SummaryAgreedAction[];
  authorisation: SummaryAuthorisation | null;
  informationRequests: SummaryInformationRequest[];
  strategyDiscussion: SummaryStrategyDiscussion | null;
  outcome: SummaryOutcome | null;
  actions: SummaryAction[];
  closedAt: string | null;
  challengeableUntil: string | null;
  challenge: SummaryChallenge | null;
  /** Highest stream version applied; anything at or below it is a redelivery. */
  streamVersion: number;
  lastEventId: string;
}
