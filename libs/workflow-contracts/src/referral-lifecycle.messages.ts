import { defineQuery } from '@temporalio/workflow';

/** Where a referral's workflow has got to. Later issues add triage, gathering, strategy, actions. */
export type ReferralStage = 'received' | 'awaiting-triage' | 'closed';

export const stageQuery = defineQuery<ReferralStage>('stage');
