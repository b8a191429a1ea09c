import type { ReferralDataset } from './referral-dataset';

/** Domain events of a referral stream, named in the past tense. Not the public contract. */
export type ReferralEvent = ReferralReceived | TriageAwaited;

export interface ReferralReceived {
  type: 'ReferralReceived';
  data: ReferralDataset & {
    referralId: string;
    hubId: string;
    receivedAt: string;
  };
}

export interface TriageAwaited {
  type: 'TriageAwaited';
  data: {
    referralId: string;
    since: string;
  };
}

export type ReferralEventType = ReferralEvent['type'];

export const REFERRAL_EVENT_TYPES: readonly ReferralEventType[] = ['ReferralReceived', 'TriageAwaited'];

export function referralStreamId(referralId: string): string {
  return `referral-${referralId}`;
}
