import type { LifecyclePolicy } from '../../policy/lifecycle-policy';
import type { Actor } from '../../referral/lifecycle/lifecycle.types';
import type { ReferralDataset } from '../../referral/referral-dataset';
import type { SharingDecision } from '../../referral/information-gathering/sharing-decision';
import type { ReferralCommand } from '../../referral/referral.commands';
import { decide } from '../../referral/referral.decider';
import type { ReferralEvent } from '../../referral/referral.events';
import { evolve } from '../../referral/referral.evolve';
import { initialState } from '../../referral/referral.state';
import { deciderSpec } from '../decider-spec';

/**
 * A hub whose calendar can be checked by hand: UTC, Monday to Friday 09:00-17:00, no holidays.
 * The referral arrives on Monday 2 March 2026 at 10:15.
 */
export const referralId = 'r-1';
export const RECEIVED_AT = '2026-03-02T10:15:00.000Z';

export const practitioner: Actor = { userId: 'pat', agency: 'social-care' };
export const manager: Actor = { userId: 'mia', agency: 'social-care' };
export const delegate: Actor = { userId: 'dan', agency: 'police' };
export const referrerActor: Actor = { userId: 'teacher-1', agency: 'education' };

export function policy(over: Partial<LifecyclePolicy> = {}): LifecyclePolicy {
  return {
    hubId: 'northshire',
    policyVersion: 7,
    scope: 'both',
    ragLevels: [
      {
        code: 'red',
        label: 'Red',
        wording: 'significant harm',
        severity: 3,
        informationRequestTimescale: { workingHours: 4 },
        reminderLeadTime: { workingHours: 1 },
        agencies: ['police', 'social-care', 'health'],
      },
      {
        code: 'amber',
        label: 'Amber',
        wording: 'possible harm',
        severity: 2,
        informationRequestTimescale: { workingDays: 1 },
        reminderLeadTime: { workingHours: 2 },
        agencies: ['police', 'social-care'],
      },
      {
        code: 'green',
        label: 'Green',
        wording: 'additional needs',
        severity: 1,
        informationRequestTimescale: { workingDays: 3 },
        reminderLeadTime: { workingDays: 1 },
        agencies: ['social-care'],
      },
      {
        code: 'blue',
        label: 'Blue',
        wording: 'minimal risk, nothing shared',
        severity: 0,
        informationRequestTimescale: null,
        reminderLeadTime: null,
        agencies: [],
      },
    ],
    triageTimescale: { child: { workingDays: 1 }, adult: { workingDays: 2 } },
    authorisationTimescale: { workingHours: 4 },
    immediateRiskStrategyDiscussionTimescale: { workingHours: 2 },
    actionDefaultTimescale: { workingDays: 5 },
    actionReminderLeadTime: { workingDays: 1 },
    challengeWindow: { workingDays: 5 },
    escalationLadder: [
      { level: 1, notify: [{ role: 'agency-team-manager', agencyContact: true }], nextRungAfter: { workingHours: 4 } },
      {
        level: 2,
        notify: [{ role: 'service-manager', agencyContact: true }, { role: 'hub-accountable-manager' }],
        nextRungAfter: { workingDays: 1 },
      },
      { level: 3, notify: [{ role: 'strategic-lead' }] },
    ],
    coreAgencies: ['police', 'social-care', 'health'],
    authorisers: { accountableManager: 'mia', delegates: ['dan'] },
    memberAgencies: ['police', 'social-care', 'health', 'education', 'housing'],
    sharingAgreement: { version: '3.1', signatories: ['police', 'social-care', 'health', 'education', 'housing'] },
    calendar: { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], dayStart: '09:00', dayEnd: '17:00', holidays: [] },
    ...over,
  };
}

export const meta = (now: string, p: LifecyclePolicy = policy()) => ({ now: new Date(now), policy: p });

