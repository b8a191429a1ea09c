import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AuthoriseDecision,
  CancelAction,
  CloseInformationGathering,
  CompleteAction,
  RaiseChallenge,
  RecordDisclosure,
  RecordInformationResponse,
  RecordStrategyDiscussion,
  RecordTriageDecision,
  ReferralEvent,
  ReferralState,
  ReRate,
  ReturnDecision,
} from '@app/domain';

/** Where a referral's workflow has got to (the read model's words). */
export type ReferralStage =
  | 'received'
  | 'awaiting-triage'
  | 'awaiting-authorisation'
  | 'information-gathering'
  | 'strategy-discussion'
  | 'action-follow-up'
  | 'closed';

export const stageQuery = defineQuery<ReferralStage>('stage');

/** The decider's state of the referral as the workflow holds it. */
export const referralStateQuery = defineQuery<ReferralState>('referralState');

/** A command's fields as a person sends them: the workflow adds the referral, time and policy. */
type Fields<Command extends { data: { referralId: string } }> = Omit<Command['data'], 'referralId'>;

/** Every update answers with the events the command appended (none for a repeat). */
export type CommandResult = ReferralEvent[];

export const recordTriageDecisionUpdate = defineUpdate<CommandResult, [Fields<RecordTriageDecision>]>('recordTriageDecision');
export const authoriseDecisionUpdate = defineUpdate<CommandResult, [Fields<AuthoriseDecision>]>('authoriseDecision');
export const returnDecisionUpdate = defineUpdate<CommandResult, [Fields<ReturnDecision>]>('returnDecision');
export const reRateUpdate = defineUpdate<CommandResult, [Fields<ReRate>]>('reRate');
export const recordInformationResponseUpdate = defineUpdate<CommandResult, [Fields<RecordInformationResponse>]>(
  'recordInformationResponse',
);
export const closeInformationGatheringUpdate = defineUpdate<CommandResult, [Fields<CloseInformationGathering>]>(
  'closeInformationGathering',
);
export const recordStrategyDiscussionUpdate = defineUpdate<CommandResult, [Fields<RecordStrategyDiscussion>]>(
  'recordStrategyDiscussion',
);
export const completeActionUpdate = defineUpdate<CommandResult, [Fields<CompleteAction>]>('completeAction');
export const cancelActionUpdate = defineUpdate<CommandResult, [Fields<CancelAction>]>('cancelAction');
export const raiseChallengeUpdate = defineUpdate<CommandResult, [Fields<RaiseChallenge>]>('raiseChallenge');
/** A disclosure onward while the lifecycle runs; after it has ended the API appends it itself. */
export const recordDisclosureUpdate = defineUpdate<CommandResult, [Fields<RecordDisclosure>]>('recordDisclosure');
