import {
  atStrategyDiscussion,
  atTriage,
  authorise,
  challenge,
  awaitingStrategyAuthorisation,
  awaitingTriageAuthorisation,
  delegate,
  discussion,
  historyOfFrom,
  manager,
  meta,
  practitioner,
  referralId,
  outcomeNotice,
  referrerNotice,
  returnIt,
  spec,
  triage,
} from '../../testing/referral/lifecycle-fixtures';
import type { ReferralCommand } from '../referral.commands';

const escalate = (now: string): ReferralCommand => ({ type: 'EscalateAuthorisation', data: { referralId }, metadata: meta(now) });
const AT = '2026-03-02T11:30:00.000Z';
const authorised = (decision: string, kind: 'triage' | 'strategy' = 'triage', at = AT) => ({
  type: 'DecisionAuthorised' as const,
  data: { referralId, kind, decision, by: manager, rationale: 'agreed', authorisedAt: at, policyVersion: 7 },
});

describe('management oversight', () => {
  describe('when a triage decision awaits authorisation', () => {
    it('starts information gathering for a MASH enquiry: one request per agency of the level, each with its due time', () => {
      spec
        .given(awaitingTriageAuthorisation())
        .when(authorise())
        .then([
          authorised('mash-enquiry'),
          ...(['police', 'social-care'] as const).map((agency) => ({
            type: 'InformationRequested' as const,
            data: {
              referralId,
              agency,
              rag: 'amber',
              requestedAt: AT,
              dueAt: '2026-03-03T11:30:00.000Z',
              remindAt: '2026-03-03T09:30:00.000Z',
              policyVersion: 7,
            },
          })),
        ]);
    });

    it('gathers for a section 47 strategy discussion decision too, at the red timescale', () => {
      spec
        .given(awaitingTriageAuthorisation({ rag: 'red', decision: 'section-47-strategy-discussion' }))
        .when(authorise())
        .then([
          authorised('section-47-strategy-discussion'),
          ...(['police', 'social-care', 'health'] as const).map((agency) => ({
            type: 'InformationRequested' as const,
            data: {
              referralId,
              agency,
              rag: 'red',
              requestedAt: AT,
              dueAt: '2026-03-02T15:30:00.000Z',
              remindAt: '2026-03-02T14:30:00.000Z',
              policyVersion: 7,
            },
          })),
        ]);
    });

    it('goes straight to the strategy discussion when the level asks nobody (blue)', () => {
      spec
        .given(awaitingTriageAuthorisation({ rag: 'blue' }))
        .when(authorise())
        .then([
          authorised('mash-enquiry'),
          { type: 'InformationGatheringClosed', data: { referralId, early: false, unanswered: [], closedAt: AT } },
        ]);
    });

    it.each(['no-further-action', 'advice', 'signpost', 'early-help', 'section-17-assessment', 'police-action'])(
      'makes the closing decision %s the outcome, tells the referrer and closes the referral',
      (decision) => {
        spec
          .given(awaitingTriageAuthorisation({ rag: 'green', decision }))
          .when(authorise())
          .then([
            authorised(decision),
            {
              type: 'OutcomeDecided',
              data: { referralId, source: 'triage', decision, rag: 'green', authorisedBy: manager, decidedAt: AT, policyVersion: 7 },
            },
            {
              type: 'ReferrerNotified',
              data: { referralId, about: 'outcome', decision, referrer: referrerNotice, notifiedAt: AT, policyVersion: 7, ...outcomeNotice },
            },
            {
              type: 'ReferralClosed',
              data: { referralId, outcome: decision, closedAt: AT, challengeableUntil: '2026-03-09T11:30:00.000Z', policyVersion: 7 },
            },
          ]);
      },
    );

    it('accepts a delegate the policy names', () => {
      spec
        .given(awaitingTriageAuthorisation())
        .when(authorise(AT, delegate))
        .then([
          { ...authorised('mash-enquiry'), data: { ...authorised('mash-enquiry').data, by: delegate } },
          expect.objectContaining({ type: 'InformationRequested' }),
          expect.objectContaining({ type: 'InformationRequested' }),
        ]);
    });

    it('refuses anyone the policy does not name as an authoriser', () => {
      spec.given(awaitingTriageAuthorisation()).when(authorise(AT, practitioner)).thenRejects('REFERRAL.NOT_ALLOWED', 'by.userId');
    });

    it('refuses a return by anyone not an authoriser', () => {
      spec.given(awaitingTriageAuthorisation()).when(returnIt(AT, practitioner)).thenRejects('REFERRAL.NOT_ALLOWED');
    });

    it('refuses an authorisation without its own rationale', () => {
      const command: ReferralCommand = { type: 'AuthoriseDecision', data: { referralId, by: manager, rationale: '' }, metadata: meta(AT) };
      spec.given(awaitingTriageAuthorisation()).when(command).thenRejects('REFERRAL.INVALID_INPUT', 'rationale');
    });

    it('returns the decision to triage, with the reason', () => {
      spec
        .given(awaitingTriageAuthorisation())
        .when(returnIt())
        .then([
          {
            type: 'DecisionReturned',
            data: {
              referralId,
              kind: 'triage',
              decision: 'mash-enquiry',
              by: manager,
              rationale: 'look again at the history',
              returnedAt: AT,
              policyVersion: 7,
            },
          },
        ]);
    });

    it('lets triage decide again after a return', () => {
      spec
        .given(historyOfFrom(awaitingTriageAuthorisation(), returnIt()))
        .when(triage({ rag: 'red' }, '2026-03-02T12:00:00.000Z'))
        .then([
          expect.objectContaining({ type: 'TriageDecisionRecorded', data: expect.objectContaining({ rag: 'red' }) }),
          expect.objectContaining({ type: 'AuthorisationRequested' }),
        ]);
    });

    it('does not escalate before its deadline', () => {
      spec.given(awaitingTriageAuthorisation()).when(escalate('2026-03-02T14:59:00.000Z')).then([]);
    });

    it('escalates when the decision has waited past its deadline', () => {
      spec
        .given(awaitingTriageAuthorisation())
        .when(escalate('2026-03-02T15:00:00.000Z'))
        .then([
          {
            type: 'AuthorisationEscalated',
            data: {
              referralId,
              kind: 'triage',
              level: 1,
              notify: [{ role: 'agency-team-manager' }],
              escalatedAt: '2026-03-02T15:00:00.000Z',
              nextEscalationAt: '2026-03-03T11:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
    });
  });

  describe('when a strategy decision awaits authorisation', () => {
    const at = '2026-03-03T16:00:00.000Z';

    it('makes it the outcome, tells the referrer and starts following up the actions', () => {
      spec
        .given(awaitingStrategyAuthorisation())
        .when(authorise(at))
        .then([
          authorised('section-47-enquiry', 'strategy', at),
          {
            type: 'OutcomeDecided',
            data: {
              referralId,
              source: 'strategy',
              decision: 'section-47-enquiry',
              rag: 'amber',
              authorisedBy: manager,
              decidedAt: at,
              policyVersion: 7,
            },
          },
          {
            type: 'ReferrerNotified',
            data: {
              referralId,
              about: 'outcome',
              decision: 'section-47-enquiry',
              referrer: referrerNotice,
              notifiedAt: at,
              policyVersion: 7,
              ...outcomeNotice,
            },
          },
        ]);
    });

    it('closes the referral at once when no actions were agreed', () => {
      spec
        .given(awaitingStrategyAuthorisation({ actions: [], decision: 'no-further-action' }))
        .when(authorise(at))
        .then([
          authorised('no-further-action', 'strategy', at),
          expect.objectContaining({ type: 'OutcomeDecided' }),
          expect.objectContaining({ type: 'ReferrerNotified' }),
          {
            type: 'ReferralClosed',
            data: {
              referralId,
              outcome: 'no-further-action',
              closedAt: at,
              challengeableUntil: '2026-03-10T16:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
    });

    it('returns it to the strategy discussion', () => {
      spec
        .given(awaitingStrategyAuthorisation())
        .when(returnIt(at))
        .then([
          {
            type: 'DecisionReturned',
            data: {
              referralId,
              kind: 'strategy',
              decision: 'section-47-enquiry',
              by: manager,
              rationale: 'look again at the history',
              returnedAt: at,
              policyVersion: 7,
            },
          },
        ]);
    });

    it('escalates on its own deadline', () => {
      spec
        .given(awaitingStrategyAuthorisation())
        .when(escalate('2026-03-04T11:00:00.000Z'))
        .then([
          expect.objectContaining({
            type: 'AuthorisationEscalated',
            data: expect.objectContaining({ kind: 'strategy', level: 1, escalatedAt: '2026-03-04T11:00:00.000Z' }),
          }),
        ]);
    });
  });

  describe('when the decision awaiting authorisation was made by an authoriser', () => {
    const triagedByManager = () => awaitingTriageAuthorisation({ by: manager });

    it('refuses the maker authorising their own triage decision', () => {
      spec.given(triagedByManager()).when(authorise()).thenRejects('REFERRAL.NOT_ALLOWED', 'by.userId');
    });

    it('lets another authoriser authorise it', () => {
      spec
        .given(triagedByManager())
        .when(authorise(AT, delegate))
        .then([
          expect.objectContaining({ type: 'DecisionAuthorised', data: expect.objectContaining({ by: delegate }) }),
          expect.objectContaining({ type: 'InformationRequested' }),
          expect.objectContaining({ type: 'InformationRequested' }),
        ]);
    });

    it('lets the maker return it: withdrawing a decision needs no second pair of eyes', () => {
      spec
        .given(triagedByManager())
        .when(returnIt())
        .then([expect.objectContaining({ type: 'DecisionReturned', data: expect.objectContaining({ by: manager, kind: 'triage' }) })]);
    });

    it('refuses the maker authorising their own strategy decision', () => {
      spec
        .given(historyOfFrom(atStrategyDiscussion(), discussion({ by: delegate })))
        .when(authorise('2026-03-03T16:00:00.000Z', delegate))
        .thenRejects('REFERRAL.NOT_ALLOWED', 'by.userId');
    });

    it('lets the accountable manager authorise the strategy decision a delegate recorded', () => {
      spec
        .given(historyOfFrom(atStrategyDiscussion(), discussion({ by: delegate })))
        .when(authorise('2026-03-03T16:00:00.000Z'))
        .then([
          expect.objectContaining({ type: 'DecisionAuthorised', data: expect.objectContaining({ kind: 'strategy', by: manager }) }),
          expect.objectContaining({ type: 'OutcomeDecided' }),
          expect.objectContaining({ type: 'ReferrerNotified' }),
        ]);
    });
  });

  describe('when a challenge to a decision made by an authoriser awaits resolution', () => {
    // Early help recorded by the manager, authorised by the delegate, closed; then challenged.
    const RESOLVED = '2026-03-05T13:00:00.000Z';
    const challenged = () =>
      historyOfFrom(
        awaitingTriageAuthorisation({ decision: 'early-help', rag: 'green', by: manager }),
        authorise(AT, delegate),
        challenge(),
      );

    it('refuses the maker upholding their own challenged decision', () => {
      spec.given(challenged()).when(authorise(RESOLVED)).thenRejects('REFERRAL.NOT_ALLOWED', 'by.userId');
    });

    it('lets another authoriser uphold it, even the one who authorised it', () => {
      spec
        .given(challenged())
        .when(authorise(RESOLVED, delegate))
        .then([
          expect.objectContaining({ type: 'ChallengeResolved', data: expect.objectContaining({ upheld: true, by: delegate }) }),
          expect.objectContaining({ type: 'ReferrerNotified' }),
        ]);
    });

    it('lets the maker concede the challenge: the decision is re-opened', () => {
      spec
        .given(challenged())
        .when(returnIt(RESOLVED))
        .then([
          expect.objectContaining({ type: 'ChallengeResolved', data: expect.objectContaining({ upheld: false, by: manager }) }),
          expect.objectContaining({ type: 'ReferrerNotified' }),
        ]);
    });
  });

  describe('when nothing awaits authorisation', () => {
    it('refuses an authorisation while triage is awaited', () => {
      spec.given(atTriage()).when(authorise()).thenRejects('REFERRAL.WRONG_STAGE');
    });

    it('refuses a return while triage is awaited', () => {
      spec.given(atTriage()).when(returnIt()).thenRejects('REFERRAL.WRONG_STAGE');
    });

    it('ignores an authorisation timer that fires after the decision was dealt with', () => {
      spec.given(historyOfFrom(awaitingTriageAuthorisation(), authorise())).when(escalate('2026-03-02T15:00:00.000Z')).then([]);
    });
  });
});
