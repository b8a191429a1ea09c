import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  stageQuery,
  type ReferralActivities,
  type ReferralLifecycleInput,
  type ReferralStage,
} from '@app/workflow-contracts';

const { recordTriageAwaited } = proxyActivities<ReferralActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: a database outage delays the referral, it must never fail it.
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['REFERRAL.NOT_FOUND'],
  },
});

/** One referral from receipt to closure; the rules are the domain's, this only orchestrates. */
export async function referralLifecycle({ referralId, hubId }: ReferralLifecycleInput): Promise<void> {
  const state: { stage: ReferralStage } = { stage: 'received' };
  setHandler(stageQuery, () => state.stage);

  await recordTriageAwaited({
    referralId,
    hubId,
    workflowId: workflowInfo().workflowId,
    requestedAt: new Date().toISOString(), // workflow time: replayed, not read again
  });
  state.stage = 'awaiting-triage';

  // Seam for the rest of the lifecycle (triage, information gathering, strategy discussion,
  // actions): later issues add the updates and timers that move the stage on to 'closed'.
  await condition(() => state.stage === 'closed');
}
