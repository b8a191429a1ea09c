import { ModulesContainer } from '@nestjs/core';
import type { Principal, Role } from '@app/auth';
import { ROLES } from '@app/auth';
import { offlineApiApp } from '../openapi/offline-openapi';
import { ACCESS_RULES, type AccessRule, accessRuleOf, referralVisibility } from './access-rules';
import { handlersOf, routeIdOf } from './route-id';

/** Every route the API serves, by route id, read from the controllers Nest actually mounted. */
async function mountedRoutes(): Promise<string[]> {
  const app = await offlineApiApp();
  try {
    const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype));
    return controllers.flatMap((controller) => handlersOf(controller as { prototype: object }).map((handler) => routeIdOf(controller as object, handler)));
  } finally {
    await app.close();
  }
}

const principal = (roles: Role[], hubs = ['north'], userId = 'u-1'): Principal => ({ userId, hubs, agency: 'police', roles });

describe('the access rules', () => {
  let routes: string[];

  beforeAll(async () => {
    routes = await mountedRoutes();
  });

  it('cover every endpoint: one missing here is refused to everyone, and this test names it', () => {
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((route) => !accessRuleOf(route))).toEqual([]);
  });

  it('name only endpoints that exist', () => {
    expect(Object.keys(ACCESS_RULES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('are, role by endpoint, exactly this table (change both deliberately)', () => {
    const table = Object.fromEntries(
      Object.entries(ACCESS_RULES).map(([route, rule]: [string, AccessRule]) => [route, rule.access === 'public' ? 'public' : ROLES.filter((role) => rule.roles.includes(role))]),
    );
    expect(table).toEqual({
      'GET /health': 'public',
      'POST /v1/referrals': ['referrer', 'practitioner', 'hub-manager'],
      'GET /v1/referrals/:id': ['referrer', 'practitioner', 'hub-manager'],
      'GET /v1/referrals/:id/information': ['practitioner', 'hub-manager'],
      'POST /v1/referrals/:id/triage': ['practitioner', 'hub-manager'],
      'POST /v1/referrals/:id/rating': ['practitioner', 'hub-manager'],
      'POST /v1/referrals/:id/authorisations': ['hub-manager'],
      'POST /v1/referrals/:id/information-requests/:agency/response': ['practitioner', 'hub-manager'],
      'POST /v1/referrals/:id/information-gathering/close': ['hub-manager'],
      'POST /v1/referrals/:id/strategy-discussion': ['practitioner', 'hub-manager'],
      'POST /v1/referrals/:id/actions/:actionId/complete': ['practitioner', 'hub-manager'],
      'POST /v1/referrals/:id/actions/:actionId/cancel': ['practitioner', 'hub-manager'],
      'POST /v1/referrals/:id/challenge': ['referrer'],
      'POST /v1/referrals/:id/disclosures': ['practitioner', 'hub-manager'],
      'GET /v1/referrals/:id/disclosures': ['practitioner', 'hub-manager'],
      'GET /v1/hubs/:hubId/audit-records': ['auditor'],
      'PUT /v1/hubs/:hubId/policy': ['hub-manager'],
      'GET /v1/hubs/:hubId/policy': ['practitioner', 'hub-manager', 'national-analyst', 'operations', 'auditor'],
      'GET /v1/hubs/:hubId/policy/versions': ['practitioner', 'hub-manager', 'national-analyst', 'operations', 'auditor'],
      'GET /v1/hubs/:hubId/policy/versions/:version': ['practitioner', 'hub-manager', 'national-analyst', 'operations', 'auditor'],
      'GET /v1/ops/status': ['operations'],
      'GET /v1/ops/parked': ['operations'],
      'POST /v1/ops/parked/:id/retry': ['operations'],
      'POST /v1/ops/parked/:id/skip': ['operations'],
      'GET /v1/ops/referrals/:id/at': ['operations'],
    });
  });

  it('give every non-public endpoint its audit action, so no use of case data goes unrecorded', () => {
    const audited = Object.entries(ACCESS_RULES).flatMap(([route, rule]: [string, AccessRule]) => (rule.access === 'public' ? [] : [[route, rule.audit] as const]));
    expect(audited.length).toBeGreaterThan(0);
    for (const [route, audit] of audited) {
      expect({ route, audit }).toEqual({
        route,
        audit: expect.objectContaining({
          access: expect.stringMatching(/^(read|write)$/),
          action: expect.stringMatching(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/),
          resourceType: expect.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/),
          recordedBy: expect.stringMatching(/^(interceptor|handler)$/),
        }),
      });
    }
    expect(Object.fromEntries(audited.map(([route, audit]) => [route, `${audit.access} ${audit.action} ${audit.resourceType}`]))).toEqual({
      'POST /v1/referrals': 'write referral.submit referral',
      'GET /v1/referrals/:id': 'read referral.read referral',
      'GET /v1/referrals/:id/information': 'read referral.information-read referral',
      'POST /v1/referrals/:id/triage': 'write referral.triage referral',
      'POST /v1/referrals/:id/rating': 'write referral.re-rate referral',
      'POST /v1/referrals/:id/authorisations': 'write referral.authorise referral',
      'POST /v1/referrals/:id/information-requests/:agency/response': 'write referral.information-response referral',
      'POST /v1/referrals/:id/information-gathering/close': 'write referral.information-gathering-close referral',
      'POST /v1/referrals/:id/strategy-discussion': 'write referral.strategy-discussion referral',
      'POST /v1/referrals/:id/actions/:actionId/complete': 'write referral.action-complete referral',
      'POST /v1/referrals/:id/actions/:actionId/cancel': 'write referral.action-cancel referral',
      'POST /v1/referrals/:id/challenge': 'write referral.challenge referral',
      'POST /v1/referrals/:id/disclosures': 'write referral.disclosure-record referral',
      'GET /v1/referrals/:id/disclosures': 'read referral.disclosures-read referral',
      'GET /v1/hubs/:hubId/audit-records': 'read audit.query audit-log',
      'PUT /v1/hubs/:hubId/policy': 'write hub-policy.publish hub-policy',
      'GET /v1/hubs/:hubId/policy': 'read hub-policy.read hub-policy',
      'GET /v1/hubs/:hubId/policy/versions': 'read hub-policy.list-versions hub-policy',
      'GET /v1/hubs/:hubId/policy/versions/:version': 'read hub-policy.read hub-policy',
      'GET /v1/ops/status': 'read ops.status-read ops-status',
      'GET /v1/ops/parked': 'read parked-event.list parked-event',
      'POST /v1/ops/parked/:id/retry': 'write parked-event.retry parked-event',
      'POST /v1/ops/parked/:id/skip': 'write parked-event.skip parked-event',
      'GET /v1/ops/referrals/:id/at': 'read referral.read-at referral',
    });
  });

  it('open the audit log to auditors only, and case data never to them', () => {
    expect(ACCESS_RULES['GET /v1/hubs/:hubId/audit-records'].roles).toEqual(['auditor']);
  });

  it('never open an endpoint with personal data to national analysts, operations or auditors', () => {
    const caseData = Object.keys(ACCESS_RULES).filter((route) => route.startsWith('POST /v1/referrals') || route.startsWith('GET /v1/referrals')) as (keyof typeof ACCESS_RULES)[];
    expect(caseData.length).toBeGreaterThan(2);
    for (const route of caseData) {
      const rule: AccessRule = ACCESS_RULES[route];
      if (rule.access === 'public') throw new Error(`${route} carries case data and must not be public`);
      expect(rule.roles).not.toEqual(expect.arrayContaining(['national-analyst']));
      expect(rule.roles).not.toContain('operations');
      expect(rule.roles).not.toContain('auditor');
    }
  });
});

describe('who sees a referral', () => {
  const referral = { hubId: 'north', submittedBy: 'u-1' };

  it.each<[string, Principal, string]>([
    ['a practitioner of its hub: all of it', principal(['practitioner']), 'full'],
    ['a hub manager of its hub: all of it', principal(['hub-manager']), 'full'],
    ['its referrer: its status', principal(['referrer']), 'status'],
    ['another referrer of the hub: nothing', principal(['referrer'], ['north'], 'u-2'), 'none'],
    ['a practitioner of another hub: nothing', principal(['practitioner'], ['south']), 'none'],
    ['a hub manager of another hub: nothing', principal(['hub-manager'], ['south']), 'none'],
    ['its referrer, now working for another hub only: nothing', principal(['referrer'], ['south']), 'none'],
    ['a national analyst: nothing', principal(['national-analyst'], []), 'none'],
    ['an auditor of the hub: nothing', principal(['auditor']), 'none'],
    ['operations: nothing', principal(['operations']), 'none'],
  ])('%s', (_, who, visibility) => {
    expect(referralVisibility(who, referral)).toBe(visibility);
  });

  it('shows no referrer a referral whose submitter is unknown', () => {
    expect(referralVisibility(principal(['referrer']), { hubId: 'north', submittedBy: null })).toBe('none');
  });
});
