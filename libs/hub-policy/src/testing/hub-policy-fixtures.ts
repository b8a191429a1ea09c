import type { Agency } from '@app/domain';
import type { HubPolicyOverrides } from '../resolve-policy';

const signatory = (agency: Agency) => ({ agency, signedOn: '2026-01-20', signedBy: `Head of ${agency} safeguarding` });

/** What every hub must add to the template: its manager, its agreement, its data protection protocol. */
export const hubFacts = {
  accountableManager: { userId: 'mia', name: 'Mia Okafor' },
  informationSharingAgreement: {
    version: '3.1',
    date: '2026-01-15',
    signatories: (['police', 'social-care', 'health', 'education', 'probation', 'housing'] as const).map(signatory),
  },
  dataProtectionProtocol: { reference: 'NS-MASH-DPP-2026', version: '2', url: 'https://northshire.example/mash/dpp' },
} satisfies HubPolicyOverrides;

/**
 * The docs/hub-policy.md example: police-only direct referrals, its own RAG wording with a blue
 * level, a local closure day, and contacts for its agencies.
 */
export const northshireOverrides = {
  ...hubFacts,
  delegates: [{ userId: 'dan', name: 'Dan Reyes' }],
  directReferrals: { sources: 'police-only', publicFrontDoor: false },
  agencies: {
    core: [
      { agency: 'police', escalationContacts: [{ role: 'agency-team-manager', name: 'DS Ana Ruiz', phone: '+44 1632 960001' }] },
      { agency: 'social-care', escalationContacts: [{ role: 'agency-team-manager', name: 'Sam Hale', email: 'sam.hale@northshire.example' }] },
      { agency: 'health', escalationContacts: [{ role: 'service-manager', name: 'Dr Lee Ward', email: 'lee.ward@nhs.example', phone: '+44 1632 960002' }] },
    ],
  },
  ragLevels: [
    {
      code: 'red',
      label: 'Red',
      severity: 3,
      wording: 'Child or adult at immediate risk; decision within the hour',
      informationRequestTimescale: { workingHours: 2 },
      reminderLeadTime: { workingHours: 0.5 },
      agenciesAsked: ['police', 'social-care', 'health', 'education'],
    },
    {
      code: 'amber',
      label: 'Amber',
      severity: 2,
      wording: 'Likely significant harm without support',
      informationRequestTimescale: { workingHours: 6 },
      reminderLeadTime: { workingHours: 1 },
      agenciesAsked: ['police', 'social-care', 'health'],
    },
    {
      code: 'green',
      label: 'Green',
      severity: 1,
      wording: 'Needs met by universal or early help services',
      informationRequestTimescale: { workingHours: 24 },
      reminderLeadTime: { workingHours: 4 },
      agenciesAsked: ['social-care', 'health'],
    },
    {
      code: 'blue',
      label: 'Blue',
      severity: 0,
      wording: 'Minimal risk: nothing shared, no target',
      informationRequestTimescale: null,
      reminderLeadTime: null,
      agenciesAsked: [],
    },
  ],
  calendar: { localClosures: [{ date: '2026-12-24', name: 'Christmas Eve: hub closed' }] },
  funding: [
    { agency: 'police', financialYear: '2026-27', amountGbp: 180000, staffFte: 4 },
    { agency: 'health', financialYear: '2026-27', amountGbp: 120000 },
  ],
} satisfies HubPolicyOverrides;
