/** The task queue the referral workflows and their activities run on, unless configured. */
export const REFERRAL_LIFECYCLE_TASK_QUEUE = 'referral-lifecycle';

/** Workflow type name: the exported function name in workflows/src. */
export const REFERRAL_LIFECYCLE_WORKFLOW_TYPE = 'referralLifecycle';

export interface ReferralLifecycleInput {
  referralId: string;
  hubId: string;
}

export type ReferralLifecycleWorkflow = (input: ReferralLifecycleInput) => Promise<void>;

/**
 * One workflow per referral: the id is derived from the referral id, so Temporal itself
 * refuses a second start for the same referral.
 */
export function referralWorkflowId(referralId: string): string {
  return `referral-${referralId}`;
}
