import {
  atStrategyDiscussion,
  atTriage,
  authorise,
  awaitingStrategyAuthorisation,
  awaitingTriageAuthorisation,
  discussion,
  closedAfterTriage,
  followingUpActions,
  gathering,
  historyOfFrom,
  meta,
  practitioner,
  reRate,
  referralId,
  respond,
  spec,
} from '../../testing/referral/lifecycle-fixtures';
import type { ReferralCommand } from '../referral.commands';

const reRated = (from: string, to: string, at = '2026-03-02T12:00:00.000Z') => ({
  type: 'RagReRated' as const,
  data: { referralId, from, to, rationale: 'new information', by: practitioner, reRatedAt: at, policyVersion: 7 },
});
const moved = (
  agency: 'police' | 'social-care',
  rag: string,
  dueAt: string,
  remindAt: string | null,
  nextEscalationAt: string | null,
  movedAt = '2026-03-02T12:00:00.000Z',
) => ({
  type: 'InformationRequestDueTimeMoved' as const,
  data: { referralId, agency, rag, dueAt, remindAt, nextEscalationAt, movedAt, policyVersion: 7 },
});

describe('re-rating', () => {
  describe('while information is gathered (amber, asked Monday 11:30)', () => {
    it("moves each open deadline to the new level's timescale from when the agency was asked, and asks the agencies the new level adds", () => {
      spec
        .given(gathering())
        .when(reRate('red'))
        .then([
          reRated('amber', 'red'),
          moved('police', 'red', '2026-03-02T15:30:00.000Z', '2026-03-02T14:30:00.000Z', '2026-03-02T15:30:00.000Z'),
          moved('social-care', 'red', '2026-03-02T15:30:00.000Z', '2026-03-02T14:30:00.000Z', '2026-03-02T15:30:00.000Z'),
          {
            type: 'InformationRequested',
            data: {
              referralId,
              agency: 'health',
              rag: 'red',
              requestedAt: '2026-03-02T12:00:00.000Z',
              dueAt: '2026-03-02T16:00:00.000Z',
              remindAt: '2026-03-02T15:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
    });

    it('moves only the requests still open', () => {
      spec
        .given(historyOfFrom(gathering(), respond('police')))
        .when(reRate('green', '2026-03-02T15:00:00.000Z'))
        .then([
          reRated('amber', 'green', '2026-03-02T15:00:00.000Z'),
          moved(
            'social-care',
            'green',
            '2026-03-05T11:30:00.000Z',
            '2026-03-04T11:30:00.000Z',
            '2026-03-05T11:30:00.000Z',
            '2026-03-02T15:00:00.000Z',
          ),
        ]);
    });

    it('keeps the clock of a ladder already climbed and sends no second reminder', () => {
      const escalated = historyOfFrom(
        gathering(),
        { type: 'RemindInformationRequest', data: { referralId, agency: 'police' }, metadata: meta('2026-03-03T09:30:00.000Z') },
        { type: 'EscalateInformationRequest', data: { referralId, agency: 'police' }, metadata: meta('2026-03-03T11:30:00.000Z') },
        respond('social-care', '2026-03-03T12:00:00.000Z'),
      );
      spec
        .given(escalated)
        .when(reRate('green', '2026-03-03T13:00:00.000Z'))
        .then([
          reRated('amber', 'green', '2026-03-03T13:00:00.000Z'),
          moved('police', 'green', '2026-03-05T11:30:00.000Z', null, '2026-03-03T15:30:00.000Z', '2026-03-03T13:00:00.000Z'),
        ]);
    });

    it('keeps the due times when the new level has no target (blue)', () => {
      spec
        .given(gathering())
        .when(reRate('blue'))
        .then([reRated('amber', 'blue')]);
    });

    it('refuses a re-rating without a rationale', () => {
      spec
        .given(gathering())
        .when(reRate('red', undefined, ''))
        .thenRejects('REFERRAL.INVALID_INPUT', 'rationale');
    });

    it('refuses a level the policy does not have', () => {
      spec.given(gathering()).when(reRate('purple')).thenRejects('REFERRAL.INVALID_INPUT', 'rag');
    });

    it('refuses a re-rating to the level it already has', () => {
      spec.given(gathering()).when(reRate('amber')).thenRejects('REFERRAL.INVALID_INPUT', 'rag');
    });
  });

  describe('while the referral awaits its strategy discussion (gathering complete)', () => {
    const AT = '2026-03-03T10:00:00.000Z';

    it('asks the agencies the new level adds, re-opening gathering', () => {
      spec
        .given(atStrategyDiscussion())
        .when(reRate('red', AT))
        .then([
          reRated('amber', 'red', AT),
          {
            type: 'InformationRequested',
            data: {
              referralId,
              agency: 'health',
              rag: 'red',
              requestedAt: AT,
              dueAt: '2026-03-03T14:00:00.000Z',
              remindAt: '2026-03-03T13:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
    });

    it('then holding the discussion records that agency as never having answered', () => {
      const reRatedAtDiscussion = historyOfFrom(atStrategyDiscussion(), reRate('red', AT));
      spec
        .given(reRatedAtDiscussion)
        .when(discussion())
        .then([
          expect.objectContaining({ type: 'InformationGatheringClosed', data: expect.objectContaining({ early: true, unanswered: ['health'] }) }),
          expect.objectContaining({ type: 'StrategyDiscussionHeld' }),
          expect.objectContaining({ type: 'AuthorisationRequested' }),
        ]);
    });
  });

  describe('while the strategy decision awaits authorisation', () => {
    it('records the new rating and asks nobody new', () => {
      spec
        .given(awaitingStrategyAuthorisation())
        .when(reRate('red', '2026-03-03T15:30:00.000Z'))
        .then([reRated('amber', 'red', '2026-03-03T15:30:00.000Z')]);
    });
  });

  describe('while the triage decision awaits authorisation', () => {
    it('records the new rating (gathering, when authorised, uses it)', () => {
      spec
        .given(awaitingTriageAuthorisation())
        .when(reRate('red', '2026-03-02T11:10:00.000Z'))
        .then([reRated('amber', 'red', '2026-03-02T11:10:00.000Z')]);
    });

    it('gathers at the new rating once authorised', () => {
      spec
        .given(historyOfFrom(awaitingTriageAuthorisation(), reRate('red', '2026-03-02T11:10:00.000Z')))
        .when(authorise())
        .then([
          expect.objectContaining({ type: 'DecisionAuthorised' }),
          ...['police', 'social-care', 'health'].map((agency) =>
            expect.objectContaining({ type: 'InformationRequested', data: expect.objectContaining({ agency, rag: 'red', dueAt: '2026-03-02T15:30:00.000Z' }) }),
          ),
        ]);
    });
  });

  describe('while actions are followed up', () => {
    it('records the new rating and asks nobody new', () => {
      spec
        .given(followingUpActions())
        .when(reRate('red', '2026-03-04T10:00:00.000Z'))
        .then([reRated('amber', 'red', '2026-03-04T10:00:00.000Z')]);
    });
  });

  describe('before triage and after closure', () => {
    it('refuses a re-rating before the referral has been rated', () => {
      spec.given(atTriage()).when(reRate('red')).thenRejects('REFERRAL.WRONG_STAGE');
    });

    it('refuses a re-rating of a closed referral', () => {
      spec.given(closedAfterTriage()).when(reRate('red', '2026-03-02T12:00:00.000Z')).thenRejects('REFERRAL.WRONG_STAGE');
    });

    it('refuses a re-rating of a referral never received', () => {
      const command: ReferralCommand = reRate('red');
      spec.given([]).when(command).thenRejects('REFERRAL.NOT_FOUND');
    });
  });
});
