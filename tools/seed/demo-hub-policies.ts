import type { HubPolicyOverrides } from '@app/hub-policy';
import type { DEMO_HUBS } from './demo-data';

const MEMBERS = ['police', 'social-care', 'health', 'education', 'probation', 'housing'] as const;

/**
 * Version 1 of each demo hub's policy: the national template plus what only a hub can say, with
 * `<hub>-accountable-manager` accountable (as the README's demo tokens assume) and the same
 * intake rules as its row in `hubs`.
 */
export function demoHubPolicy(hub: (typeof DEMO_HUBS)[number]): HubPolicyOverrides {
  return {
    scope: hub.scope,
    directReferrals:
      hub.directReferrers === null
        ? { sources: 'any-agency', agencies: [], publicFrontDoor: true }
        : { sources: 'listed-agencies', agencies: [...hub.directReferrers], publicFrontDoor: false },
    accountableManager: { userId: `${hub.hubId}-accountable-manager`, name: `${hub.name} accountable manager` },
    informationSharingAgreement: {
      version: '1.0',
      date: '2026-01-05',
      signatories: MEMBERS.map((agency) => ({ agency, signedOn: '2026-01-12', signedBy: `Head of ${agency} safeguarding, ${hub.name}` })),
    },
    dataProtectionProtocol: { reference: `${hub.hubId.toUpperCase()}-MASH-DPP-2026`, version: '1' },
  };
}
