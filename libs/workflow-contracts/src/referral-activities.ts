/** Input of an activity that appends to a referral's stream on the workflow's behalf. */
export interface ReferralStepInput {
  referralId: string;
  hubId: string;
  /** With `step`, makes the appended event's id: a retried activity never appends twice. */
  workflowId: string;
  /**
   * Workflow time, not the activity's clock: every retry then decides the same event, and
   * the event store recognises it as already appended.
   */
  requestedAt: string;
}

/**
 * The activities the referral workflow calls; workflow code imports this type only, the
 * worker implements it (apps/worker/src/activities).
 */
export interface ReferralActivities {
  recordTriageAwaited(input: ReferralStepInput): Promise<void>;
}
