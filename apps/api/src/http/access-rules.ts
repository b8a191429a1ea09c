import { belongsToHub, hasRole, type Principal, type Role } from '@app/auth';

/**
 * Who may call what: every endpoint of the API, by route id (`METHOD /path/:param`), in this one
 * table. The access guard refuses an endpoint that is missing here, and a unit test fails for it,
 * so a new endpoint is closed until someone decides who may use it.
 *
 * `roles` is checked by the guard before the handler runs (403 AUTH.ROLE_NOT_ALLOWED). `data`
 * says which rows a permitted caller reaches; the handler applies it with the functions below,
 * because it needs the row: another hub's referral answers 404 exactly like a missing one.
 */
export type AccessRule =
  | { readonly access: 'public'; readonly why: string }
  | { readonly access: 'roles'; readonly roles: readonly Role[]; readonly data: string; readonly audit: AuditRule };

/**
 * How an endpoint's use is written to the access audit log. Every non-public endpoint has one:
 * `interceptor` endpoints are recorded by the global AuditInterceptor once the handler returns
 * (and before the answer goes out); `handler` endpoints record in their own transaction, beside
 * the write, and mark the request so the interceptor does not record them twice. Refusals
 * (403) and not-found answers (404) of either kind are recorded by the exception filter.
 */
export interface AuditRule {
  readonly access: 'read' | 'write';
  /** `<resource>.<verb>`, e.g. `referral.read`. */
  readonly action: string;
  readonly resourceType: string;
  /** The route parameter holding the resource's id; none for a list or search. */
  readonly resourceIdParam?: string;
  readonly recordedBy: 'interceptor' | 'handler';
  /**
   * `required`: the caller must state why (header `Access-Purpose`, one of the audit log's
   * purposes), else 400; it is recorded with the access. Elsewhere a stated purpose is recorded too.
   */
  readonly purpose?: 'required';
}

const HUB_CASEWORK: readonly Role[] = ['practitioner', 'hub-manager'];

/** A hub policy holds staff contacts only, no case data: the hub's staff and national analysts read it. */
const HUB_POLICY_READERS: readonly Role[] = ['practitioner', 'hub-manager', 'operations', 'auditor', 'national-analyst'];

function hubPolicyRead(action: string) {
  return {
    access: 'roles',
    roles: HUB_POLICY_READERS,
    data: "a hub in the token's hubs (else 403 AUTH.HUB_NOT_ALLOWED); national analysts any hub",
    audit: { access: 'read', action, resourceType: 'hub-policy', resourceIdParam: 'hubId', recordedBy: 'interceptor' },
  } as const satisfies AccessRule;
}

/** A lifecycle command on one referral: a write, recorded once the workflow has applied it. */
function lifecycleCommand(roles: readonly Role[], action: string) {
  return {
    access: 'roles',
    roles,
    data: "only referrals of a hub in the token's hubs; any other answers 404 as if it did not exist",
    audit: { access: 'write', action, resourceType: 'referral', resourceIdParam: 'id', recordedBy: 'interceptor' },
  } as const satisfies AccessRule;
}

/**
 * The ops API (docs/operations.md, "Over the API"): operations staff only. Platform-wide, so the
 * reads are recorded in the `platform` audit chain; retry, skip and referral-at record themselves
 * (the apps/ops operations write the audit row, with the token's user as the operator).
 */
function opsRead(action: string, resourceType: string) {
  return {
    access: 'roles',
    roles: ['operations'],
    data: 'platform-wide: positions, counts and error codes, no case data',
    audit: { access: 'read', action, resourceType, recordedBy: 'interceptor' },
  } as const satisfies AccessRule;
}
function opsParkedResolve(action: string) {
  return {
    access: 'roles',
    roles: ['operations'],
    data: 'any parked event; the resolution is recorded in the audit chain of its hub (else the platform one)',
    audit: { access: 'write', action, resourceType: 'parked-event', resourceIdParam: 'id', recordedBy: 'handler' },
  } as const satisfies AccessRule;
}

