import { hasSignedSharingAgreement, type LifecyclePolicy, type RagLevel } from '../../policy/lifecycle-policy';
import { dueAfter, reminderAt } from '../lifecycle/deadlines';
import type { Agency } from '../referral-dataset';
import type { InformationRequested } from './information-gathering.events';

/**
 * One request per agency, each due after the level's timescale from `from`; none for a level
 * with no target. An agency that has not signed the hub's sharing agreement is not asked: it is
 * left out of the requests (the policy version on each request says which agreement applied).
 */
export function requestInformation(
  referralId: string,
  level: RagLevel,
  agencies: readonly Agency[],
  from: string,
  policy: LifecyclePolicy,
): InformationRequested[] {
  const timescale = level.informationRequestTimescale;
  if (!timescale) return [];
  const dueAt = dueAfter(from, timescale, policy.calendar);
  const remindAt = reminderAt(from, dueAt, level.reminderLeadTime, policy.calendar);
  return agencies.filter((agency) => hasSignedSharingAgreement(policy, agency)).map((agency) => ({
    type: 'InformationRequested',
    data: { referralId, agency, rag: level.code, requestedAt: from, dueAt, remindAt, policyVersion: policy.policyVersion },
  }));
}
