import type { ReferralState } from '@app/domain';
import type { ReferralStage } from '@app/workflow-contracts';

const STAGES: Record<ReferralState['status'], ReferralStage> = {
  Empty: 'received',
  Received: 'received',
  AwaitingTriage: 'awaiting-triage',
  AwaitingAuthorisation: 'awaiting-authorisation',
  InformationGathering: 'information-gathering',
  StrategyDiscussion: 'strategy-discussion',
  ActionFollowUp: 'action-follow-up',
  Closed: 'closed',
};

export const stageOf = (state: ReferralState): ReferralStage => STAGES[state.status];
