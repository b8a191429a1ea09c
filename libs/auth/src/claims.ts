import { AuthenticationError } from './authentication-error';
import { type Principal, type Role, ROLES } from './principal';

/** Recorded as the actor of events and audit records, so only characters safe to store and log. */
const USER_ID = /^[A-Za-z0-9._@:|+-]{1,200}$/;
/** As the hubs table's own check. */
const HUB_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const AGENCY = /^[a-z][a-z0-9-]{1,62}$/;

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function missing(claim: string): AuthenticationError {
  return new AuthenticationError('missing-claim', `the token has no "${claim}" claim`);
}

function invalid(claim: string, expected: string): AuthenticationError {
  return new AuthenticationError('invalid-claim', `the token's "${claim}" claim must be ${expected}`);
}

function userIdOf(claims: Record<string, unknown>): string {
  if (claims.sub === undefined) throw missing('sub');
  if (typeof claims.sub !== 'string' || !USER_ID.test(claims.sub)) throw invalid('sub', '1 to 200 letters, digits or . _ @ : | + -');
  return claims.sub;
}

function hubsOf(claims: Record<string, unknown>): string[] {
  if (claims.hubs === undefined) throw missing('hubs');
  if (!isStringArray(claims.hubs) || !claims.hubs.every((hub) => HUB_ID.test(hub))) throw invalid('hubs', 'an array of hub ids (it may be empty)');
  return [...new Set(claims.hubs)];
}

function agencyOf(claims: Record<string, unknown>): string {
  if (claims.agency === undefined) throw missing('agency');
  if (typeof claims.agency !== 'string' || !AGENCY.test(claims.agency)) throw invalid('agency', 'an agency name such as "police"');
  return claims.agency;
}

function rolesOf(claims: Record<string, unknown>): Role[] {
  if (claims.roles === undefined) throw missing('roles');
  if (!isStringArray(claims.roles)) throw invalid('roles', 'an array of role names');
  // An issuer may carry roles of other systems: those are ignored, but one of ours is needed.
  const known = ROLES.filter((role) => (claims.roles as string[]).includes(role));
  if (known.length === 0) throw invalid('roles', `an array with at least one of ${ROLES.join(', ')}`);
  return known;
}

/**
 * The principal a verified token names. Every claim is checked for presence and type; a token
 * that fails is refused whole (401), never half-trusted. Claim values never enter the message.
 */
export function principalFromClaims(claims: Record<string, unknown>): Principal {
  return { userId: userIdOf(claims), hubs: hubsOf(claims), agency: agencyOf(claims), roles: rolesOf(claims) };
}
