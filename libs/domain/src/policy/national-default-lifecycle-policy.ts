import { englandAndWalesCalendar } from '../calendar/bank-holidays';
import type { LifecyclePolicy } from './lifecycle-policy';

const MEMBER_AGENCIES = ['police', 'social-care', 'health', 'education', 'probation', 'housing'] as const;

/**
 * The policy version a decision records while its hub has published no policy: the national
 * default. Published versions start at 1, so a recorded version always says which rules applied.
 */
export const NATIONAL_DEFAULT_POLICY_VERSION = 0;

/** The national frame's defaults: a hub's policy overrides only where it differs. */
export function nationalDefaultLifecyclePolicy(
  hubId: string,
  accountableManager: string,
  calendarYears: number[] = [2026, 2027],
): LifecyclePolicy {
  return {
    hubId,
    policyVersion: NATIONAL_DEFAULT_POLICY_VERSION,
    scope: 'both',
    ragLevels: [
      {
        code: 'red',
        label: 'Red',
        severity: 3,
        wording: 'Risk of significant harm; action needed today',
        informationRequestTimescale: { workingHours: 4 },
        reminderLeadTime: { workingHours: 1 },
        agencies: ['police', 'social-care', 'health', 'education'],
      },
      {
        code: 'amber',
        label: 'Amber',
        severity: 2,
        wording: 'Possible significant harm; needs a multi-agency view',
        informationRequestTimescale: { workingDays: 1 },
        reminderLeadTime: { workingHours: 2 },
        agencies: ['police', 'social-care', 'health'],
      },
      {
        code: 'green',
        label: 'Green',
        severity: 1,
        wording: 'Additional needs; no immediate risk of harm',
        informationRequestTimescale: { workingDays: 3 },
        reminderLeadTime: { workingDays: 1 },
        agencies: ['social-care', 'health'],
      },
    ],
    triageTimescale: { child: { workingDays: 1 }, adult: { workingDays: 2 } },
    authorisationTimescale: { workingHours: 4 },
    immediateRiskStrategyDiscussionTimescale: { calendarHours: 24 },
    actionDefaultTimescale: { workingDays: 10 },
    actionReminderLeadTime: { workingDays: 1 },
    challengeWindow: { workingDays: 10 },
    escalationLadder: [
      { level: 1, notify: [{ role: 'agency-team-manager', agencyContact: true }], nextRungAfter: { workingDays: 1 } },
      {
        level: 2,
        notify: [{ role: 'service-manager', agencyContact: true }, { role: 'hub-accountable-manager' }],
        nextRungAfter: { workingDays: 2 },
      },
      { level: 3, notify: [{ role: 'strategic-lead' }], nextRungAfter: { workingDays: 5 } },
    ],
    coreAgencies: ['police', 'social-care', 'health'],
    authorisers: { accountableManager, delegates: [] },
    memberAgencies: [...MEMBER_AGENCIES],
    /** No agreement document: every member agency counts as signed, so nobody asked today is left out. */
    sharingAgreement: { version: null, signatories: [...MEMBER_AGENCIES] },
    calendar: englandAndWalesCalendar(calendarYears),
  };
}
