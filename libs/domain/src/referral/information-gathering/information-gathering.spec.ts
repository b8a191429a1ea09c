import {
  atStrategyDiscussion,
  closeGathering,
  dataset,
  delegate,
  gathering,
  historyOfFrom,
  manager,
  meta,
  policy,
  practitioner,
  received,
  begin,
  referralId,
  respond,
  sharedFor,
  spec,
} from '../../testing/referral/lifecycle-fixtures';
import type { ReferralCommand } from '../referral.commands';
import type { Agency } from '../referral-dataset';

const remind = (agency: Agency, now: string): ReferralCommand => ({
  type: 'RemindInformationRequest',
  data: { referralId, agency },
  metadata: meta(now),
});
const escalate = (agency: Agency, now: string, p = policy()): ReferralCommand => ({
  type: 'EscalateInformationRequest',
  data: { referralId, agency },
  metadata: meta(now, p),
});
const DUE = '2026-03-03T11:30:00.000Z';
const provided = (agency: Agency, providedAt: string, late: boolean, addition = false, responseId = `${agency}-1`) => ({
  type: 'InformationProvided' as const,
  data: {
    referralId,
    agency,
    responseId,
    by: { userId: `${agency}-officer`, agency },
    summary: `${agency} records`,
    sharing: sharedFor(agency),
    providedAt,
    dueAt: DUE,
    late,
    addition,
  },
});

