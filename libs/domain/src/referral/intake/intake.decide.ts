import { mostSevereLevel } from '../../policy/lifecycle-policy';
import { Rejection } from '../../shared/rejection';
import { requestInformation } from '../information-gathering/request-information';
import { dueAfter } from '../lifecycle/deadlines';
import { started } from '../lifecycle/guards';
import type { BeginLifecycle, RecordTriageAwaited, SubmitReferral } from '../referral.commands';
import type { ReferralEvent } from '../referral.events';
import type { ReferralState } from '../referral.state';
import { ageMismatch } from '../subject-age';

export function submit({ data, metadata }: SubmitReferral, state: ReferralState): ReferralEvent[] {
  if (state.status !== 'Empty') {
    throw new Rejection('REFERRAL.ALREADY_RECEIVED', `referral ${data.referralId} was already received`);
  }
  const { dataset, intake } = data;
  const subjectType = dataset.subject.type;
  if (intake.scope !== 'both' && intake.scope !== (subjectType === 'child' ? 'children' : 'adults')) {
    throw new Rejection(
      'REFERRAL.OUT_OF_SCOPE',
      `hub ${intake.hubId} takes referrals about ${intake.scope} only, not about ${subjectType === 'child' ? 'a child' : 'an adult'}`,
      'subject.type',
    );
  }
  if (intake.directReferrers !== 'any' && !intake.directReferrers.includes(dataset.referrer.agency)) {
    throw new Rejection(
      'REFERRAL.SOURCE_NOT_ACCEPTED',
      `hub ${intake.hubId} accepts direct referrals from ${intake.directReferrers.join(', ')} only`,
      'referrer.agency',
    );
  }
  const mismatch = ageMismatch(dataset.subject, metadata.now);
  if (mismatch) throw new Rejection('REFERRAL.SUBJECT_AGE_MISMATCH', mismatch.reason, mismatch.field);

  return [
    {
      type: 'ReferralReceived',
      data: { ...dataset, referralId: data.referralId, hubId: intake.hubId, receivedAt: metadata.now.toISOString() },
    },
  ];
}

/** Legacy first step (no policy, no deadline); a repeat once the lifecycle has begun is a retry. */
export function recordTriageAwaited({ data, metadata }: RecordTriageAwaited, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (referral.status !== 'Received') return [];
  return [{ type: 'TriageAwaited', data: { referralId: data.referralId, since: metadata.now.toISOString(), dueAt: null, policyVersion: null } }];
}

/**
 * The first step under the hub's policy. Triage is due a timescale after receipt (not after
 * this step). Immediate risk skips triage: a strategy discussion is scheduled and the most
 * severe level's agencies are asked at once, at that level's timescale.
 */
export function beginLifecycle({ data, metadata }: BeginLifecycle, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (referral.status !== 'Received') return [];
  const { now, policy } = metadata;
  const { policyVersion, calendar } = policy;
  if (!referral.immediateRisk) {
    const dueAt = dueAfter(referral.receivedAt, policy.triageTimescale[referral.subjectType], calendar);
    return [{ type: 'TriageAwaited', data: { referralId: data.referralId, since: now.toISOString(), dueAt, policyVersion } }];
  }
  const level = mostSevereLevel(policy);
  const scheduled: ReferralEvent = {
    type: 'StrategyDiscussionScheduled',
    data: {
      referralId: data.referralId,
      reason: 'immediate-risk',
      rag: level.code,
      scheduledAt: now.toISOString(),
      dueAt: dueAfter(referral.receivedAt, policy.immediateRiskStrategyDiscussionTimescale, calendar),
      policyVersion,
    },
  };
  return [scheduled, ...requestInformation(data.referralId, level, level.agencies, now.toISOString(), policy)];
}
