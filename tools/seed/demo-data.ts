/** The demo hubs and sample referrals that `npm run platform` loads. Invented people only. */

export const DEMO_HUBS = [
  { hubId: 'northshire', name: 'Northshire MASH', scope: 'both', directReferrers: null },
  { hubId: 'eastmoor', name: 'Eastmoor Children\'s MASH', scope: 'children', directReferrers: ['police', 'education', 'health'] },
] as const;

export const SAMPLE_REFERRALS = [
  {
    idempotencyKey: 'demo-referral-1',
    body: {
      hubId: 'northshire',
      referrer: { name: 'Pat Example', agency: 'education', role: 'Designated safeguarding lead' },
      subject: {
        type: 'child',
        givenName: 'Robin',
        familyName: 'Sample',
        dateOfBirth: '2017-04-12',
        address: { line1: '1 Example Row', town: 'Northshire', postcode: 'NS1 1AA' },
      },
      householdMembers: [{ givenName: 'Alex', familyName: 'Sample', relationship: 'mother' }],
      concernCategories: ['neglect'],
      immediateRisk: false,
      consent: { status: 'given', familyAware: true },
      narrative: 'Often arrives at school hungry and in unwashed clothes; attendance falling.',
    },
  },
  {
    idempotencyKey: 'demo-referral-2',
    body: {
      hubId: 'northshire',
      referrer: { name: 'PC Demo', agency: 'police' },
      subject: { type: 'child', givenName: 'Kim', familyName: 'Placeholder', ageBand: '10-15' },
      householdMembers: [],
      concernCategories: ['domestic-abuse', 'emotional-abuse'],
      immediateRisk: true,
      consent: { status: 'not-sought', familyAware: false, reason: 'Seeking consent would place the child at risk' },
      narrative: 'Attended a domestic incident overnight; child present and distressed.',
    },
  },
  {
    idempotencyKey: 'demo-referral-3',
    body: {
      hubId: 'northshire',
      referrer: { name: 'Nurse Fictional', agency: 'health' },
      subject: { type: 'adult', givenName: 'Morgan', familyName: 'Invented', ageBand: '75+' },
      householdMembers: [{ givenName: 'Lee', familyName: 'Invented', relationship: 'son' }],
      concernCategories: ['financial-abuse', 'self-neglect'],
      immediateRisk: false,
      consent: { status: 'refused', familyAware: false, reason: 'Capacity in doubt; public task' },
      narrative: 'Unpaid bills, little food in the house; a relative collects the pension.',
    },
  },
];
