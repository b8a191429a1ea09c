/**
 * Why someone reads case data, as they state it with the request (the API's `Access-Purpose`
 * header). A closed list, so an auditor can count and compare reads by purpose, and so that no
 * free text about a person can reach the audit log through it.
 */
export const ACCESS_PURPOSES = [
  'triage',
  'information-gathering',
  'strategy-discussion',
  'management-oversight',
  'action-follow-up',
  'challenge-review',
  'case-review',
  'subject-access-request',
  'audit',
] as const;

export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export function isAccessPurpose(value: unknown): value is AccessPurpose {
  return typeof value === 'string' && (ACCESS_PURPOSES as readonly string[]).includes(value);
}
