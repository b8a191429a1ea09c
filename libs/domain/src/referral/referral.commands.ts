import type { Agency, ReferralDataset } from './referral-dataset';

/** What the hub's policy says about who and what it accepts (its intake part). */
export interface HubIntakeRules {
  hubId: string;
  scope: 'children' | 'adults' | 'both';
  /** `'any'`: any agency may refer directly; otherwise only the agencies listed. */
  directReferrers: 'any' | readonly Agency[];
  policyVersion: number;
}

export type ReferralCommand = SubmitReferral | RecordTriageAwaited;

export interface SubmitReferral {
  type: 'SubmitReferral';
  data: { referralId: string; dataset: ReferralDataset; intake: HubIntakeRules };
  metadata: { now: Date };
}

export interface RecordTriageAwaited {
  type: 'RecordTriageAwaited';
  data: { referralId: string };
  metadata: { now: Date };
}
