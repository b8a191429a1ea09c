import type { LifecyclePolicy, ReferralState } from '@app/domain';

/** The task queue the referral workflows and their activities run on, unless configured. */
export const REFERRAL_LIFECYCLE_TASK_QUEUE = 'referral-lifecycle';

/** Workflow type name: the exported function name in workflows/src. */
export const REFERRAL_LIFECYCLE_WORKFLOW_TYPE = 'referralLifecycle';

export interface ReferralLifecycleInput {
  referralId: string;
  hubId: string;
  /** Set by continue-as-new only: where the previous run got to. */
  continued?: ContinuedLifecycle;
  /** Continue as new past this many history events (tests lower it); default in the workflow. */
  historyEventLimit?: number;
}

/** What a run hands to the next when its history grows long (continue-as-new). */
export interface ContinuedLifecycle {
  state: ReferralState;
  policy: LifecyclePolicy;
  streamVersion: number;
  /** Commands appended so far: keeps event ids unique across runs of one workflow id. */
  sequence: number;
  correlationId: string;
  lastEventId: string;
}

export type ReferralLifecycleWorkflow = (input: ReferralLifecycleInput) => Promise<void>;

/**
 * One workflow per referral: the id is derived from the referral id, so Temporal itself
 * refuses a second start for the same referral.
 */
export function referralWorkflowId(referralId: string): string {
  return `referral-${referralId}`;
}
