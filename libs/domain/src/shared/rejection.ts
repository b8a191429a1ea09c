/**
 * A command the rules refuse, with a stable code that the API maps to HTTP in one place
 * (apps/api/src/http/rejection-status.ts) and a reason a practitioner can read.
 */
export class Rejection extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    /** The request field the rejection is about, where there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Rejection';
  }
}

export const REJECTION_CODES = [
  'REFERRAL.ALREADY_RECEIVED',
  'REFERRAL.OUT_OF_SCOPE',
  'REFERRAL.SOURCE_NOT_ACCEPTED',
  'REFERRAL.SUBJECT_AGE_MISMATCH',
  'REFERRAL.NOT_FOUND',
  'REFERRAL.WRONG_STAGE',
  'REFERRAL.NOT_ALLOWED',
  'REFERRAL.UNKNOWN_AGENCY',
  'REFERRAL.CORE_AGENCY_MISSING',
  'REFERRAL.INVALID_INPUT',
  'REFERRAL.UNKNOWN_ACTION',
  'REFERRAL.UNKNOWN_RESPONSE',
  'REFERRAL.ACTION_CLOSED',
  'REFERRAL.CHALLENGE_CLOSED',
  'HUB.UNKNOWN',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];
