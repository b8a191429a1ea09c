import type { Agency } from '@app/domain';
import { CASE_READER_ROLES, type CaseReaderRole, type InformationSharingAgreement, type Sensitivity } from './hub-policy.types';

/** What the sharing rules read of a policy: who signed its agreement, and who may see what. */
export interface SharingAgreementSource {
  informationSharingAgreement: Pick<InformationSharingAgreement, 'visibility'> & { signatories: readonly { agency: Agency }[] };
}

/** An agency may be asked for, or shown, information only once it has signed the agreement. */
export function hasSignedAgreement(policy: SharingAgreementSource, agency: Agency): boolean {
  return policy.informationSharingAgreement.signatories.some((signatory) => signatory.agency === agency);
}

/**
 * The sensitivities a reader may see under the hub's agreement: their role's list, narrowed by
 * their agency's entry if it has one; nothing for an unsigned agency or a role that reads no
 * agency contributions (referrer, analyst, operations, auditor).
 */
export function visibleSensitivities(policy: SharingAgreementSource, reader: { role: string; agency: Agency }): Sensitivity[] {
  if (!isCaseReader(reader.role) || !hasSignedAgreement(policy, reader.agency)) return [];
  const { roles, agencies } = policy.informationSharingAgreement.visibility;
  const agencyLimit = agencies[reader.agency];
  return roles[reader.role].filter((level) => agencyLimit === undefined || agencyLimit.includes(level));
}

function isCaseReader(role: string): role is CaseReaderRole {
  return (CASE_READER_ROLES as readonly string[]).includes(role);
}
