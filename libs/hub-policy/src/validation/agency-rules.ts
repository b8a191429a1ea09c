import type { Agency } from '@app/domain';
import type { HubPolicyDocument } from '../hub-policy.types';
import { pointer, type PolicyProblem } from './policy-problem';

/** The national frame's core: these take part in every decision, in every hub. */
export const NATIONAL_CORE_AGENCIES: readonly Agency[] = ['police', 'social-care', 'health'];

export function memberAgencies(policy: HubPolicyDocument): Agency[] {
  return [...policy.agencies.core, ...policy.agencies.contributing].map((member) => member.agency);
}

export function signatoryAgencies(policy: HubPolicyDocument): Agency[] {
  return policy.informationSharingAgreement.signatories.map((signatory) => signatory.agency);
}

export function agencyProblems(policy: HubPolicyDocument): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const core = policy.agencies.core.map((member) => member.agency);
  if (!NATIONAL_CORE_AGENCIES.every((agency) => core.includes(agency))) {
    problems.push({ path: '/agencies/core', reason: 'must include police, social-care and health (the national core)' });
  }
  const seen = new Set<Agency>();
  for (const group of ['core', 'contributing'] as const) {
    policy.agencies[group].forEach(({ agency }, index) => {
      if (seen.has(agency)) {
        problems.push({ path: pointer('agencies', group, index, 'agency'), reason: 'is already a member' });
      }
      seen.add(agency);
    });
  }
  return [...problems, ...directReferralProblems(policy)];
}

function directReferralProblems({ directReferrals }: HubPolicyDocument): PolicyProblem[] {
  if (directReferrals.sources !== 'listed-agencies') {
    return directReferrals.agencies.length === 0
      ? []
      : [{ path: '/directReferrals/agencies', reason: 'must be empty unless sources is listed-agencies' }];
  }
  if (directReferrals.agencies.length === 0) {
    return [{ path: '/directReferrals/agencies', reason: 'must name at least one agency when sources is listed-agencies' }];
  }
  return directReferrals.agencies.flatMap((agency, index) =>
    agency === 'public'
      ? [
          {
            path: pointer('directReferrals', 'agencies', index),
            reason: 'the public refers through the front door (publicFrontDoor), not as a listed agency',
          },
        ]
      : [],
  );
}

/** The agreement: signed by members, each once, on or after its date; visibility for signatories. */
export function agreementProblems(policy: HubPolicyDocument): PolicyProblem[] {
  const agreement = policy.informationSharingAgreement;
  const members = memberAgencies(policy);
  const problems: PolicyProblem[] = [];
  const signed = new Set<Agency>();
  const at = (...rest: (string | number)[]) => pointer('informationSharingAgreement', ...rest);
  agreement.signatories.forEach(({ agency, signedOn }, index) => {
    if (!members.includes(agency)) problems.push({ path: at('signatories', index, 'agency'), reason: 'is not a member agency' });
    else if (signed.has(agency)) problems.push({ path: at('signatories', index, 'agency'), reason: 'has already signed' });
    if (signedOn < agreement.date) problems.push({ path: at('signatories', index, 'signedOn'), reason: "is before the agreement's date" });
    signed.add(agency);
  });
  for (const agency of Object.keys(agreement.visibility.agencies) as Agency[]) {
    if (!signed.has(agency)) {
      problems.push({ path: at('visibility', 'agencies', agency), reason: 'has not signed the agreement, so sees nothing' });
    }
  }
  return problems;
}

/** One entry per agency and financial year; a financial year runs April to March of the next. */
export function fundingProblems(policy: HubPolicyDocument): PolicyProblem[] {
  const seen = new Set<string>();
  return policy.funding.flatMap(({ agency, financialYear }, index) => {
    const problems: PolicyProblem[] = [];
    const [start, end] = financialYear.split('-').map(Number);
    if ((start + 1) % 100 !== end) {
      problems.push({ path: pointer('funding', index, 'financialYear'), reason: 'must be two consecutive years, e.g. 2026-27' });
    }
    const key = `${agency} ${financialYear}`;
    if (seen.has(key)) problems.push({ path: pointer('funding', index), reason: 'repeats an agency and financial year already listed' });
    seen.add(key);
    return problems;
  });
}
