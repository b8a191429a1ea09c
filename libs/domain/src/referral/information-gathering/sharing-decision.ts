/**
 * What an agency decides when it answers a request: to share, at a sensitivity and on a lawful
 * basis, for a purpose; or that it holds information but does not share it, with its reason.
 * Practice asks that both decisions be recorded (share what is necessary, on a lawful basis,
 * and record each decision to share or not to share with the reason).
 */
export const SENSITIVITIES = ['general', 'sensitive', 'restricted'] as const;
/** 'general': the hub's professionals (and the family where appropriate); 'sensitive': the hub's professionals only; 'restricted': only those the agreement allows. */
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * The lawful bases an agency may record, each a code and what it means. Consent is not among
 * them: where a person is at risk it is not required, and it is not a basis a hub relies on.
 * There is no 'none': an agency that has no basis to share records 'held-not-shared'.
 */
export const LAWFUL_BASES = {
  'uk-gdpr-art-6-1-c': 'UK GDPR Article 6(1)(c): processing necessary to comply with a legal obligation',
  'uk-gdpr-art-6-1-d': 'UK GDPR Article 6(1)(d): processing necessary to protect the vital interests of a person',
  'uk-gdpr-art-6-1-e': 'UK GDPR Article 6(1)(e): processing necessary for a task carried out in the public interest or in the exercise of official authority (public task)',
  'uk-gdpr-art-9-2-g-dpa-2018-sch-1-para-18':
    'UK GDPR Article 9(2)(g) with Data Protection Act 2018 Schedule 1 Part 2 paragraph 18: special category data, safeguarding of children and of individuals at risk',
  'children-act-1989-s47': "Children Act 1989 section 47: the local authority's enquiry where a child may be suffering significant harm, which other authorities must help with",
  'children-act-2004-s11': 'Children Act 2004 section 11: the duty of named bodies to safeguard and promote the welfare of children',
  'crime-and-disorder-act-1998-s115': 'Crime and Disorder Act 1998 section 115: the power to disclose information to a relevant authority for the purposes of the Act',
  'care-act-2014-s42': "Care Act 2014 section 42: the local authority's enquiry where an adult with care and support needs is at risk of abuse or neglect",
  'care-act-2014-s45': 'Care Act 2014 section 45: supplying information a Safeguarding Adults Board requests',
} as const;
export type LawfulBasis = keyof typeof LAWFUL_BASES;

export type SharingDecision =
  | { decision: 'shared'; sensitivity: Sensitivity; lawfulBasis: LawfulBasis; purpose: string }
  | { decision: 'held-not-shared'; lawfulBasis: LawfulBasis; reason: string };

/**
 * The basis recorded on responses from before sharing decisions: not a lawful basis (it is not
 * in LAWFUL_BASES and no one can choose it), the record that none was asked for then.
 */
export const BASIS_NOT_RECORDED = 'not-recorded';
export type RecordedLawfulBasis = LawfulBasis | typeof BASIS_NOT_RECORDED;

/** How a response recorded before sharing decisions reads: shared, general, basis not recorded. */
export interface SharingNotRecorded {
  decision: 'shared';
  sensitivity: 'general';
  lawfulBasis: typeof BASIS_NOT_RECORDED;
  purpose: null;
}
export const SHARING_NOT_RECORDED: Readonly<SharingNotRecorded> = {
  decision: 'shared',
  sensitivity: 'general',
  lawfulBasis: BASIS_NOT_RECORDED,
  purpose: null,
};

/**
 * The sharing of a recorded response. Responses stored before sharing decisions have none;
 * the event store's upcaster gives them SHARING_NOT_RECORDED on read (history is never rewritten).
 */
export type RecordedSharing = SharingDecision | SharingNotRecorded;

/**
 * @deprecated Events read from the event store carry `sharing` (schema v2, upcast on read):
 * read `data.sharing`. Kept for callers that build events by hand.
 */
export function recordedSharing(provided: { sharing?: RecordedSharing }): RecordedSharing {
  return provided.sharing ?? { ...SHARING_NOT_RECORDED };
}

export function isLawfulBasis(value: unknown): value is LawfulBasis {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LAWFUL_BASES, value);
}

export function isSensitivity(value: unknown): value is Sensitivity {
  return (SENSITIVITIES as readonly unknown[]).includes(value);
}
