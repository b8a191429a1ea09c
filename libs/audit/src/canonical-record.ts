import { createHash } from 'node:crypto';
import type { AuditRecord } from './audit-record.types';

/** The previous hash of the first record of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** Names the serialisation, so a future change of fields is a new format, never a silent one. */
export const CANONICAL_FORMAT = 'mash-access-audit/1';

/** The hashed fields, in the order they are serialised. docs/audit-log.md documents the same list. */
export const CANONICAL_FIELDS = [
  'hubId',
  'sequence',
  'recordedAt',
  'userId',
  'role',
  'agency',
  'access',
  'action',
  'resourceType',
  'resourceId',
  'purpose',
  'outcome',
  'correlationId',
  'previousHash',
] as const;

export type HashedFields = Pick<AuditRecord, (typeof CANONICAL_FIELDS)[number]>;

/**
 * The record as the exact text that is hashed: one compact JSON object, `format` first and then
 * the fields above in that order, whatever order the caller built its object in; an absent
 * value is `null`; the time is ISO 8601 in UTC to the millisecond; strings are kept as stored
 * (UTF-8, not escaped), so any JSON library can reproduce it.
 */
export function canonicalForm(record: HashedFields): string {
  const ordered: Record<string, string | number | null> = { format: CANONICAL_FORMAT };
  for (const field of CANONICAL_FIELDS) {
    const value = record[field];
    ordered[field] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return JSON.stringify(ordered);
}

/** SHA-256 (hex) of the canonical form; the previous record's hash is one of its fields. */
export function hashRecord(record: HashedFields): string {
  return createHash('sha256').update(canonicalForm(record), 'utf8').digest('hex');
}
