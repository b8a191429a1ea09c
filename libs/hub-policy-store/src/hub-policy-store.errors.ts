/** Someone published a version after the one the publisher expected (the API answers 409). */
export class HubPolicyVersionConflictError extends Error {
  readonly code = 'HUB_POLICY.VERSION_CONFLICT';
  constructor(
    readonly hubId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(`hub ${hubId}: policy version ${expectedVersion} expected, ${currentVersion} is current`);
    this.name = 'HubPolicyVersionConflictError';
  }
}
