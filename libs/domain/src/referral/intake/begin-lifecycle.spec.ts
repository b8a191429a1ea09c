import {
  adultDataset,
  begin,
  dataset,
  historyOfFrom,
  meta,
  policy,
  received,
  referralId,
  spec,
} from '../../testing/referral/lifecycle-fixtures';

describe('BeginLifecycle', () => {
  describe('when no referral exists', () => {
    it('is refused as not found', () => {
      spec.given([]).when(begin()).thenRejects('REFERRAL.NOT_FOUND');
    });
  });

  describe('when the referral was received', () => {
    it('awaits triage of a child within one working day of receipt, under the policy version', () => {
      spec
        .given([received()])
        .when(begin())
        .then([
          {
            type: 'TriageAwaited',
            data: { referralId, since: '2026-03-02T10:16:00.000Z', dueAt: '2026-03-03T10:15:00.000Z', policyVersion: 7 },
          },
        ]);
    });

    it("awaits triage of an adult at the adults' timescale", () => {
      spec
        .given([received(adultDataset())])
        .when(begin())
        .then([
          {
            type: 'TriageAwaited',
            data: { referralId, since: '2026-03-02T10:16:00.000Z', dueAt: '2026-03-04T10:15:00.000Z', policyVersion: 7 },
          },
        ]);
    });

    it('counts the triage deadline from a Friday receipt over the weekend', () => {
      spec
        .given([received(dataset(), '2026-03-06T15:00:00.000Z')])
        .when(begin('2026-03-06T15:01:00.000Z'))
        .then([
          {
            type: 'TriageAwaited',
            data: { referralId, since: '2026-03-06T15:01:00.000Z', dueAt: '2026-03-09T15:00:00.000Z', policyVersion: 7 },
          },
        ]);
    });

    it("sends immediate risk straight to a strategy discussion, asking the most severe level's agencies", () => {
      spec
        .given([received(dataset({ immediateRisk: true }))])
        .when(begin())
        .then([
          {
            type: 'StrategyDiscussionScheduled',
            data: {
              referralId,
              reason: 'immediate-risk',
              rag: 'red',
              scheduledAt: '2026-03-02T10:16:00.000Z',
              dueAt: '2026-03-02T12:15:00.000Z',
              policyVersion: 7,
            },
          },
          ...(['police', 'social-care', 'health'] as const).map((agency) => ({
            type: 'InformationRequested' as const,
            data: {
              referralId,
              agency,
              rag: 'red',
              requestedAt: '2026-03-02T10:16:00.000Z',
              dueAt: '2026-03-02T14:16:00.000Z',
              remindAt: '2026-03-02T13:16:00.000Z',
              policyVersion: 7,
            },
          })),
        ]);
    });

    it('takes the most severe level by severity, whatever its name or place in the list', () => {
      const p = policy({
        ragLevels: [
          {
            code: 'low',
            label: 'Low',
            wording: '',
            severity: 1,
            informationRequestTimescale: { workingHours: 24 },
            reminderLeadTime: null,
            agencies: ['housing'],
          },
          {
            code: 'critical',
            label: 'Critical',
            wording: '',
            severity: 9,
            informationRequestTimescale: { workingHours: 2 },
            reminderLeadTime: null,
            agencies: ['police'],
          },
        ],
      });
      spec
        .given([received(dataset({ immediateRisk: true }))])
        .when(begin('2026-03-02T10:16:00.000Z', p))
        .then([
          {
            type: 'StrategyDiscussionScheduled',
            data: {
              referralId,
              reason: 'immediate-risk',
              rag: 'critical',
              scheduledAt: '2026-03-02T10:16:00.000Z',
              dueAt: '2026-03-02T12:15:00.000Z',
              policyVersion: 7,
            },
          },
          {
            type: 'InformationRequested',
            data: {
              referralId,
              agency: 'police',
              rag: 'critical',
              requestedAt: '2026-03-02T10:16:00.000Z',
              dueAt: '2026-03-02T12:16:00.000Z',
              remindAt: null,
              policyVersion: 7,
            },
          },
        ]);
    });
  });

  describe('when the lifecycle has begun', () => {
    it('records nothing more for a repeated begin (a retried workflow step)', () => {
      spec
        .given(historyOfFrom([received()], begin()))
        .when(begin())
        .then([]);
    });

    it('records nothing more for a repeated begin after immediate risk', () => {
      spec
        .given(historyOfFrom([received(dataset({ immediateRisk: true }))], begin()))
        .when(begin())
        .then([]);
    });

    it('records nothing for the legacy RecordTriageAwaited step either', () => {
      spec
        .given(historyOfFrom([received()], begin()))
        .when({ type: 'RecordTriageAwaited', data: { referralId }, metadata: { now: meta('2026-03-02T10:20:00.000Z').now } })
        .then([]);
    });
  });
});
