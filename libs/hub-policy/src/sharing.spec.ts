import type { Agency } from '@app/domain';
import type { HubPolicyDocument } from './hub-policy.types';
import { resolvePolicy } from './resolve-policy';
import { hubFacts } from './testing/hub-policy-fixtures';
import { hasSignedAgreement, visibleSensitivities } from './sharing';

const policy = resolvePolicy({
  ...hubFacts,
  informationSharingAgreement: { ...hubFacts.informationSharingAgreement, visibility: { agencies: { housing: ['general'] } } },
}) as HubPolicyDocument;

describe('who may see what under the sharing agreement', () => {
  it.each<[string, Agency, unknown]>([
    ['a police practitioner', 'police', ['general', 'sensitive']],
    ['a housing practitioner (narrowed by agency)', 'housing', ['general']],
    ['a fire practitioner (not signed)', 'fire', []],
  ])('%s', (_, agency, expected) => {
    expect(visibleSensitivities(policy, { role: 'practitioner', agency })).toEqual(expected);
  });

  it.each([
    ['hub-manager', ['general', 'sensitive', 'restricted']],
    ['referrer', []],
    ['national-analyst', []],
    ['auditor', []],
  ])('a social-care %s', (role, expected) => {
    expect(visibleSensitivities(policy, { role, agency: 'social-care' })).toEqual(expected);
  });

  it('counts an agency as signed only when it is among the signatories', () => {
    expect(hasSignedAgreement(policy, 'education')).toBe(true);
    expect(hasSignedAgreement(policy, 'youth-justice')).toBe(false);
  });
});
