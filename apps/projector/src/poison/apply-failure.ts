/**
 * Telling a poison event from a passing outage. A projection's evolve is pure: whatever it throws,
 * it throws for that event, every time. SQL fails for the event only with a data or integrity
 * error (SQLSTATE classes 22 and 23: a value out of range, a CHECK the row breaks); anything else
 * (a lost connection, a deadlock, a shutdown, a missing column after a bad migration) is the
 * platform's, and parking would only hide it: it is rethrown and the batch retried.
 */
const POISON_SQLSTATE_CLASSES = ['22', '23'];

interface DatabaseErrorFields {
  code?: unknown;
  table?: unknown;
  constraint?: unknown;
  column?: unknown;
}

export function isPoisonDatabaseError(error: unknown): boolean {
  const code = (error as DatabaseErrorFields | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && POISON_SQLSTATE_CLASSES.includes(code.slice(0, 2));
}

/**
 * What to store and log about a failure: the error's class, SQLSTATE and the table, constraint and
 * column it names. Never the error's message, which can quote the values (personal data).
 */
export function describeFailure(error: unknown, where: string): string {
  const fields = (error ?? {}) as DatabaseErrorFields;
  const parts = [`${error instanceof Error ? error.name : typeof error} in ${where}`];
  if (typeof fields.code === 'string') parts.push(`SQLSTATE ${fields.code}`);
  for (const name of ['table', 'constraint', 'column'] as const) {
    const value = fields[name];
    if (typeof value === 'string') parts.push(`${name} ${value}`);
  }
  return parts.join('; ');
}

/** A batch hit a poison event inside SQL: its transaction is aborted, so apply it again one event at a time. */
export class PoisonInBatchError extends Error {
  constructor(readonly offset: string, cause: unknown) {
    super(`event at offset ${offset} failed in SQL; batch to be applied one event at a time`, { cause });
    this.name = 'PoisonInBatchError';
  }
}
