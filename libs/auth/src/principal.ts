/**
 * Who is asking, as the platform knows them once their bearer token is verified. Roles come
 * from the token; what each role may do is decided by the API's access rules, not here.
 */
export const ROLES = [
  /** Submits referrals and follows the status of their own. */
  'referrer',
  /** An agency's MASH worker: triages, gathers and shares information for the hub's referrals. */
  'practitioner',
  /** The hub's accountable manager: authorises decisions and oversees the hub's referrals. */
  'hub-manager',
  /** Sees aggregates only, never personal data. */
  'national-analyst',
  /** Runs the platform: health, queues, replays; no case data. */
  'operations',
  /** Reads the audit log. */
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  /** The token's subject: a stable user id, recorded as the actor of what they do. */
  readonly userId: string;
  /** Hubs the user works in; empty for national roles that belong to no hub. */
  readonly hubs: readonly string[];
  /** The agency the user acts for (police, health, ...), recorded beside the actor. */
  readonly agency: string;
  /** At least one known role. */
  readonly roles: readonly Role[];
}

export function hasRole(principal: Principal, ...roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

export function belongsToHub(principal: Principal, hubId: string): boolean {
  return principal.hubs.includes(hubId);
}
