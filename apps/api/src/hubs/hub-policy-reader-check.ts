import type { Principal } from '@app/auth';
import { mayReadHubPolicy } from '../http/access-rules';
import { ApiError } from '../http/api-error';

/** 403 AUTH.HUB_NOT_ALLOWED unless the principal may read this hub's policy. */
export function ensureMayReadHubPolicy(principal: Principal, hubId: string): void {
  if (!mayReadHubPolicy(principal, hubId)) {
    throw new ApiError('AUTH.HUB_NOT_ALLOWED', `your token does not allow reading the policy of hub ${hubId}`, [
      { field: 'hubId', reason: "must be one of the hubs in your token's hubs claim" },
    ]);
  }
}
