import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import {
  REFERRAL_LIFECYCLE_WORKFLOW_TYPE,
  referralWorkflowId,
  type ReferralLifecycleInput,
  type ReferralLifecycleWorkflow,
} from '@app/workflow-contracts';

export type StartOutcome = 'started' | 'already-started';

/**
 * Starts the referral's workflow unless one with its id ever ran: Temporal refuses the
 * duplicate, which here means the work is done.
 */
export async function startReferralWorkflow(
  client: Client,
  taskQueue: string,
  input: ReferralLifecycleInput,
): Promise<StartOutcome> {
  try {
    await client.workflow.start<ReferralLifecycleWorkflow>(REFERRAL_LIFECYCLE_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: referralWorkflowId(input.referralId),
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [input],
    });
    return 'started';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'already-started';
    throw error;
  }
}