export function dataset(over: Partial<ReferralDataset> = {}): ReferralDataset {
  return {
    referrer: { name: 'A Teacher', agency: 'education', email: 'teacher@school.example' },
    subject: { type: 'child', givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2018-06-01' },
    householdMembers: [],
    concernCategories: ['neglect'],
    immediateRisk: false,
    consent: { status: 'not-sought', familyAware: false },
    narrative: 'Arrives hungry most days.',
    ...over,
  };
}

export const adultDataset = () =>
  dataset({ subject: { type: 'adult', givenName: 'Ann', familyName: 'Roe', ageBand: '75+' }, referrer: { name: 'GP', agency: 'health' } });

export const referrerNotice = { name: 'A Teacher', agency: 'education' as const, email: 'teacher@school.example' };

/** The outcome notice is a disclosure: under the national default basis unless the policy names one. */
export const outcomeNotice = { lawfulBasis: 'uk-gdpr-art-6-1-e' as const, reason: 'outcome feedback to the referrer' };

export const spec = deciderSpec({ decide, evolve, initialState });

export const received = (d: ReferralDataset = dataset(), receivedAt = RECEIVED_AT): ReferralEvent => ({
  type: 'ReferralReceived',
  data: { ...d, referralId, hubId: 'northshire', receivedAt },
});

// Commands, each at a time of the case's timeline.
export const begin = (now = '2026-03-02T10:16:00.000Z', p = policy()): ReferralCommand => ({
  type: 'BeginLifecycle',
  data: { referralId },
  metadata: meta(now, p),
});

export const triage = (
  over: { rag?: string; decision?: string; rationale?: string; by?: Actor } = {},
  now = '2026-03-02T11:00:00.000Z',
  p = policy(),
): ReferralCommand => ({
  type: 'RecordTriageDecision',
  data: { referralId, rag: 'amber', decision: 'mash-enquiry', rationale: 'pattern of neglect', by: practitioner, ...over },
  metadata: meta(now, p),
});

export const authorise = (now = '2026-03-02T11:30:00.000Z', by: Actor = manager, p = policy()): ReferralCommand => ({
  type: 'AuthoriseDecision',
  data: { referralId, by, rationale: 'agreed' },
  metadata: meta(now, p),
});

export const returnIt = (now = '2026-03-02T11:30:00.000Z', by: Actor = manager): ReferralCommand => ({
  type: 'ReturnDecision',
  data: { referralId, by, rationale: 'look again at the history' },
  metadata: meta(now),
});

export const respond = (
  agency: 'police' | 'social-care' | 'health',
  now = '2026-03-02T14:00:00.000Z',
  responseId = `${agency}-1`,
): ReferralCommand => ({
  type: 'RecordInformationResponse',
  data: { referralId, agency, responseId, by: { userId: `${agency}-officer`, agency }, summary: `${agency} records`, sharing: sharedFor(agency) },
  metadata: meta(now),
});

export const sharedFor = (agency: string): SharingDecision => ({
  decision: 'shared',
  sensitivity: 'general',
  lawfulBasis: 'uk-gdpr-art-6-1-e',
  purpose: `${agency} history for the multi-agency view`,
});

export const reRate = (rag: string, now = '2026-03-02T12:00:00.000Z', rationale = 'new information'): ReferralCommand => ({
  type: 'ReRate',
  data: { referralId, rag, rationale, by: practitioner },
  metadata: meta(now),
});

export const closeGathering = (now = '2026-03-02T16:00:00.000Z', by: Actor = manager): ReferralCommand => ({
  type: 'CloseInformationGathering',
  data: { referralId, by, rationale: 'enough to decide' },
  metadata: meta(now),
});

export const discussion = (
  over: Partial<Extract<ReferralCommand, { type: 'RecordStrategyDiscussion' }>['data']> = {},
  now = '2026-03-03T15:00:00.000Z',
): ReferralCommand => ({
  type: 'RecordStrategyDiscussion',
  data: {
    referralId,
    heldAt: '2026-03-03T14:00:00.000Z',
    attendees: [
      { agency: 'police', name: 'DS Grey', role: 'detective sergeant' },
      { agency: 'social-care', name: 'Sue Park', role: 'team manager' },
    ],
    absences: [{ agency: 'health', reason: 'GP surgery closed; written report supplied' }],
    decision: 'section-47-enquiry',
    rationale: 'threshold for significant harm met',
    actions: [
      { actionId: 'a1', description: 'joint visit', owningAgency: 'police', dueAt: '2026-03-10T12:00:00.000Z' },
      { actionId: 'a2', description: 'health assessment', owningAgency: 'health' },
    ],
    by: practitioner,
    ...over,
  },
  metadata: meta(now),
});

export const complete = (actionId: string, now = '2026-03-05T10:00:00.000Z'): ReferralCommand => ({
  type: 'CompleteAction',
  data: { referralId, actionId, by: practitioner, note: 'done' },
  metadata: meta(now),
});

export const cancel = (actionId: string, now = '2026-03-05T10:00:00.000Z', reason = 'no longer needed'): ReferralCommand => ({
  type: 'CancelAction',
  data: { referralId, actionId, by: practitioner, reason },
  metadata: meta(now),
});

export const challenge = (now = '2026-03-05T12:00:00.000Z', by: Actor = referrerActor): ReferralCommand => ({
  type: 'RaiseChallenge',
  data: { referralId, by, reason: 'the family situation is worse than recorded' },
  metadata: meta(now),
});

// Histories: the referral at each stage of the usual path.
/** The given events followed by those a sequence of commands gives, each decided in turn. */
export function historyOfFrom(given: ReferralEvent[], ...commands: ReferralCommand[]): ReferralEvent[] {
  const events = [...given];
  for (const command of commands) events.push(...decide(command, events.reduce(evolve, initialState())));
  return events;
}

export const atTriage = (d = dataset()) => historyOfFrom([received(d)], begin());
export const awaitingTriageAuthorisation = (over = {}) => historyOfFrom(atTriage(), triage(over));
export const gathering = () => historyOfFrom(awaitingTriageAuthorisation(), authorise());
export const atStrategyDiscussion = () => historyOfFrom(gathering(), respond('police'), respond('social-care'));
export const awaitingStrategyAuthorisation = (over = {}) => historyOfFrom(atStrategyDiscussion(), discussion(over));
export const followingUpActions = () => historyOfFrom(awaitingStrategyAuthorisation(), authorise('2026-03-03T16:00:00.000Z'));
export const closedAfterTriage = () => historyOfFrom(awaitingTriageAuthorisation({ decision: 'early-help', rag: 'green' }), authorise());
