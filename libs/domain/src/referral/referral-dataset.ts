/** The standard referral dataset (DESIGN.md, lifecycle step 1), as the domain sees it. */

export const SUBJECT_TYPES = ['child', 'adult'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const CHILD_AGE_BANDS = ['unborn', '0-4', '5-9', '10-15', '16-17'] as const;
export const ADULT_AGE_BANDS = ['18-24', '25-64', '65-74', '75+'] as const;
export const AGE_BANDS = [...CHILD_AGE_BANDS, ...ADULT_AGE_BANDS] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGENCIES = [
  'police',
  'social-care',
  'health',
  'education',
  'probation',
  'housing',
  'youth-justice',
  'mental-health',
  'ambulance',
  'fire',
  'voluntary-sector',
  'public',
] as const;
export type Agency = (typeof AGENCIES)[number];

export const CONCERN_CATEGORIES = [
  'physical-abuse',
  'emotional-abuse',
  'sexual-abuse',
  'neglect',
  'domestic-abuse',
  'child-sexual-exploitation',
  'child-criminal-exploitation',
  'financial-abuse',
  'self-neglect',
  'modern-slavery',
  'radicalisation',
  'female-genital-mutilation',
  'missing-from-home',
  'parental-substance-misuse',
  'parental-mental-health',
  'organisational-abuse',
  'discriminatory-abuse',
  'other',
] as const;
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

export const CONSENT_STATUSES = ['given', 'refused', 'not-sought'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface Address {
  line1: string;
  line2?: string;
  town: string;
  postcode: string;
}

export interface Referrer {
  name: string;
  agency: Agency;
  role?: string;
  phone?: string;
  email?: string;
}

export interface Subject {
  type: SubjectType;
  givenName: string;
  familyName: string;
  /** ISO date (YYYY-MM-DD); where unknown, an age band instead. */
  dateOfBirth?: string;
  ageBand?: AgeBand;
  address?: Address;
}

export interface HouseholdMember {
  givenName: string;
  familyName: string;
  relationship: string;
  dateOfBirth?: string;
}

export interface Consent {
  status: ConsentStatus;
  /** Whether the family knows about the referral. */
  familyAware: boolean;
  /** Why consent was not sought or was overridden (e.g. it would place the person at risk). */
  reason?: string;
}

export interface ReferralDataset {
  referrer: Referrer;
  subject: Subject;
  householdMembers: HouseholdMember[];
  concernCategories: ConcernCategory[];
  immediateRisk: boolean;
  consent: Consent;
  narrative: string;
}
