import { NATIONAL_HUB_POLICY_TEMPLATE } from './national-template';
import { resolvePolicy } from './resolve-policy';
import { hubFacts } from './testing/hub-policy-fixtures';
import { validateHubPolicy } from './validation/validate-hub-policy';

describe('the national template', () => {
  it('is a valid policy once a hub adds its manager, sharing agreement and data protection protocol', () => {
    expect(validateHubPolicy(resolvePolicy(hubFacts))).toEqual({ valid: true, policy: resolvePolicy(hubFacts) });
  });

  it('names, on its own, exactly what only a hub can say', () => {
    const result = validateHubPolicy(NATIONAL_HUB_POLICY_TEMPLATE);
    expect(result.valid ? [] : result.problems.map((problem) => problem.path)).toEqual([
      '/accountableManager',
      '/dataProtectionProtocol',
      '/informationSharingAgreement/version',
      '/informationSharingAgreement/date',
      '/informationSharingAgreement/signatories',
    ]);
  });

  it('asks red in 4 working hours, amber in 1 working day, green in 3, with police, social care and health as core', () => {
    expect(NATIONAL_HUB_POLICY_TEMPLATE.ragLevels.map((l) => [l.code, l.informationRequestTimescale])).toEqual([
      ['red', { workingHours: 4 }],
      ['amber', { workingDays: 1 }],
      ['green', { workingDays: 3 }],
    ]);
    expect(NATIONAL_HUB_POLICY_TEMPLATE.agencies.core.map((m) => m.agency)).toEqual(['police', 'social-care', 'health']);
  });

  it('cannot be changed by a caller', () => {
    expect(() => {
      (NATIONAL_HUB_POLICY_TEMPLATE.timescales.triage as { child: unknown }).child = { workingDays: 9 };
    }).toThrow(TypeError);
  });
});
