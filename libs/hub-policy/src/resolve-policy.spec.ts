import { NATIONAL_HUB_POLICY_TEMPLATE } from './national-template';
import { resolvePolicy, type HubPolicyOverrides } from './resolve-policy';
import { hubFacts } from './testing/hub-policy-fixtures';
import { validateHubPolicy } from './validation/validate-hub-policy';

const template = NATIONAL_HUB_POLICY_TEMPLATE;

describe('resolvePolicy: objects merge, everything else replaces', () => {
  it.each<[string, HubPolicyOverrides, (resolved: ReturnType<typeof resolvePolicy>) => void]>([
    [
      'an object merges key by key: a closure day keeps the zone, days and hours',
      { calendar: { localClosures: [{ date: '2026-12-24', name: 'Christmas Eve' }] } },
      (r) => expect(r.calendar).toEqual({ ...template.calendar, localClosures: [{ date: '2026-12-24', name: 'Christmas Eve' }] }),
    ],
    [
      'nested objects merge too: one triage timescale changes, the other stays',
      { timescales: { triage: { adult: { workingDays: 3 } } } },
      (r) => expect(r.timescales).toEqual({ ...template.timescales, triage: { child: { workingDays: 1 }, adult: { workingDays: 3 } } }),
    ],
    [
      'a list replaces whole: one RAG level written means one level',
      { ragLevels: [{ ...template.ragLevels[0], wording: 'Our red' }] },
      (r) => expect(r.ragLevels).toEqual([{ ...template.ragLevels[0], wording: 'Our red' }]),
    ],
    [
      'contributing agencies replace, core agencies stay',
      { agencies: { contributing: [{ agency: 'youth-justice', escalationContacts: [] }] } },
      (r) => expect(r.agencies).toEqual({ core: template.agencies.core, contributing: [{ agency: 'youth-justice', escalationContacts: [] }] }),
    ],
    [
      'null replaces: no action reminder',
      { timescales: { actionReminder: null } },
      (r) => expect(r.timescales?.actionReminder).toBeNull(),
    ],
    [
      'a field left undefined keeps the template',
      { scope: undefined, timescales: { authorisation: undefined } },
      (r) => {
        expect(r.scope).toBe('both');
        expect(r.timescales?.authorisation).toEqual({ workingHours: 4 });
      },
    ],
    [
      'a map merges by key: one agency narrowed, the role defaults kept',
      { informationSharingAgreement: { visibility: { agencies: { housing: ['general'] } } } },
      (r) =>
        expect(r.informationSharingAgreement?.visibility).toEqual({
          roles: template.informationSharingAgreement.visibility.roles,
          agencies: { housing: ['general'] },
        }),
    ],
  ])('%s', (_, overrides, check) => {
    check(resolvePolicy(overrides));
  });

  it('gives the template itself when the hub writes nothing', () => {
    expect(resolvePolicy({})).toEqual(template);
  });

  it('adds what only the hub can say, making the template a valid policy', () => {
    const resolved = resolvePolicy(hubFacts);
    expect(resolved).toEqual({ ...template, ...hubFacts, informationSharingAgreement: { ...hubFacts.informationSharingAgreement, visibility: template.informationSharingAgreement.visibility } });
    expect(validateHubPolicy(resolved).valid).toBe(true);
  });

  it('changes neither the template nor the overrides, and shares no objects with them', () => {
    const overrides: HubPolicyOverrides = { calendar: { workingDays: [1, 2, 3, 4] } };
    const before = structuredClone(overrides);
    const resolved = resolvePolicy(overrides);
    resolved.calendar!.workingDays!.push(6);
    resolved.ragLevels![0].agenciesAsked.push('fire');
    expect(overrides).toEqual(before);
    expect(template.ragLevels[0].agenciesAsked).toEqual(['police', 'social-care', 'health', 'education']);
    expect(Object.isFrozen(template.ragLevels[0])).toBe(true);
  });

  it('keeps "__proto__" from a JSON body as a plain key, which the schema then refuses', () => {
    const resolved = resolvePolicy({ ...hubFacts, ...JSON.parse('{"__proto__": {"polluted": true}}') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const result = validateHubPolicy(resolved);
    expect(result.valid ? [] : result.problems.map((p) => p.path)).toEqual(['/__proto__']);
  });

  it('lets a hub replace an object with something else, for validation to refuse', () => {
    const result = validateHubPolicy(resolvePolicy({ ...hubFacts, calendar: null as never }));
    expect(result.valid ? [] : result.problems.map((p) => p.path)).toEqual(['/calendar']);
  });
});
