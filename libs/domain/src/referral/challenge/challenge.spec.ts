import {
  atStrategyDiscussion,
  authorise,
  challenge,
  closedAfterTriage,
  complete,
  discussion,
  followingUpActions,
  historyOfFrom,
  manager,
  practitioner,
  referralId,
  referrerActor,
  outcomeNotice,
  referrerNotice,
  returnIt,
  spec,
  triage,
} from '../../testing/referral/lifecycle-fixtures';

const AT = '2026-03-05T12:00:00.000Z';
const raised = (outcome: string, at = AT) => [
  {
    type: 'ChallengeRaised' as const,
    data: { referralId, by: referrerActor, reason: 'the family situation is worse than recorded', outcome, raisedAt: at, policyVersion: 7 },
  },
  {
    type: 'AuthorisationRequested' as const,
    data: { referralId, kind: 'challenge' as const, requestedAt: at, dueAt: '2026-03-05T16:00:00.000Z', policyVersion: 7 },
  },
];
const DECIDED = '2026-03-05T13:00:00.000Z';

describe("the referrer's challenge", () => {
  describe('when actions are followed up under the authorised outcome', () => {
    it('lets the referrer challenge it, which puts it before the manager', () => {
      spec.given(followingUpActions()).when(challenge()).then(raised('section-47-enquiry'));
    });

    it('refuses a challenge from anyone but the referrer', () => {
      spec.given(followingUpActions()).when(challenge(AT, practitioner)).thenRejects('REFERRAL.NOT_ALLOWED');
    });

    it('refuses a challenge without a reason', () => {
      const command = challenge();
      spec
        .given(followingUpActions())
        .when({ ...command, data: { ...command.data, reason: '' } } as typeof command)
        .thenRejects('REFERRAL.INVALID_INPUT', 'reason');
    });
  });

  describe('when a challenge awaits the manager', () => {
    const challenged = () => historyOfFrom(followingUpActions(), challenge());

    it('upholds the outcome: the referral resumes where it was and the referrer is told', () => {
      spec
        .given(challenged())
        .when(authorise(DECIDED))
        .then([
          {
            type: 'ChallengeResolved',
            data: {
              referralId,
              by: manager,
              rationale: 'agreed',
              resolvedAt: DECIDED,
              policyVersion: 7,
              upheld: true,
              resumes: 'ActionFollowUp',
            },
          },
          {
            type: 'ReferrerNotified',
            data: {
              referralId,
              about: 'challenge-upheld',
              decision: 'section-47-enquiry',
              referrer: referrerNotice,
              notifiedAt: DECIDED,
              policyVersion: 7,
              ...outcomeNotice,
            },
          },
        ]);
    });

    it('after upholding, actions are followed up again', () => {
      spec
        .given(historyOfFrom(challenged(), authorise(DECIDED)))
        .when(complete('a1', '2026-03-05T14:00:00.000Z'))
        .then([expect.objectContaining({ type: 'ActionCompleted' })]);
    });

    it('re-opens the decision: back to the strategy discussion, the actions under it cancelled, the referrer told', () => {
      spec
        .given(challenged())
        .when(returnIt(DECIDED))
        .then([
          {
            type: 'ChallengeResolved',
            data: {
              referralId,
              by: manager,
              rationale: 'look again at the history',
              resolvedAt: DECIDED,
              policyVersion: 7,
              upheld: false,
              reopens: 'StrategyDiscussion',
              triageDueAt: null,
            },
          },
          ...['a1', 'a2'].map((actionId) => ({
            type: 'ActionCancelled' as const,
            data: {
              referralId,
              actionId,
              by: manager,
              reason: 'decision re-opened on challenge: look again at the history',
              cancelledAt: DECIDED,
            },
          })),
          {
            type: 'ReferrerNotified',
            data: {
              referralId,
              about: 'challenge-reopened',
              decision: 'section-47-enquiry',
              referrer: referrerNotice,
              notifiedAt: DECIDED,
              policyVersion: 7,
              ...outcomeNotice,
            },
          },
        ]);
    });

    it('after re-opening, a new strategy discussion can be recorded', () => {
      spec
        .given(historyOfFrom(challenged(), returnIt(DECIDED)))
        .when(discussion({ heldAt: '2026-03-05T14:00:00.000Z' }, '2026-03-05T15:00:00.000Z'))
        .then([expect.objectContaining({ type: 'StrategyDiscussionHeld' }), expect.objectContaining({ type: 'AuthorisationRequested' })]);
    });

    it('refuses a second challenge of the same outcome', () => {
      spec
        .given(historyOfFrom(challenged(), authorise(DECIDED)))
        .when(challenge('2026-03-05T14:00:00.000Z'))
        .thenRejects('REFERRAL.CHALLENGE_CLOSED');
    });

    it('refuses the challenge to be decided by someone who is not an authoriser', () => {
      spec.given(challenged()).when(authorise(DECIDED, practitioner)).thenRejects('REFERRAL.NOT_ALLOWED');
    });
  });

  describe('when the referral closed on a triage outcome (early help, closed Monday 11:30, challengeable for 5 working days)', () => {
    it('accepts a challenge within the window', () => {
      spec.given(closedAfterTriage()).when(challenge()).then(raised('early-help'));
    });

    it('refuses a challenge once the window has passed', () => {
      spec.given(closedAfterTriage()).when(challenge('2026-03-09T11:30:00.000Z')).thenRejects('REFERRAL.CHALLENGE_CLOSED');
    });

    it('upheld: the referral is closed again', () => {
      spec
        .given(historyOfFrom(closedAfterTriage(), challenge()))
        .when(authorise(DECIDED))
        .then([
          expect.objectContaining({ type: 'ChallengeResolved', data: expect.objectContaining({ upheld: true, resumes: 'Closed' }) }),
          expect.objectContaining({ type: 'ReferrerNotified', data: expect.objectContaining({ about: 'challenge-upheld' }) }),
        ]);
    });

    it('re-opened: back to triage with a fresh triage deadline', () => {
      spec
        .given(historyOfFrom(closedAfterTriage(), challenge()))
        .when(returnIt(DECIDED))
        .then([
          expect.objectContaining({
            type: 'ChallengeResolved',
            data: expect.objectContaining({ upheld: false, reopens: 'AwaitingTriage', triageDueAt: '2026-03-06T13:00:00.000Z' }),
          }),
          expect.objectContaining({ type: 'ReferrerNotified', data: expect.objectContaining({ about: 'challenge-reopened' }) }),
        ]);
    });

    it('after re-opening, triage decides again', () => {
      const reopened = historyOfFrom(closedAfterTriage(), challenge(), returnIt(DECIDED));
      spec
        .given(reopened)
        .when(triage({ rag: 'red', decision: 'mash-enquiry' }, '2026-03-05T14:00:00.000Z'))
        .then([expect.objectContaining({ type: 'TriageDecisionRecorded' }), expect.objectContaining({ type: 'AuthorisationRequested' })]);
    });
  });

  describe('before there is an outcome', () => {
    it('refuses a challenge', () => {
      spec.given(atStrategyDiscussion()).when(challenge()).thenRejects('REFERRAL.WRONG_STAGE');
    });
  });
});
