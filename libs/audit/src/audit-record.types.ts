/** What became of the access: done, refused by the rules, or answered as if it did not exist. */
export type AccessOutcome = 'allowed' | 'denied' | 'not-found';
export const ACCESS_OUTCOMES: readonly AccessOutcome[] = ['allowed', 'denied', 'not-found'];

export type AccessKind = 'read' | 'write';
export const ACCESS_KINDS: readonly AccessKind[] = ['read', 'write'];

/**
 * One access to record. Ids and codes only: auditors read this log, so nothing here may
 * identify or describe the person a case is about (no names, dates of birth, narrative).
 */
export interface AccessEntry {
  /** The hub whose data was asked for (the one in the request, also when it was refused). */
  hubId: string;
  userId: string;
  /** The role acted in; for several, `roleCode(principal.roles)`, e.g. `hub-manager+practitioner`. */
  role: string;
  agency: string | null;
  access: AccessKind;
  /** `<resource>.<verb>`, e.g. `referral.read`, `referral.submit`, `audit.query`. */
  action: string;
  resourceType: string;
  /** The resource's id (e.g. the referral id); null for a list or search. */
  resourceId: string | null;
  /** A purpose code from the hub's vocabulary where the action requires one, e.g. `section-47-enquiry`. */
  purpose: string | null;
  outcome: AccessOutcome;
  correlationId: string | null;
}

/** A stored record: the entry, its place in its hub's chain, and the chain's hashes. */
export interface AuditRecord extends AccessEntry {
  sequence: number;
  /** Stored to the millisecond, so the hash recomputed from a read-back record is the same. */
  recordedAt: Date;
  previousHash: string;
  hash: string;
}

/** What an auditor may filter on; every query stays inside one hub. */
export interface AuditQuery {
  hubId: string;
  userId?: string;
  resourceType?: string;
  resourceId?: string;
  action?: string;
  access?: AccessKind;
  outcome?: AccessOutcome;
  /** recorded_at >= from */
  from?: Date;
  /** recorded_at < to */
  to?: Date;
  /** Page on: records with a higher sequence than this. */
  afterSequence?: number;
  /** Page size, 1..1000; 100 when not given. */
  limit?: number;
}

export interface AuditPage {
  records: AuditRecord[];
  /** Pass as `afterSequence` for the next page; null when this page is the last. */
  nextAfterSequence: number | null;
}

export type ChainBreakKind =
  /** A record's fields no longer hash to the hash stored with it: the record was changed. */
  | 'content-hash-mismatch'
  /** A record does not link to the hash of the record before it: that one was changed and rehashed, or replaced. */
  | 'previous-hash-mismatch'
  /** A sequence number is missing: a record was deleted. */
  | 'sequence-gap'
  /** The chain ends elsewhere than its head says: records were cut off the end, or the head was changed. */
  | 'head-mismatch';

export interface ChainBreak {
  hubId: string;
  /** The first sequence number at which the chain does not hold. */
  sequence: number;
  kind: ChainBreakKind;
  expected: string;
  found: string;
}

export type ChainVerification =
  | { ok: true; checked: number; heads: ChainHead[] }
  | { ok: false; checked: number; broken: ChainBreak };

/** The end of a hub's chain; worth keeping outside the database to detect a rewritten chain. */
export interface ChainHead {
  hubId: string;
  sequence: number;
  hash: string;
}