describe('information gathering', () => {
  describe('when agencies have been asked (amber: police and social care, due Tuesday 11:30)', () => {
    it('records a response on time', () => {
      spec
        .given(gathering())
        .when(respond('police'))
        .then([provided('police', '2026-03-02T14:00:00.000Z', false)]);
    });

    it('records a late response as late', () => {
      spec
        .given(gathering())
        .when(respond('police', '2026-03-03T11:30:01.000Z'))
        .then([provided('police', '2026-03-03T11:30:01.000Z', true)]);
    });

    it('records the same response only once', () => {
      spec
        .given(historyOfFrom(gathering(), respond('police')))
        .when(respond('police', '2026-03-02T15:00:00.000Z'))
        .then([]);
    });

    it("keeps an agency's further, different response as an addition", () => {
      spec
        .given(historyOfFrom(gathering(), respond('police')))
        .when(respond('police', '2026-03-02T15:00:00.000Z', 'police-2'))
        .then([provided('police', '2026-03-02T15:00:00.000Z', false, true, 'police-2')]);
    });

    it('completes gathering by itself when the last agency answers', () => {
      spec
        .given(historyOfFrom(gathering(), respond('police')))
        .when(respond('social-care', '2026-03-02T15:00:00.000Z'))
        .then([
          provided('social-care', '2026-03-02T15:00:00.000Z', false),
          { type: 'InformationGatheringClosed', data: { referralId, early: false, unanswered: [], closedAt: '2026-03-02T15:00:00.000Z' } },
        ]);
    });

    it('refuses a response from an agency that was not asked', () => {
      spec.given(gathering()).when(respond('health')).thenRejects('REFERRAL.UNKNOWN_AGENCY', 'agency');
    });

    it('refuses a response sent on behalf of another agency', () => {
      const command: ReferralCommand = {
        type: 'RecordInformationResponse',
        data: { referralId, agency: 'police', responseId: 'x', by: practitioner, summary: 'police records', sharing: sharedFor('police') },
        metadata: meta('2026-03-02T14:00:00.000Z'),
      };
      spec.given(gathering()).when(command).thenRejects('REFERRAL.NOT_ALLOWED', 'by.agency');
    });

    it('refuses a response with nothing in it', () => {
      const command: ReferralCommand = {
        type: 'RecordInformationResponse',
        data: { referralId, agency: 'police', responseId: 'x', by: { userId: 'p', agency: 'police' }, summary: '', sharing: sharedFor('police') },
        metadata: meta('2026-03-02T14:00:00.000Z'),
      };
      spec.given(gathering()).when(command).thenRejects('REFERRAL.INVALID_INPUT', 'summary');
    });

    it('reminds an agency two working hours before its due time', () => {
      spec
        .given(gathering())
        .when(remind('police', '2026-03-03T09:30:00.000Z'))
        .then([
          {
            type: 'InformationRequestReminded',
            data: { referralId, agency: 'police', remindedAt: '2026-03-03T09:30:00.000Z', dueAt: DUE, policyVersion: 7 },
          },
        ]);
    });

    it('does not remind before the reminder time', () => {
      spec.given(gathering()).when(remind('police', '2026-03-03T09:29:00.000Z')).then([]);
    });

    it('reminds only once', () => {
      spec
        .given(historyOfFrom(gathering(), remind('police', '2026-03-03T09:30:00.000Z')))
        .when(remind('police', '2026-03-03T09:31:00.000Z'))
        .then([]);
    });

    it('does not remind an agency that has answered', () => {
      spec
        .given(historyOfFrom(gathering(), respond('police')))
        .when(remind('police', '2026-03-03T09:30:00.000Z'))
        .then([]);
    });

    it('refuses a reminder to an agency that was not asked', () => {
      spec.given(gathering()).when(remind('health', '2026-03-03T09:30:00.000Z')).thenRejects('REFERRAL.UNKNOWN_AGENCY');
    });

    it("escalates at the due time to the agency's team manager", () => {
      spec
        .given(gathering())
        .when(escalate('police', DUE))
        .then([
          {
            type: 'InformationRequestEscalated',
            data: {
              referralId,
              agency: 'police',
              level: 1,
              notify: [{ role: 'agency-team-manager', agency: 'police' }],
              escalatedAt: DUE,
              nextEscalationAt: '2026-03-03T15:30:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
    });

    it('does not escalate before the due time', () => {
      spec.given(gathering()).when(escalate('police', '2026-03-03T11:29:59.000Z')).then([]);
    });

    it('climbs the ladder level by level at working-time instants, then stops at the top', () => {
      let history = gathering();
      const steps: [string, number, string | null][] = [
        [DUE, 1, '2026-03-03T15:30:00.000Z'],
        ['2026-03-03T15:30:00.000Z', 2, '2026-03-04T15:30:00.000Z'],
        ['2026-03-04T15:30:00.000Z', 3, null],
      ];
      for (const [at, level, next] of steps) {
        const before = history.length;
        history = historyOfFrom(history, escalate('police', at));
        expect(history.slice(before)).toEqual([
          expect.objectContaining({ data: expect.objectContaining({ level, escalatedAt: at, nextEscalationAt: next }) }),
        ]);
      }
      expect(history[history.length - 1].data).toEqual(expect.objectContaining({ notify: [{ role: 'strategic-lead' }] }));
      spec.given(history).when(escalate('police', '2026-03-30T10:00:00.000Z')).then([]);
    });

    it('stops escalating once a late response arrives', () => {
      const escalated = historyOfFrom(gathering(), escalate('police', DUE), respond('police', '2026-03-03T12:00:00.000Z'));
      spec.given(escalated).when(escalate('police', '2026-03-03T15:30:00.000Z')).then([]);
    });

    it('lets the manager close gathering early, naming the agencies that never answered', () => {
      spec
        .given(historyOfFrom(gathering(), respond('police')))
        .when(closeGathering())
        .then([
          {
            type: 'InformationGatheringClosed',
            data: {
              referralId,
              early: true,
              unanswered: ['social-care'],
              closedAt: '2026-03-02T16:00:00.000Z',
              by: manager,
              rationale: 'enough to decide',
            },
          },
        ]);
    });

    it('lets a delegate close gathering early', () => {
      spec
        .given(gathering())
        .when(closeGathering(undefined, delegate))
        .then([expect.objectContaining({ data: expect.objectContaining({ unanswered: ['police', 'social-care'], by: delegate }) })]);
    });

    it('refuses an early close by someone who is not a manager or delegate', () => {
      spec.given(gathering()).when(closeGathering(undefined, practitioner)).thenRejects('REFERRAL.NOT_ALLOWED');
    });

    it('refuses an early close without a rationale', () => {
      const command: ReferralCommand = {
        type: 'CloseInformationGathering',
        data: { referralId, by: manager, rationale: ' ' },
        metadata: meta('2026-03-02T16:00:00.000Z'),
      };
      spec.given(gathering()).when(command).thenRejects('REFERRAL.INVALID_INPUT', 'rationale');
    });
  });

  describe('when gathering has been closed early', () => {
    const closed = () => historyOfFrom(gathering(), respond('police'), closeGathering());

    it('no longer reminds or escalates the agency that did not answer', () => {
      spec.given(closed()).when(remind('social-care', '2026-03-03T09:30:00.000Z')).then([]);
      spec.given(closed()).when(escalate('social-care', DUE)).then([]);
    });

    it('still records a response from that agency, as late once past its due time', () => {
      spec
        .given(closed())
        .when(respond('social-care', '2026-03-03T12:00:00.000Z'))
        .then([provided('social-care', '2026-03-03T12:00:00.000Z', true)]);
    });

    it('cannot be closed twice', () => {
      spec.given(closed()).when(closeGathering('2026-03-02T16:30:00.000Z')).thenRejects('REFERRAL.WRONG_STAGE');
    });
  });

  describe('when immediate risk sent the referral to a strategy discussion with requests open', () => {
    const immediate = () => historyOfFrom([received(dataset({ immediateRisk: true }))], begin());

    it('records responses and completes gathering when all have answered, staying at the discussion', () => {
      const twoAnswered = historyOfFrom(
        immediate(),
        respond('police', '2026-03-02T11:00:00.000Z'),
        respond('social-care', '2026-03-02T11:05:00.000Z'),
      );
      spec
        .given(twoAnswered)
        .when(respond('health', '2026-03-02T11:10:00.000Z'))
        .then([
          expect.objectContaining({
            type: 'InformationProvided',
            data: expect.objectContaining({ agency: 'health', dueAt: '2026-03-02T14:16:00.000Z', late: false }),
          }),
          { type: 'InformationGatheringClosed', data: { referralId, early: false, unanswered: [], closedAt: '2026-03-02T11:10:00.000Z' } },
        ]);
    });

    it('lets the manager close gathering early before the discussion', () => {
      spec
        .given(immediate())
        .when(closeGathering('2026-03-02T11:00:00.000Z'))
        .then([
          expect.objectContaining({
            type: 'InformationGatheringClosed',
            data: expect.objectContaining({ early: true, unanswered: ['police', 'social-care', 'health'] }),
          }),
        ]);
    });
  });

  describe('when the referral is at the strategy discussion after gathering completed', () => {
    it('refuses an early close: there is nothing to close', () => {
      spec.given(atStrategyDiscussion()).when(closeGathering()).thenRejects('REFERRAL.WRONG_STAGE');
    });

    it('records a further response as an addition', () => {
      spec
        .given(atStrategyDiscussion())
        .when(respond('police', '2026-03-03T09:00:00.000Z', 'police-2'))
        .then([provided('police', '2026-03-03T09:00:00.000Z', false, true, 'police-2')]);
    });
  });
});
