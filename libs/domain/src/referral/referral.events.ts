import type { ActionCancelled, ActionCompleted, ActionEscalated, ActionReminded } from './actions/actions.events';
import type {
  AuthorisationEscalated,
  AuthorisationRequested,
  DecisionAuthorised,
  DecisionReturned,
} from './authorisation/authorisation.events';
import type { ChallengeRaised, ChallengeResolved } from './challenge/challenge.events';
import type { DisclosureRecorded } from './disclosure/disclosure.events';
import type {
  InformationGatheringClosed,
  InformationProvided,
  InformationRequestEscalated,
  InformationRequested,
  InformationRequestReminded,
} from './information-gathering/information-gathering.events';
import type { OutcomeDecided, ReferralClosed, ReferrerNotified } from './outcome/outcome.events';
import type { InformationRequestDueTimeMoved, RagReRated } from './rating/rating.events';
import type { ReferralDataset } from './referral-dataset';
import type { StrategyDiscussionHeld, StrategyDiscussionScheduled } from './strategy-discussion/strategy-discussion.events';
import type { TriageDecisionRecorded, TriageEscalated } from './triage/triage.events';

export type * from './actions/actions.events';
export type * from './authorisation/authorisation.events';
export type * from './challenge/challenge.events';
export type * from './disclosure/disclosure.events';
export type * from './information-gathering/information-gathering.events';
export type * from './outcome/outcome.events';
export type * from './rating/rating.events';
export type * from './strategy-discussion/strategy-discussion.events';
export type * from './triage/triage.events';

/** Domain events of a referral stream, named in the past tense. Not the public contract. */
export type ReferralEvent =
  | ReferralReceived
  | TriageAwaited
  | TriageEscalated
  | TriageDecisionRecorded
  | AuthorisationRequested
  | AuthorisationEscalated
  | DecisionAuthorised
  | DecisionReturned
  | RagReRated
  | InformationRequestDueTimeMoved
  | InformationRequested
  | InformationRequestReminded
  | InformationRequestEscalated
  | InformationProvided
  | InformationGatheringClosed
  | StrategyDiscussionScheduled
  | StrategyDiscussionHeld
  | OutcomeDecided
  | ReferrerNotified
  | ReferralClosed
  | ActionReminded
  | ActionEscalated
  | ActionCompleted
  | ActionCancelled
  | ChallengeRaised
  | ChallengeResolved
  | DisclosureRecorded;

export interface ReferralReceived {
  type: 'ReferralReceived';
  data: ReferralDataset & {
    referralId: string;
    hubId: string;
    receivedAt: string;
  };
}

export interface TriageAwaited {
  type: 'TriageAwaited';
  data: {
    referralId: string;
    since: string;
    /**
     * When the triage decision is due and under which policy version; null when recorded
     * without the hub policy (schema v1, and the legacy first step), so no triage clock runs.
     */
    dueAt: string | null;
    policyVersion: number | null;
  };
}

export type ReferralEventType = ReferralEvent['type'];

/** Every type, once: a missing or unknown one fails to compile. */
const EVENT_TYPES: { [Type in ReferralEventType]: true } = {
  ReferralReceived: true,
  TriageAwaited: true,
  TriageEscalated: true,
  TriageDecisionRecorded: true,
  AuthorisationRequested: true,
  AuthorisationEscalated: true,
  DecisionAuthorised: true,
  DecisionReturned: true,
  RagReRated: true,
  InformationRequestDueTimeMoved: true,
  InformationRequested: true,
  InformationRequestReminded: true,
  InformationRequestEscalated: true,
  InformationProvided: true,
  InformationGatheringClosed: true,
  StrategyDiscussionScheduled: true,
  StrategyDiscussionHeld: true,
  OutcomeDecided: true,
  ReferrerNotified: true,
  ReferralClosed: true,
  ActionReminded: true,
  ActionEscalated: true,
  ActionCompleted: true,
  ActionCancelled: true,
  ChallengeRaised: true,
  ChallengeResolved: true,
  DisclosureRecorded: true,
};

export const REFERRAL_EVENT_TYPES: readonly ReferralEventType[] = Object.keys(EVENT_TYPES) as ReferralEventType[];

export function referralStreamId(referralId: string): string {
  return `referral-${referralId}`;
}
