import type { HubIntakeRules, LifecyclePolicy } from '@app/domain';
import { AGENCIES } from '@app/domain';
import { compileCalendar } from './compile-calendar';
import type { HubPolicyDocument } from './hub-policy.types';
import { memberAgencies } from './validation/agency-rules';

/**
 * The LifecyclePolicy a referral's workflow runs under, from a policy validateHubPolicy
 * accepted. It does not validate again: a version stored under older rules must still run the
 * referrals that started under it. `now` picks the bank-holiday years when the policy names none.
 */
export function toLifecyclePolicy(hubId: string, version: number, policy: HubPolicyDocument, now: Date): LifecyclePolicy {
  const { timescales } = policy;
  return {
    hubId,
    policyVersion: version,
    scope: policy.scope,
    ragLevels: policy.ragLevels.map(({ agenciesAsked, ...level }) => ({ ...structuredClone(level), agencies: [...agenciesAsked] })),
    triageTimescale: structuredClone(timescales.triage),
    authorisationTimescale: { ...timescales.authorisation },
    immediateRiskStrategyDiscussionTimescale: { ...timescales.immediateRiskStrategyDiscussion },
    actionDefaultTimescale: { ...timescales.actionDefault },
    actionReminderLeadTime: timescales.actionReminder === null ? null : { ...timescales.actionReminder },
    challengeWindow: { ...timescales.challengeWindow },
    escalationLadder: structuredClone(policy.escalationLadder),
    coreAgencies: policy.agencies.core.map((member) => member.agency),
    authorisers: {
      accountableManager: policy.accountableManager.userId,
      delegates: policy.delegates.map((delegate) => delegate.userId),
    },
    memberAgencies: memberAgencies(policy),
    sharingAgreement: {
      version: policy.informationSharingAgreement.version,
      signatories: policy.informationSharingAgreement.signatories.map((signatory) => signatory.agency),
    },
    calendar: compileCalendar(policy.calendar, now),
  };
}

/** What intake checks (scope, who may refer directly), in the domain's terms. */
export function toHubIntakeRules(hubId: string, version: number, policy: HubPolicyDocument): HubIntakeRules {
  const { sources, agencies, publicFrontDoor } = policy.directReferrals;
  const front = publicFrontDoor ? (['public'] as const) : [];
  const directReferrers =
    sources === 'any-agency'
      ? publicFrontDoor
        ? ('any' as const)
        : AGENCIES.filter((agency) => agency !== 'public')
      : [...(sources === 'police-only' ? (['police'] as const) : agencies), ...front];
  return { hubId, scope: policy.scope, directReferrers, policyVersion: version };
}
