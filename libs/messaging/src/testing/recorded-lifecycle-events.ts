import { SHARING_NOT_RECORDED, type Actor, type ReferralEventType } from '@app/domain';
import {
  REFERRAL_ID,
  recorded,
  recordedReferralReceived,
  recordedTriageAwaited,
  type RecordedReferralEvent,
} from './recorded-referral-events';

/**
 * Marks every free-text value in the examples below (rationales, summaries, notes, reasons,
 * attendees' names and roles, the referrer's contact): no published event may contain it.
 */
export const PRIVATE = 'PRIVATE-TEXT';
const text = (field: string) => `${PRIVATE} ${field}`;

const referralId = REFERRAL_ID;
const practitioner: Actor = { userId: 'practitioner-7', agency: 'social-care' };
const manager: Actor = { userId: 'manager-2', agency: 'social-care' };
const policyVersion = 3;

/** Every domain event type, with each shape it comes in: the compiler says when one is missing. */
export function recordedLifecycleExamples(): { [Type in ReferralEventType]: RecordedReferralEvent<Type>[] } {
  return {
    ReferralReceived: [recordedReferralReceived()],
    TriageAwaited: [recordedTriageAwaited()],
    TriageEscalated: [
      recorded(
        'TriageEscalated',
        {
          referralId,
          level: 2,
          notify: [{ role: 'service-manager', agency: 'social-care' }, { role: 'hub-accountable-manager' }],
          escalatedAt: '2025-01-08T09:00:00.000Z',
          nextEscalationAt: null,
          policyVersion,
        },
        3,
      ),
    ],
    TriageDecisionRecorded: [
      recorded(
        'TriageDecisionRecorded',
        {
          referralId,
          rag: 'red',
          decision: 'mash-enquiry',
          rationale: text('triage rationale'),
          by: practitioner,
          decidedAt: '2025-01-06T11:00:00.000Z',
          policyVersion,
        },
        4,
      ),
    ],
    AuthorisationRequested: [
      recorded(
        'AuthorisationRequested',
        { referralId, kind: 'triage', requestedAt: '2025-01-06T11:00:00.000Z', dueAt: '2025-01-06T15:00:00.000Z', policyVersion },
        5,
      ),
    ],
    AuthorisationEscalated: [
      recorded(
        'AuthorisationEscalated',
        {
          referralId,
          kind: 'challenge',
          level: 1,
          notify: [{ role: 'hub-accountable-manager' }],
          escalatedAt: '2025-01-07T09:00:00.000Z',
          nextEscalationAt: '2025-01-08T09:00:00.000Z',
          policyVersion,
        },
        6,
      ),
    ],
    DecisionAuthorised: [
      recorded(
        'DecisionAuthorised',
        {
          referralId,
          kind: 'triage',
          decision: 'mash-enquiry',
          by: manager,
          rationale: text('authorising rationale'),
          authorisedAt: '2025-01-06T12:00:00.000Z',
          policyVersion,
        },
        7,
      ),
    ],
    DecisionReturned: [
      recorded(
        'DecisionReturned',
        {
          referralId,
          kind: 'strategy',
          decision: 'section-47-enquiry',
          by: manager,
          rationale: text('returning rationale'),
          returnedAt: '2025-01-09T12:00:00.000Z',
          policyVersion,
        },
        8,
      ),
    ],
    RagReRated: [
      recorded(
        'RagReRated',
        {
          referralId,
          from: 'amber',
          to: 'red',
          rationale: text('re-rating rationale'),
          by: practitioner,
          reRatedAt: '2025-01-07T10:00:00.000Z',
          policyVersion,
        },
        9,
      ),
    ],
    InformationRequestDueTimeMoved: [
      recorded(
        'InformationRequestDueTimeMoved',
        {
          referralId,
          agency: 'health',
          rag: 'red',
          dueAt: '2025-01-07T14:00:00.000Z',
          remindAt: null,
          nextEscalationAt: '2025-01-07T14:00:00.000Z',
          movedAt: '2025-01-07T10:00:00.000Z',
          policyVersion,
        },
        10,
      ),
    ],
    InformationRequested: [
      recorded(
        'InformationRequested',
        {
          referralId,
          agency: 'health',
          rag: 'amber',
          requestedAt: '2025-01-06T12:00:00.000Z',
          dueAt: '2025-01-08T12:00:00.000Z',
          remindAt: '2025-01-08T10:00:00.000Z',
          policyVersion,
        },
        11,
      ),
    ],
    InformationRequestReminded: [
      recorded(
        'InformationRequestReminded',
        { referralId, agency: 'health', remindedAt: '2025-01-08T10:00:00.000Z', dueAt: '2025-01-08T12:00:00.000Z', policyVersion },
        12,
      ),
    ],
    InformationRequestEscalated: [
      recorded(
        'InformationRequestEscalated',
        {
          referralId,
          agency: 'health',
          level: 1,
          notify: [{ role: 'agency-team-manager', agency: 'health' }],
          escalatedAt: '2025-01-08T12:00:00.000Z',
          nextEscalationAt: '2025-01-09T12:00:00.000Z',
          policyVersion,
        },
        13,
      ),
    ],
    InformationProvided: [
      recorded(
        'InformationProvided',
        {
          referralId,
          agency: 'health',
          responseId: 'health-1',
          by: { userId: 'health-officer', agency: 'health' },
          summary: text('response summary'),
          sharing: { decision: 'shared', sensitivity: 'restricted', lawfulBasis: 'uk-gdpr-art-9-2-g-dpa-2018-sch-1-para-18', purpose: text('purpose') },
          providedAt: '2025-01-08T13:00:00.000Z',
          dueAt: '2025-01-08T12:00:00.000Z',
          late: true,
          addition: false,
        },
        14,
      ),
      recorded(
        'InformationProvided',
        {
          referralId,
          agency: 'police',
          responseId: 'police-1',
          by: { userId: 'police-officer', agency: 'police' },
          sharing: { decision: 'held-not-shared', lawfulBasis: 'crime-and-disorder-act-1998-s115', reason: text('reason not shared') },
          providedAt: '2025-01-08T11:00:00.000Z',
          dueAt: '2025-01-08T12:00:00.000Z',
          late: false,
          addition: false,
        },
        14,
      ),
      // Recorded before sharing decisions (no `sharing`), as read: upcast to sharing not recorded.
      recorded(
        'InformationProvided',
        {
          referralId,
          agency: 'social-care',
          responseId: 'social-care-1',
          by: { userId: 'social-care-officer', agency: 'social-care' },
          summary: text('older response summary'),
          sharing: { ...SHARING_NOT_RECORDED },
          providedAt: '2025-01-08T11:30:00.000Z',
          dueAt: '2025-01-08T12:00:00.000Z',
          late: false,
          addition: false,
        },
        14,
      ),
    ],
    InformationGatheringClosed: [
      recorded('InformationGatheringClosed', { referralId, early: false, unanswered: [], closedAt: '2025-01-08T13:00:00.000Z' }, 15),
      recorded(
        'InformationGatheringClosed',
        {
          referralId,
          early: true,
          unanswered: ['education', 'housing'],
          closedAt: '2025-01-08T13:00:00.000Z',
          by: practitioner,
          rationale: text('closing rationale'),
        },
        16,
      ),
    ],
    StrategyDiscussionScheduled: [
      recorded(
        'StrategyDiscussionScheduled',
        {
          referralId,
          reason: 'immediate-risk',
          rag: 'red',
          scheduledAt: '2025-01-06T09:16:00.000Z',
          dueAt: '2025-01-06T13:15:00.000Z',
          policyVersion,
        },
        17,
      ),
    ],
    StrategyDiscussionHeld: [
      recorded(
        'StrategyDiscussionHeld',
        {
          referralId,
          heldAt: '2025-01-09T10:00:00.000Z',
          minutesSinceReferral: 4485,
          attendees: [
            { agency: 'police', name: text('attendee name'), role: text('attendee role') },
            { agency: 'social-care', name: text('chair name'), role: text('chair role') },
          ],
          absences: [{ agency: 'education', reason: text('absence reason') }],
          decision: 'section-47-enquiry',
          rationale: text('strategy rationale'),
          actions: [
            {
              actionId: 'a1',
              description: 'joint visit',
              owningAgency: 'police',
              dueAt: '2025-01-10T12:00:00.000Z',
              remindAt: '2025-01-10T10:00:00.000Z',
            },
            { actionId: 'a2', description: 'health assessment', owningAgency: 'health', dueAt: '2025-01-14T12:00:00.000Z', remindAt: null },
          ],
          by: practitioner,
          recordedAt: '2025-01-09T11:00:00.000Z',
          policyVersion,
        },
        18,
      ),
    ],
    OutcomeDecided: [
      recorded(
        'OutcomeDecided',
        {
          referralId,
          source: 'strategy',
          decision: 'section-47-enquiry',
          rag: 'red',
          authorisedBy: manager,
          decidedAt: '2025-01-09T12:00:00.000Z',
          policyVersion,
        },
        19,
      ),
    ],
    ReferrerNotified: [
      recorded(
        'ReferrerNotified',
        {
          referralId,
          about: 'outcome',
          decision: 'section-47-enquiry',
          referrer: { name: text('referrer name'), agency: 'police', email: 'private-text.referrer@example.invalid' },
          notifiedAt: '2025-01-09T12:00:01.000Z',
          policyVersion,
        },
        20,
      ),
      recorded(
        'ReferrerNotified',
        {
          referralId,
          about: 'outcome',
          decision: 'section-47-enquiry',
          referrer: { name: text('referrer name'), agency: 'police', email: 'private-text.referrer@example.invalid' },
          notifiedAt: '2025-01-09T12:00:01.000Z',
          policyVersion,
          lawfulBasis: 'uk-gdpr-art-6-1-e',
          reason: text('outcome notice reason'),
        },
        20,
      ),
    ],
    ReferralClosed: [
      recorded(
        'ReferralClosed',
        {
          referralId,
          outcome: 'section-47-enquiry',
          closedAt: '2025-01-14T12:00:00.000Z',
          challengeableUntil: '2025-01-28T12:00:00.000Z',
          policyVersion,
        },
        21,
      ),
    ],
    ActionReminded: [
      recorded(
        'ActionReminded',
        {
          referralId,
          actionId: 'a1',
          owningAgency: 'police',
          remindedAt: '2025-01-10T10:00:00.000Z',
          dueAt: '2025-01-10T12:00:00.000Z',
          policyVersion,
        },
        22,
      ),
    ],
    ActionEscalated: [
      recorded(
        'ActionEscalated',
        {
          referralId,
          actionId: 'a1',
          owningAgency: 'police',
          level: 3,
          notify: [{ role: 'strategic-lead' }],
          escalatedAt: '2025-01-15T12:00:00.000Z',
          nextEscalationAt: null,
          policyVersion,
        },
        23,
      ),
    ],
    ActionCompleted: [
      recorded(
        'ActionCompleted',
        {
          referralId,
          actionId: 'a1',
          by: { userId: 'pc-12', agency: 'police' },
          note: text('completion note'),
          completedAt: '2025-01-16T09:00:00.000Z',
          late: true,
        },
        24,
      ),
    ],
    ActionCancelled: [
      recorded(
        'ActionCancelled',
        { referralId, actionId: 'a2', by: practitioner, reason: text('cancellation reason'), cancelledAt: '2025-01-12T09:00:00.000Z' },
        25,
      ),
    ],
    ChallengeRaised: [
      recorded(
        'ChallengeRaised',
        {
          referralId,
          by: { userId: 'pc-12', agency: 'police' },
          reason: text('challenge reason'),
          outcome: 'no-further-action',
          raisedAt: '2025-01-20T09:00:00.000Z',
          policyVersion,
        },
        26,
      ),
    ],
    ChallengeResolved: [
      recorded(
        'ChallengeResolved',
        {
          referralId,
          by: manager,
          rationale: text('upholding rationale'),
          resolvedAt: '2025-01-21T09:00:00.000Z',
          policyVersion,
          upheld: true,
          resumes: 'Closed',
        },
        27,
      ),
      recorded(
        'ChallengeResolved',
        {
          referralId,
          by: manager,
          rationale: text('re-opening rationale'),
          resolvedAt: '2025-01-21T09:00:00.000Z',
          policyVersion,
          upheld: false,
          reopens: 'AwaitingTriage',
          triageDueAt: '2025-01-22T09:00:00.000Z',
        },
        28,
      ),
      recorded(
        'ChallengeResolved',
        {
          referralId,
          by: manager,
          rationale: text('re-opening rationale'),
          resolvedAt: '2025-01-21T09:00:00.000Z',
          policyVersion,
          upheld: false,
          reopens: 'StrategyDiscussion',
          triageDueAt: null,
        },
        29,
      ),
    ],
    DisclosureRecorded: [
      recorded(
        'DisclosureRecorded',
        {
          referralId,
          recipient: { organisation: text('recipient organisation'), role: text('recipient role'), agency: 'education' },
          decision: 'disclosed',
          what: { responseIds: ['police-response-1'], outcome: true, decision: false },
          lawfulBasis: 'children-act-2004-s11',
          reason: text('disclosure reason'),
          by: practitioner,
          disclosedAt: '2025-01-22T10:00:00.000Z',
          policyVersion,
        },
        30,
      ),
      recorded(
        'DisclosureRecorded',
        {
          referralId,
          recipient: { organisation: text('recipient organisation'), role: text('recipient role') },
          decision: 'not-disclosed',
          what: { responseIds: [], outcome: false, decision: true },
          lawfulBasis: 'uk-gdpr-art-6-1-e',
          reason: text('reason not to disclose'),
          by: manager,
          disclosedAt: '2025-01-22T11:00:00.000Z',
          policyVersion,
        },
        31,
      ),
    ],
  };
}

/** The examples of every type in one list, for checks that hold for all of them. */
export function allRecordedExamples(): RecordedReferralEvent<ReferralEventType>[] {
  return Object.values(recordedLifecycleExamples()).flat();
}
