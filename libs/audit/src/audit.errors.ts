/** An entry that cannot be recorded as given: a missing field, free text where an id belongs, ... */
export class AuditEntryInvalidError extends Error {
  readonly code = 'AUDIT.ENTRY_INVALID';
  constructor(readonly problems: string[]) {
    super(`audit entry refused: ${problems.join('; ')}`);
    this.name = 'AuditEntryInvalidError';
  }
}

/** An auditor's query outside what is allowed (no hub, a page too large, ...). */
export class AuditQueryInvalidError extends Error {
  readonly code = 'AUDIT.QUERY_INVALID';
  constructor(readonly problems: string[]) {
    super(`audit query refused: ${problems.join('; ')}`);
    this.name = 'AuditQueryInvalidError';
  }
}
