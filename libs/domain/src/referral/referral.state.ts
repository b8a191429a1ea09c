import type { AuthorisationKind } from './authorisation/authorisation.events';
import type { Actor, EscalationClock } from './lifecycle/lifecycle.types';
import type { Agency, Referrer, SubjectType } from './referral-dataset';
import type { Sensitivity } from './information-gathering/sharing-decision';
import type { AgreedAction } from './strategy-discussion/strategy-discussion.events';

export interface InformationRequestState {
  agency: Agency;
  rag: string;
  requestedAt: string;
  dueAt: string;
  remindAt: string | null;
  reminded: boolean;
  escalation: EscalationClock;
  status: 'open' | 'answered' | 'closed-unanswered';
  responseIds: string[];
}

export interface ActionState extends AgreedAction {
  reminded: boolean;
  escalation: EscalationClock;
  status: 'open' | 'completed' | 'cancelled';
}

/** An agency's answer as the disclosure rules read it. */
export interface ContributionState {
  responseId: string;
  agency: Agency;
  /** Null: held, not shared; the hub holds nothing of it to pass on. */
  sensitivity: Sensitivity | null;
}

/** The decision waiting for authorisation, or the one in force once authorised. */
export interface RecordedDecision {
  source: 'triage' | 'strategy';
  decision: string;
  rationale: string;
  by: Actor;
  actions: AgreedAction[];
}

export interface PendingAuthorisation {
  kind: AuthorisationKind;
  requestedAt: string;
  dueAt: string;
  escalation: EscalationClock;
  /** The stage a challenge was raised at, to resume when the outcome is upheld. */
  resumeTo: 'ActionFollowUp' | 'Closed' | null;
}

/** What is known of a referral from receipt on, whatever its stage. */
export interface ReferralCase {
  referralId: string;
  hubId: string;
  subjectType: SubjectType;
  immediateRisk: boolean;
  receivedAt: string;
  referrer: Pick<Referrer, 'name' | 'agency' | 'email'>;
  rag: string | null;
  triageClock: { dueAt: string; escalation: EscalationClock } | null;
  requests: InformationRequestState[];
  /**
   * Every answer received, in order. Absent from a state a workflow run carried over
   * (continue-as-new) from before disclosures were recorded: read it with contributionsOf.
   */
  contributions?: ContributionState[];
  gathering: 'not-started' | 'open' | 'closed';
  strategyDiscussionDueAt: string | null;
  decision: RecordedDecision | null;
  actions: ActionState[];
  outcome: { decision: string; source: 'triage' | 'strategy'; challenged: boolean } | null;
  closure: { closedAt: string; challengeableUntil: string } | null;
}

export type ReferralState =
  | { status: 'Empty' }
  | (ReferralCase & { status: 'Received' })
  | (ReferralCase & { status: 'AwaitingTriage' })
  | (ReferralCase & { status: 'AwaitingAuthorisation'; authorisation: PendingAuthorisation })
  | (ReferralCase & { status: 'InformationGathering' })
  | (ReferralCase & { status: 'StrategyDiscussion' })
  | (ReferralCase & { status: 'ActionFollowUp' })
  | (ReferralCase & { status: 'Closed' });

export type ReferralStatus = ReferralState['status'];
export type StartedReferral = Exclude<ReferralState, { status: 'Empty' }>;

export const initialState = (): ReferralState => ({ status: 'Empty' });

export const isClosed = (state: ReferralState): boolean => state.status === 'Closed';

export const openRequests = (state: ReferralCase): InformationRequestState[] => state.requests.filter((r) => r.status === 'open');
export const openActions = (state: ReferralCase): ActionState[] => state.actions.filter((a) => a.status === 'open');

/**
 * The answers received. A state carried over from before they were kept knows only the response
 * ids: their sensitivity is unknown, so they read as restricted (the strictest rule applies).
 */
export const contributionsOf = (state: ReferralCase): ContributionState[] =>
  state.contributions ??
  state.requests.flatMap((r) => r.responseIds.map((responseId): ContributionState => ({ responseId, agency: r.agency, sensitivity: 'restricted' })));
