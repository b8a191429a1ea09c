import type { HubPolicyDocument } from '../hub-policy.types';
import { memberAgencies, signatoryAgencies } from './agency-rules';
import { pointer, type PolicyProblem } from './policy-problem';
import { leadTimeProblem } from './timescale-rules';

/**
 * Codes unique, severities distinct (they rank the levels), and only members that signed the
 * sharing agreement asked: an unsigned agency cannot be asked for information.
 */
export function ragLevelProblems(policy: HubPolicyDocument): PolicyProblem[] {
  const members = memberAgencies(policy);
  const signed = signatoryAgencies(policy);
  const codes = new Set<string>();
  const severities = new Set<number>();
  return policy.ragLevels.flatMap((level, index) => {
    const at = (...rest: (string | number)[]) => pointer('ragLevels', index, ...rest);
    const problems: PolicyProblem[] = [];
    if (codes.has(level.code)) problems.push({ path: at('code'), reason: 'is the code of an earlier level' });
    if (severities.has(level.severity)) problems.push({ path: at('severity'), reason: 'is the severity of an earlier level' });
    codes.add(level.code);
    severities.add(level.severity);
    if (level.informationRequestTimescale === null && level.agenciesAsked.length > 0) {
      problems.push({ path: at('agenciesAsked'), reason: 'must be empty at a level with no information-request timescale' });
    }
    level.agenciesAsked.forEach((agency, position) => {
      if (!members.includes(agency)) problems.push({ path: at('agenciesAsked', position), reason: 'is not a member agency' });
      else if (!signed.includes(agency)) {
        problems.push({ path: at('agenciesAsked', position), reason: 'has not signed the information sharing agreement, so cannot be asked' });
      }
    });
    const lead = leadTimeProblem(level.reminderLeadTime, level.informationRequestTimescale, policy.calendar);
    if (lead) problems.push({ path: at('reminderLeadTime'), reason: lead });
    return problems;
  });
}
