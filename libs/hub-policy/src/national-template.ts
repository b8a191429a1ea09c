import type { HubPolicyDocument, InformationSharingAgreement, MemberAgency } from './hub-policy.types';

/** What only a hub can say: the national template leaves these for the hub's overrides. */
export type HubSpecificField = 'accountableManager' | 'informationSharingAgreement' | 'dataProtectionProtocol';

export type HubPolicyTemplate = Omit<HubPolicyDocument, HubSpecificField> & {
  informationSharingAgreement: Pick<InformationSharingAgreement, 'visibility'>;
};

const member = (agency: MemberAgency['agency']): MemberAgency => ({ agency, escalationContacts: [] });

/**
 * The national frame's defaults. A hub overrides only where it differs (resolvePolicy), and must
 * add what the template cannot know: its accountable manager, its information sharing
 * agreement's version, date and signatories, and its data protection protocol. These values are
 * the ones the lifecycle has run under so far (nationalDefaultLifecyclePolicy).
 */
export const NATIONAL_HUB_POLICY_TEMPLATE: Readonly<HubPolicyTemplate> = deepFreeze({
  schemaVersion: 1,
  scope: 'both',
  directReferrals: { sources: 'any-agency', agencies: [], publicFrontDoor: true },
  agencies: {
    core: [member('police'), member('social-care'), member('health')],
    contributing: [member('education'), member('probation'), member('housing')],
  },
  delegates: [],
  ragLevels: [
    {
      code: 'red',
      label: 'Red',
      severity: 3,
      wording: 'Risk of significant harm; action needed today',
      informationRequestTimescale: { workingHours: 4 },
      reminderLeadTime: { workingHours: 1 },
      agenciesAsked: ['police', 'social-care', 'health', 'education'],
    },
    {
      code: 'amber',
      label: 'Amber',
      severity: 2,
      wording: 'Possible significant harm; needs a multi-agency view',
      informationRequestTimescale: { workingDays: 1 },
      reminderLeadTime: { workingHours: 2 },
      agenciesAsked: ['police', 'social-care', 'health'],
    },
    {
      code: 'green',
      label: 'Green',
      severity: 1,
      wording: 'Additional needs; no immediate risk of harm',
      informationRequestTimescale: { workingDays: 3 },
      reminderLeadTime: { workingDays: 1 },
      agenciesAsked: ['social-care', 'health'],
    },
  ],
  timescales: {
    triage: { child: { workingDays: 1 }, adult: { workingDays: 2 } },
    authorisation: { workingHours: 4 },
    immediateRiskStrategyDiscussion: { calendarHours: 24 },
    actionDefault: { workingDays: 10 },
    actionReminder: { workingDays: 1 },
    challengeWindow: { workingDays: 10 },
  },
  escalationLadder: [
    { level: 1, notify: [{ role: 'agency-team-manager', agencyContact: true }], nextRungAfter: { workingDays: 1 } },
    {
      level: 2,
      notify: [{ role: 'service-manager', agencyContact: true }, { role: 'hub-accountable-manager' }],
      nextRungAfter: { workingDays: 2 },
    },
    { level: 3, notify: [{ role: 'strategic-lead' }], nextRungAfter: { workingDays: 5 } },
  ],
  calendar: {
    timeZone: 'Europe/London',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    bankHolidays: { region: 'england-and-wales' },
    localClosures: [],
  },
  informationSharingAgreement: {
    visibility: {
      roles: { practitioner: ['general', 'sensitive'], 'hub-manager': ['general', 'sensitive', 'restricted'] },
      agencies: {},
    },
  },
  funding: [],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
