import { OUTCOME_NOTICE_REASON, outcomeNoticeLawfulBasis } from '../../policy/lifecycle-policy';
import { dueAfter } from '../lifecycle/deadlines';
import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';
import type { ReferralCase } from '../referral.state';
import type { OutcomeDecided, ReferralClosed, ReferrerNotified } from './outcome.events';

export function referrerNotified(
  state: ReferralCase,
  about: ReferrerNotified['data']['about'],
  decision: string,
  { now, policy }: LifecycleMetadata,
): ReferrerNotified {
  return {
    type: 'ReferrerNotified',
    data: {
      referralId: state.referralId,
      about,
      decision,
      referrer: state.referrer,
      notifiedAt: now.toISOString(),
      policyVersion: policy.policyVersion,
      lawfulBasis: outcomeNoticeLawfulBasis(policy),
      reason: OUTCOME_NOTICE_REASON,
    },
  };
}

/** Closure, with the window in which the referrer may still challenge the outcome. */
export function referralClosed(state: ReferralCase, outcome: string, { now, policy }: LifecycleMetadata): ReferralClosed {
  const closedAt = now.toISOString();
  return {
    type: 'ReferralClosed',
    data: {
      referralId: state.referralId,
      outcome,
      closedAt,
      challengeableUntil: dueAfter(closedAt, policy.challengeWindow, policy.calendar),
      policyVersion: policy.policyVersion,
    },
  };
}

/** An authorised outcome: decided, the referrer told, and closed unless actions follow. */
export function outcomeEvents(
  state: ReferralCase,
  source: 'triage' | 'strategy',
  decision: string,
  authorisedBy: Actor,
  closesNow: boolean,
  metadata: LifecycleMetadata,
): (OutcomeDecided | ReferrerNotified | ReferralClosed)[] {
  const decided: OutcomeDecided = {
    type: 'OutcomeDecided',
    data: {
      referralId: state.referralId,
      source,
      decision,
      rag: state.rag ?? '',
      authorisedBy,
      decidedAt: metadata.now.toISOString(),
      policyVersion: metadata.policy.policyVersion,
    },
  };
  const notice = referrerNotified(state, 'outcome', decision, metadata);
  return closesNow ? [decided, notice, referralClosed(state, decision, metadata)] : [decided, notice];
}
