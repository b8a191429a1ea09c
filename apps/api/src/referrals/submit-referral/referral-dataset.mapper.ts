import type { Address, HouseholdMember, ReferralDataset } from '@app/domain';
import type { AddressDto } from './address.dto';
import type { HouseholdMemberDto } from './household-member.dto';
import type { SubmitReferralRequest } from './submit-referral.request.dto';

/** Copies only the fields the dataset knows, and drops nulls: the event holds what was said. */
function present<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null)) as T;
}

const address = (dto: AddressDto): Address =>
  present({ line1: dto.line1, line2: dto.line2, town: dto.town, postcode: dto.postcode.toUpperCase() });

const householdMember = (dto: HouseholdMemberDto): HouseholdMember =>
  present({ givenName: dto.givenName, familyName: dto.familyName, relationship: dto.relationship, dateOfBirth: dto.dateOfBirth });

export function toReferralDataset(request: SubmitReferralRequest): ReferralDataset {
  const { referrer, subject, consent } = request;
  return {
    referrer: present({ name: referrer.name, agency: referrer.agency, role: referrer.role, phone: referrer.phone, email: referrer.email }),
    subject: present({
      type: subject.type,
      givenName: subject.givenName,
      familyName: subject.familyName,
      dateOfBirth: subject.dateOfBirth,
      ageBand: subject.ageBand,
      address: subject.address ? address(subject.address) : undefined,
    }),
    householdMembers: (request.householdMembers ?? []).map(householdMember),
    concernCategories: [...request.concernCategories],
    immediateRisk: request.immediateRisk,
    consent: present({ status: consent.status, familyAware: consent.familyAware, reason: consent.reason }),
    narrative: request.narrative,
  };
}
