import { ACCESS_KINDS, ACCESS_OUTCOMES, type AccessEntry } from './audit-record.types';
import { AuditEntryInvalidError } from './audit.errors';

export const HUB_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** A code from a fixed vocabulary: roles, agencies, resource types, purposes. */
const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** `<resource>.<verb>`, e.g. `referral.read`, `referral.information-request.respond`. */
/** One role, or all the roles a user acted with, sorted and joined with `+` (see `roleCode`). */
const ROLE = /^[a-z0-9][a-z0-9_-]{0,63}(\+[a-z0-9][a-z0-9_-]{0,63})*$/;
const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
/**
 * An opaque id (uuid, subject claim, request id): no spaces or control characters. The
 * structural guard that keeps names and other free text about a person out of the log.
 */
const IDENTIFIER = /^[^\s\p{C}]{1,200}$/u;

type Rule = { pattern: RegExp; nullable: boolean } | { oneOf: readonly string[] };

const RULES: Record<keyof AccessEntry, Rule> = {
  hubId: { pattern: HUB_ID, nullable: false },
  userId: { pattern: IDENTIFIER, nullable: false },
  role: { pattern: ROLE, nullable: false },
  agency: { pattern: CODE, nullable: true },
  access: { oneOf: ACCESS_KINDS },
  action: { pattern: ACTION, nullable: false },
  resourceType: { pattern: CODE, nullable: false },
  resourceId: { pattern: IDENTIFIER, nullable: true },
  purpose: { pattern: CODE, nullable: true },
  outcome: { oneOf: ACCESS_OUTCOMES },
  correlationId: { pattern: IDENTIFIER, nullable: true },
};

/**
 * Checks an entry and copies only its known fields, in NFC, with `undefined` as null, so
 * what is stored is exactly what is hashed and an extra property can never reach the log.
 */
export function normaliseEntry(entry: AccessEntry): AccessEntry {
  const problems: string[] = [];
  const copy: Record<string, string | null> = {};
  for (const [field, rule] of Object.entries(RULES) as [keyof AccessEntry, Rule][]) {
    const raw: unknown = entry[field] ?? null;
    const value = typeof raw === 'string' ? raw.normalize('NFC') : raw;
    copy[field] = value as string | null;
    if ('oneOf' in rule) {
      if (!rule.oneOf.includes(value as string)) problems.push(`${field} must be one of ${rule.oneOf.join(', ')}`);
    } else if (value === null) {
      if (!rule.nullable) problems.push(`${field} is required`);
    } else if (typeof value !== 'string' || !rule.pattern.test(value)) {
      problems.push(`${field} must match ${rule.pattern}`);
    }
  }
  if (problems.length > 0) throw new AuditEntryInvalidError(problems);
  return copy as unknown as AccessEntry;
}

/** The `role` of an entry for a user holding several roles: each once, sorted, joined with `+`. */
export function roleCode(roles: readonly string[]): string {
  return [...new Set(roles)].sort().join('+');
}
