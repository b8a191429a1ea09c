import type { CancelAction, CompleteAction, EscalateAction, RemindAction } from './actions/actions.commands';
import type { AuthoriseDecision, EscalateAuthorisation, ReturnDecision } from './authorisation/authorisation.commands';
import type { RaiseChallenge } from './challenge/challenge.commands';
import type { RecordDisclosure } from './disclosure/disclosure.commands';
import type {
  CloseInformationGathering,
  EscalateInformationRequest,
  RecordInformationResponse,
  RemindInformationRequest,
} from './information-gathering/information-gathering.commands';
import type { LifecycleMetadata } from './lifecycle/lifecycle.types';
import type { ReRate } from './rating/rating.commands';
import type { Agency, ReferralDataset } from './referral-dataset';
import type { RecordStrategyDiscussion } from './strategy-discussion/strategy-discussion.commands';
import type { EscalateTriage, RecordTriageDecision } from './triage/triage.commands';

export type * from './actions/actions.commands';
export type * from './authorisation/authorisation.commands';
export type * from './challenge/challenge.commands';
export type * from './disclosure/disclosure.commands';
export type * from './information-gathering/information-gathering.commands';
export type * from './rating/rating.commands';
export type * from './strategy-discussion/strategy-discussion.commands';
export type * from './triage/triage.commands';

/** What the hub's policy says about who and what it accepts (its intake part). */
export interface HubIntakeRules {
  hubId: string;
  scope: 'children' | 'adults' | 'both';
  /** `'any'`: any agency may refer directly; otherwise only the agencies listed. */
  directReferrers: 'any' | readonly Agency[];
  policyVersion: number;
}

export type ReferralCommand =
  | SubmitReferral
  | RecordTriageAwaited
  | BeginLifecycle
  | RecordTriageDecision
  | EscalateTriage
  | ReRate
  | AuthoriseDecision
  | ReturnDecision
  | EscalateAuthorisation
  | RecordInformationResponse
  | RemindInformationRequest
  | EscalateInformationRequest
  | CloseInformationGathering
  | RecordStrategyDiscussion
  | RemindAction
  | EscalateAction
  | CompleteAction
  | CancelAction
  | RaiseChallenge
  | RecordDisclosure;

export interface SubmitReferral {
  type: 'SubmitReferral';
  data: { referralId: string; dataset: ReferralDataset; intake: HubIntakeRules };
  metadata: { now: Date };
}

/**
 * The workflow's first step before hub policies applied: records that triage is awaited,
 * with no deadline. Kept for histories already running; new workflows send BeginLifecycle.
 */
export interface RecordTriageAwaited {
  type: 'RecordTriageAwaited';
  data: { referralId: string };
  metadata: { now: Date };
}

/**
 * The workflow's first step: triage awaited with its deadline, or, for a referral reporting
 * immediate risk, straight to a strategy discussion with requests at the most severe level.
 */
export interface BeginLifecycle {
  type: 'BeginLifecycle';
  data: { referralId: string };
  metadata: LifecycleMetadata;
}
