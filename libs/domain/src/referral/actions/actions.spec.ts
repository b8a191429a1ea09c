import {
  awaitingStrategyAuthorisation,
  cancel,
  complete,
  followingUpActions,
  historyOfFrom,
  meta,
  practitioner,
  referralId,
  spec,
} from '../../testing/referral/lifecycle-fixtures';
import type { ReferralCommand } from '../referral.commands';

const remind = (actionId: string, now: string): ReferralCommand => ({
  type: 'RemindAction',
  data: { referralId, actionId },
  metadata: meta(now),
});
const escalate = (actionId: string, now: string): ReferralCommand => ({
  type: 'EscalateAction',
  data: { referralId, actionId },
  metadata: meta(now),
});
const AT = '2026-03-05T10:00:00.000Z';

describe('action follow-up', () => {
  describe('when agreed actions are open (a1 police due 10 March 12:00, a2 health due 10 March 14:00)', () => {
    it('completes an action with a note', () => {
      spec
        .given(followingUpActions())
        .when(complete('a1'))
        .then([
          { type: 'ActionCompleted', data: { referralId, actionId: 'a1', by: practitioner, note: 'done', completedAt: AT, late: false } },
        ]);
    });

    it('records an action completed after its due time as late', () => {
      spec
        .given(followingUpActions())
        .when(complete('a1', '2026-03-10T12:00:01.000Z'))
        .then([expect.objectContaining({ type: 'ActionCompleted', data: expect.objectContaining({ late: true }) })]);
    });

    it('cancels an action with a reason', () => {
      spec
        .given(followingUpActions())
        .when(cancel('a2'))
        .then([
          { type: 'ActionCancelled', data: { referralId, actionId: 'a2', by: practitioner, reason: 'no longer needed', cancelledAt: AT } },
        ]);
    });

    it('refuses a cancellation without a reason', () => {
      spec
        .given(followingUpActions())
        .when(cancel('a2', AT, ' '))
        .thenRejects('REFERRAL.INVALID_INPUT', 'reason');
    });

    it('refuses a completion without a note', () => {
      const command: ReferralCommand = {
        type: 'CompleteAction',
        data: { referralId, actionId: 'a1', by: practitioner, note: '' },
        metadata: meta(AT),
      };
      spec.given(followingUpActions()).when(command).thenRejects('REFERRAL.INVALID_INPUT', 'note');
    });

    it('refuses an unknown action', () => {
      spec.given(followingUpActions()).when(complete('a9')).thenRejects('REFERRAL.UNKNOWN_ACTION', 'actionId');
      spec.given(followingUpActions()).when(cancel('a9')).thenRejects('REFERRAL.UNKNOWN_ACTION', 'actionId');
      spec.given(followingUpActions()).when(remind('a9', AT)).thenRejects('REFERRAL.UNKNOWN_ACTION');
      spec.given(followingUpActions()).when(escalate('a9', AT)).thenRejects('REFERRAL.UNKNOWN_ACTION');
    });

    it('refuses to complete or cancel an action already done', () => {
      const done = historyOfFrom(followingUpActions(), complete('a1'));
      spec.given(done).when(complete('a1', '2026-03-05T11:00:00.000Z')).thenRejects('REFERRAL.ACTION_CLOSED');
      spec.given(done).when(cancel('a1', '2026-03-05T11:00:00.000Z')).thenRejects('REFERRAL.ACTION_CLOSED');
    });

    it('closes the referral with its outcome when the last open action is completed', () => {
      spec
        .given(historyOfFrom(followingUpActions(), cancel('a2')))
        .when(complete('a1'))
        .then([
          expect.objectContaining({ type: 'ActionCompleted' }),
          {
            type: 'ReferralClosed',
            data: {
              referralId,
              outcome: 'section-47-enquiry',
              closedAt: AT,
              challengeableUntil: '2026-03-12T10:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
    });

    it('closes the referral when the last open action is cancelled', () => {
      spec
        .given(historyOfFrom(followingUpActions(), complete('a1')))
        .when(cancel('a2'))
        .then([expect.objectContaining({ type: 'ActionCancelled' }), expect.objectContaining({ type: 'ReferralClosed' })]);
    });

    it('reminds the owning agency one working day before the due time, once', () => {
      spec
        .given(followingUpActions())
        .when(remind('a1', '2026-03-09T12:00:00.000Z'))
        .then([
          {
            type: 'ActionReminded',
            data: {
              referralId,
              actionId: 'a1',
              owningAgency: 'police',
              remindedAt: '2026-03-09T12:00:00.000Z',
              dueAt: '2026-03-10T12:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
      spec.given(followingUpActions()).when(remind('a1', '2026-03-09T11:59:00.000Z')).then([]);
      spec
        .given(historyOfFrom(followingUpActions(), remind('a1', '2026-03-09T12:00:00.000Z')))
        .when(remind('a1', '2026-03-09T12:05:00.000Z'))
        .then([]);
    });

    it('escalates an overdue action up the ladder, naming the owning agency', () => {
      spec
        .given(followingUpActions())
        .when(escalate('a1', '2026-03-10T12:00:00.000Z'))
        .then([
          {
            type: 'ActionEscalated',
            data: {
              referralId,
              actionId: 'a1',
              owningAgency: 'police',
              level: 1,
              notify: [{ role: 'agency-team-manager', agency: 'police' }],
              escalatedAt: '2026-03-10T12:00:00.000Z',
              nextEscalationAt: '2026-03-10T16:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
      spec.given(followingUpActions()).when(escalate('a1', '2026-03-10T11:59:00.000Z')).then([]);
    });

    it('neither reminds nor escalates a completed action', () => {
      const done = historyOfFrom(followingUpActions(), complete('a1'));
      spec.given(done).when(remind('a1', '2026-03-09T12:00:00.000Z')).then([]);
      spec.given(done).when(escalate('a1', '2026-03-10T12:00:00.000Z')).then([]);
    });
  });

  describe('when the strategy decision still awaits authorisation', () => {
    it('refuses to complete an action not yet in force', () => {
      spec.given(awaitingStrategyAuthorisation()).when(complete('a1')).thenRejects('REFERRAL.WRONG_STAGE');
    });

    it('has no actions to remind yet', () => {
      spec.given(awaitingStrategyAuthorisation()).when(remind('a1', AT)).thenRejects('REFERRAL.UNKNOWN_ACTION');
    });
  });

  describe('when the referral has closed', () => {
    it('refuses further action commands', () => {
      const closed = historyOfFrom(followingUpActions(), complete('a1'), complete('a2'));
      spec.given(closed).when(complete('a1', '2026-03-06T10:00:00.000Z')).thenRejects('REFERRAL.WRONG_STAGE');
    });
  });
});
