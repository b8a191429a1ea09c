import { addWorkingTime, nationalDefaultLifecyclePolicy, type LifecyclePolicy } from '@app/domain';
import type { HubPolicyDocument } from './hub-policy.types';
import { resolvePolicy } from './resolve-policy';
import { hubFacts, northshireOverrides } from './testing/hub-policy-fixtures';
import { toHubIntakeRules, toLifecyclePolicy } from './to-lifecycle-policy';

const resolved = (overrides: Parameters<typeof resolvePolicy>[0]) => resolvePolicy(overrides) as HubPolicyDocument;
const now = new Date('2026-03-02T10:15:00.000Z');
/**
 * The national default is version 0 and has no agreement document; hubFacts, published here as
 * version 1, signs version 3.1 with every member agency.
 */
const publishedAsVersion1 = (policy: LifecyclePolicy): LifecyclePolicy => ({
  ...policy,
  policyVersion: 1,
  sharingAgreement: { version: '3.1', signatories: policy.memberAgencies },
});

describe('toLifecyclePolicy', () => {
  it('gives, for the national template, exactly the policy referrals run under today', () => {
    expect(toLifecyclePolicy('northshire', 1, resolved(hubFacts), now)).toEqual(
      publishedAsVersion1(nationalDefaultLifecyclePolicy('northshire', 'mia', [2026, 2027, 2028])),
    );
  });

  it('gives the national default for the years a policy names', () => {
    const policy = resolved({ ...hubFacts, calendar: { bankHolidays: { years: [2026, 2027] } } });
    expect(toLifecyclePolicy('northshire', 1, policy, now)).toEqual(publishedAsVersion1(nationalDefaultLifecyclePolicy('northshire', 'mia')));
  });

  it("stamps the version, and takes the hub's levels, authorisers, agencies and closures", () => {
    const lifecycle = toLifecyclePolicy('northshire', 7, resolved(northshireOverrides), now);
    expect(lifecycle.policyVersion).toBe(7);
    expect(lifecycle.ragLevels.map((level) => [level.code, level.informationRequestTimescale, level.agencies])).toEqual([
      ['red', { workingHours: 2 }, ['police', 'social-care', 'health', 'education']],
      ['amber', { workingHours: 6 }, ['police', 'social-care', 'health']],
      ['green', { workingHours: 24 }, ['social-care', 'health']],
      ['blue', null, []],
    ]);
    expect(lifecycle.authorisers).toEqual({ accountableManager: 'mia', delegates: ['dan'] });
    expect(lifecycle.coreAgencies).toEqual(['police', 'social-care', 'health']);
    expect(lifecycle.memberAgencies).toEqual(['police', 'social-care', 'health', 'education', 'probation', 'housing']);
    expect(lifecycle.sharingAgreement).toEqual({ version: '3.1', signatories: ['police', 'social-care', 'health', 'education', 'probation', 'housing'] });
    expect(lifecycle.calendar.holidays).toEqual(expect.arrayContaining(['2026-12-24', '2026-12-25', '2028-12-25']));
  });

  it("counts working time on the hub's own calendar: a closure day is not worked", () => {
    const lifecycle = toLifecyclePolicy('northshire', 1, resolved(northshireOverrides), now);
    // Wednesday 23 December 2026, 16:00 + 2 working hours: the 24th (closure), 25th, 26th-28th are not worked.
    expect(addWorkingTime(new Date('2026-12-23T16:00:00.000Z'), { workingHours: 2 }, lifecycle.calendar).toISOString()).toBe(
      '2026-12-29T10:00:00.000Z',
    );
  });

  it('shares no objects with the document', () => {
    const policy = resolved(northshireOverrides);
    const lifecycle = toLifecyclePolicy('northshire', 1, policy, now);
    (lifecycle.ragLevels[0].agencies as string[]).push('fire');
    (lifecycle.escalationLadder[0].notify as { role: string }[]).push({ role: 'x' });
    expect(policy.ragLevels[0].agenciesAsked).toHaveLength(4);
    expect(policy.escalationLadder[0].notify).toHaveLength(1);
  });
});

describe('toHubIntakeRules', () => {
  it.each<[string, HubPolicyDocument['directReferrals'], unknown]>([
    ['any agency and the public', { sources: 'any-agency', agencies: [], publicFrontDoor: true }, 'any'],
    ['any agency, no front door', { sources: 'any-agency', agencies: [], publicFrontDoor: false }, expect.not.arrayContaining(['public'])],
    ['police only', { sources: 'police-only', agencies: [], publicFrontDoor: false }, ['police']],
    ['police and the public', { sources: 'police-only', agencies: [], publicFrontDoor: true }, ['police', 'public']],
    ['a list', { sources: 'listed-agencies', agencies: ['police', 'health'], publicFrontDoor: false }, ['police', 'health']],
  ])('%s', (_, directReferrals, directReferrers) => {
    const rules = toHubIntakeRules('northshire', 3, { ...resolved(hubFacts), directReferrals });
    expect(rules).toEqual({ hubId: 'northshire', scope: 'both', directReferrers, policyVersion: 3 });
  });

  it('lets every agency but the public refer when there is no front door', () => {
    const rules = toHubIntakeRules('northshire', 1, { ...resolved(hubFacts), directReferrals: { sources: 'any-agency', agencies: [], publicFrontDoor: false } });
    expect(rules.directReferrers).toHaveLength(11);
  });
});
