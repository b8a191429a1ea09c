/** The caller's to fix: unknown command, missing or malformed option (exit 2). */
export class OpsUsageError extends Error {
  readonly code = 'OPS.USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'OpsUsageError';
  }
}

/** The thing asked about does not exist, e.g. a referral with no events (exit 3). */
export class OpsNotFoundError extends Error {
  readonly code = 'OPS.NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'OpsNotFoundError';
  }
}

/** Someone else is doing it right now, e.g. a rebuild of the same projection (exit 5). */
export class OpsBusyError extends Error {
  readonly code = 'OPS.BUSY';
  constructor(message: string) {
    super(message);
    this.name = 'OpsBusyError';
  }
}
