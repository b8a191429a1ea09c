/**
 * A complete, valid POST /v1/referrals body about a child (all names made up), and helpers to
 * spoil one field of it. Used by the API's unit and integration tests.
 */
export function validReferralRequest(hubId = 'exampleshire-mash'): Record<string, any> {
  return {
    hubId,
    referrer: {
      name: 'Alex Teacher',
      agency: 'education',
      role: 'Designated safeguarding lead',
      phone: '+44 20 7946 0000',
      email: 'dsl@school.example',
    },
    subject: {
      type: 'child',
      givenName: 'Sam',
      familyName: 'Example',
      dateOfBirth: '2015-03-14',
      address: { line1: '1 High Street', town: 'Exampleton', postcode: 'SW1A 1AA' },
    },
    householdMembers: [
      { givenName: 'Jo', familyName: 'Example', relationship: 'mother', dateOfBirth: '1985-07-01' },
      { givenName: 'Chris', familyName: 'Other', relationship: "mother's partner" },
    ],
    concernCategories: ['neglect', 'domestic-abuse'],
    immediateRisk: false,
    consent: { status: 'not-sought', familyAware: false, reason: 'Telling the family could place the child at risk.' },
    narrative: 'Sam has come to school hungry most days this term.\nToday Sam said there was shouting at home.',
  };
}

/** The smallest valid body: only required fields, a child known by age band. */
export function minimalReferralRequest(hubId = 'exampleshire-mash'): Record<string, any> {
  return {
    hubId,
    referrer: { name: 'A Neighbour', agency: 'public' },
    subject: { type: 'child', givenName: 'Sam', familyName: 'Example', ageBand: '5-9' },
    concernCategories: ['neglect'],
    immediateRisk: true,
    consent: { status: 'given', familyAware: true },
    narrative: 'Left alone overnight.',
  };
}

/** A copy of `body` with the value at a dotted path replaced (or removed when value is undefined). */
export function withField(body: Record<string, any>, path: string, value: unknown): Record<string, any> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node[key], copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}