export const ACCESS_RULES = {
  'GET /health': { access: 'public', why: 'load balancers and orchestrators probe it; it names dependencies, never data' },
  'POST /v1/referrals': {
    access: 'roles',
    roles: ['referrer', ...HUB_CASEWORK],
    data: "only to a hub in the token's hubs (else 403 AUTH.HUB_NOT_ALLOWED); a referrer refers for their own agency (else 403 AUTH.AGENCY_MISMATCH)",
    audit: { access: 'write', action: 'referral.submit', resourceType: 'referral', recordedBy: 'handler' },
  },
  'GET /v1/referrals/:id': {
    access: 'roles',
    roles: ['referrer', ...HUB_CASEWORK],
    data: "practitioners and hub managers: any referral of their hubs; referrers: the status of referrals they submitted; anything else answers 404 as if it did not exist",
    audit: { access: 'read', action: 'referral.read', resourceType: 'referral', resourceIdParam: 'id', recordedBy: 'interceptor' },
  },
  'GET /v1/referrals/:id/information': {
    access: 'roles',
    roles: HUB_CASEWORK,
    data: "any referral of their hubs (another hub's answers 404); each contribution's text only at a sensitivity the hub's agreement lets the reader see; none for an agency that has not signed. A referrer never sees what agencies shared (403)",
    audit: { access: 'read', action: 'referral.information-read', resourceType: 'referral', resourceIdParam: 'id', recordedBy: 'interceptor', purpose: 'required' },
  },
  // Lifecycle commands: the referral must be of a hub in the token (else 404, as if unknown);
  // the domain rules then check who may do what (authorisers, the requested agency, the referrer's agency).
  'POST /v1/referrals/:id/triage': lifecycleCommand(HUB_CASEWORK, 'referral.triage'),
  'POST /v1/referrals/:id/rating': lifecycleCommand(HUB_CASEWORK, 'referral.re-rate'),
  'POST /v1/referrals/:id/authorisations': lifecycleCommand(['hub-manager'], 'referral.authorise'),
  'POST /v1/referrals/:id/information-requests/:agency/response': lifecycleCommand(HUB_CASEWORK, 'referral.information-response'),
  'POST /v1/referrals/:id/information-gathering/close': lifecycleCommand(['hub-manager'], 'referral.information-gathering-close'),
  'POST /v1/referrals/:id/strategy-discussion': lifecycleCommand(HUB_CASEWORK, 'referral.strategy-discussion'),
  'POST /v1/referrals/:id/actions/:actionId/complete': lifecycleCommand(HUB_CASEWORK, 'referral.action-complete'),
  'POST /v1/referrals/:id/actions/:actionId/cancel': lifecycleCommand(HUB_CASEWORK, 'referral.action-cancel'),
  // The referrer's own: hub staff may not raise it on their behalf (the rules check the referrer's agency).
  'POST /v1/referrals/:id/challenge': lifecycleCommand(['referrer'], 'referral.challenge'),
  // Hub casework only; the rules check what may be passed on (restricted contributions by their own agency).
  'POST /v1/referrals/:id/disclosures': lifecycleCommand(HUB_CASEWORK, 'referral.disclosure-record'),
  'GET /v1/referrals/:id/disclosures': {
    access: 'roles',
    roles: HUB_CASEWORK,
    data: "any referral of their hubs (another hub's answers 404); a referrer never reads what the hub disclosed (403)",
    audit: { access: 'read', action: 'referral.disclosures-read', resourceType: 'referral', resourceIdParam: 'id', recordedBy: 'interceptor' },
  },
  'GET /v1/hubs/:hubId/audit-records': {
    access: 'roles',
    roles: ['auditor'],
    data: "only the audit log of a hub in the token's hubs (else 403 AUTH.HUB_NOT_ALLOWED); ids and codes only, never case data",
    audit: { access: 'read', action: 'audit.query', resourceType: 'audit-log', recordedBy: 'interceptor' },
  },
  'PUT /v1/hubs/:hubId/policy': {
    access: 'roles',
    roles: ['hub-manager'],
    data: "a hub in the token's hubs (else 403 AUTH.HUB_NOT_ALLOWED); once it has a policy, only that policy's accountable manager or a delegate (else 403 HUB_POLICY.NOT_ACCOUNTABLE)",
    audit: { access: 'write', action: 'hub-policy.publish', resourceType: 'hub-policy', resourceIdParam: 'hubId', recordedBy: 'handler' },
  },
  'GET /v1/hubs/:hubId/policy': hubPolicyRead('hub-policy.read'),
  'GET /v1/hubs/:hubId/policy/versions': hubPolicyRead('hub-policy.list-versions'),
  'GET /v1/hubs/:hubId/policy/versions/:version': hubPolicyRead('hub-policy.read'),
  'GET /v1/ops/status': opsRead('ops.status-read', 'ops-status'),
  'GET /v1/ops/parked': opsRead('parked-event.list', 'parked-event'),
  'POST /v1/ops/parked/:id/retry': opsParkedResolve('parked-event.retry'),
  'POST /v1/ops/parked/:id/skip': opsParkedResolve('parked-event.skip'),
  'GET /v1/ops/referrals/:id/at': {
    access: 'roles',
    roles: ['operations'],
    data: "any referral: its lifecycle state only, never personal data; recorded in the referral's hub's audit log with the stated purpose",
    audit: { access: 'read', action: 'referral.read-at', resourceType: 'referral', resourceIdParam: 'id', recordedBy: 'handler', purpose: 'required' },
  },
} as const satisfies Record<string, AccessRule>;

export type RouteId = keyof typeof ACCESS_RULES;

export function accessRuleOf(routeId: string): AccessRule | undefined {
  return Object.hasOwn(ACCESS_RULES, routeId) ? ACCESS_RULES[routeId as RouteId] : undefined;
}

/** May the principal put a referral into this hub? */
export function maySubmitTo(principal: Principal, hubId: string): boolean {
  return belongsToHub(principal, hubId);
}

/** A referrer refers on their own behalf; hub staff also record referrals phoned in by others. */
export function mustReferForOwnAgency(principal: Principal): boolean {
  return !hasRole(principal, ...HUB_CASEWORK);
}

/** Hub staff read their own hubs' policies; national analysts any hub's. */
export function mayReadHubPolicy(principal: Principal, hubId: string): boolean {
  return belongsToHub(principal, hubId) || hasRole(principal, 'national-analyst');
}

/** Once a hub has a policy, the next version is published by its accountable manager or a delegate. */
export function mayPublishOver(principal: Principal, current: { accountableManager: { userId: string }; delegates: readonly { userId: string }[] }): boolean {
  return current.accountableManager.userId === principal.userId || current.delegates.some((delegate) => delegate.userId === principal.userId);
}

/** How much of a referral the principal sees: all of it, its status only, or nothing (404). */
export type ReferralVisibility = 'full' | 'status' | 'none';

export function referralVisibility(principal: Principal, referral: { hubId: string; submittedBy: string | null }): ReferralVisibility {
  if (!belongsToHub(principal, referral.hubId)) return 'none';
  if (hasRole(principal, ...HUB_CASEWORK)) return 'full';
  if (hasRole(principal, 'referrer') && referral.submittedBy === principal.userId) return 'status';
  return 'none';
}
