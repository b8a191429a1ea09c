import { Rejection } from '../../shared/rejection';
import { authorisationRequested } from '../lifecycle/authorisation-request';
import { requireText, started, wrongStage } from '../lifecycle/guards';
import type { ReferralEvent } from '../referral.events';
import type { ReferralState } from '../referral.state';
import type { RaiseChallenge } from './challenge.commands';

/**
 * The referrer disagrees with the outcome they were told: while actions are followed up, or
 * after closure within the policy's challenge window; once per outcome. The manager decides.
 */
export function raiseChallenge({ type, data, metadata }: RaiseChallenge, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  const { outcome, closure } = referral;
  if (!outcome || (referral.status !== 'ActionFollowUp' && referral.status !== 'Closed')) throw wrongStage(type, referral);
  if (data.by.agency !== referral.referrer.agency) {
    throw new Rejection('REFERRAL.NOT_ALLOWED', 'only the referrer can challenge the outcome of their referral', 'by.agency');
  }
  const reason = requireText(data.reason, 'reason');
  if (outcome.challenged) throw new Rejection('REFERRAL.CHALLENGE_CLOSED', 'this outcome has already been challenged');
  if (referral.status === 'Closed' && closure && metadata.now.getTime() >= Date.parse(closure.challengeableUntil)) {
    throw new Rejection('REFERRAL.CHALLENGE_CLOSED', `the outcome could be challenged until ${closure.challengeableUntil}`);
  }
  return [
    {
      type: 'ChallengeRaised',
      data: {
        referralId: data.referralId,
        by: data.by,
        reason,
        outcome: outcome.decision,
        raisedAt: metadata.now.toISOString(),
        policyVersion: metadata.policy.policyVersion,
      },
    },
    authorisationRequested(data.referralId, 'challenge', metadata),
  ];
}
