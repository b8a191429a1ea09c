import {
  adultDataset,
  atTriage,
  awaitingTriageAuthorisation,
  historyOfFrom,
  meta,
  policy,
  practitioner,
  referralId,
  spec,
  triage,
} from '../../testing/referral/lifecycle-fixtures';
import type { ReferralCommand } from '../referral.commands';

const escalate = (now: string, p = policy()): ReferralCommand => ({ type: 'EscalateTriage', data: { referralId }, metadata: meta(now, p) });

describe('triage', () => {
  describe('when triage is awaited', () => {
    it('records the rating and decision, and puts it in the authorisation queue', () => {
      spec
        .given(atTriage())
        .when(triage())
        .then([
          {
            type: 'TriageDecisionRecorded',
            data: {
              referralId,
              rag: 'amber',
              decision: 'mash-enquiry',
              rationale: 'pattern of neglect',
              by: practitioner,
              decidedAt: '2026-03-02T11:00:00.000Z',
              policyVersion: 7,
            },
          },
          {
            type: 'AuthorisationRequested',
            data: {
              referralId,
              kind: 'triage',
              requestedAt: '2026-03-02T11:00:00.000Z',
              dueAt: '2026-03-02T15:00:00.000Z',
              policyVersion: 7,
            },
          },
        ]);
    });

    it("accepts a level that is the hub's own (blue)", () => {
      spec
        .given(atTriage())
        .when(triage({ rag: 'blue', decision: 'no-further-action' }))
        .then([
          expect.objectContaining({ type: 'TriageDecisionRecorded', data: expect.objectContaining({ rag: 'blue' }) }),
          expect.objectContaining({ type: 'AuthorisationRequested' }),
        ]);
    });

    it('accepts an adult decision for an adult', () => {
      spec
        .given(atTriage(adultDataset()))
        .when(triage({ decision: 'section-42-enquiry' }))
        .then([
          expect.objectContaining({ type: 'TriageDecisionRecorded', data: expect.objectContaining({ decision: 'section-42-enquiry' }) }),
          expect.objectContaining({ type: 'AuthorisationRequested' }),
        ]);
    });

    it('refuses a decision without a rationale', () => {
      spec
        .given(atTriage())
        .when(triage({ rationale: '  ' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'rationale');
    });

    it("refuses a RAG level that is not in the hub's policy", () => {
      spec
        .given(atTriage())
        .when(triage({ rag: 'purple' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'rag');
    });

    it('refuses a child decision for an adult', () => {
      spec
        .given(atTriage(adultDataset()))
        .when(triage({ decision: 'section-47-strategy-discussion' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'decision');
    });

    it('refuses an adult decision for a child', () => {
      spec
        .given(atTriage())
        .when(triage({ decision: 'section-42-enquiry' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'decision');
    });

    it('refuses an unknown decision', () => {
      spec
        .given(atTriage())
        .when(triage({ decision: 'wait-and-see' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'decision');
    });

    describe('and the triage deadline passes', () => {
      it('does nothing before the deadline (a timer set earlier)', () => {
        spec.given(atTriage()).when(escalate('2026-03-03T10:14:59.000Z')).then([]);
      });

      it('escalates to the first rung at the deadline', () => {
        spec
          .given(atTriage())
          .when(escalate('2026-03-03T10:15:00.000Z'))
          .then([
            {
              type: 'TriageEscalated',
              data: {
                referralId,
                level: 1,
                notify: [{ role: 'agency-team-manager' }],
                escalatedAt: '2026-03-03T10:15:00.000Z',
                nextEscalationAt: '2026-03-03T14:15:00.000Z',
                policyVersion: 7,
              },
            },
          ]);
      });

      it('times the next rung from when this one was due, not from a late timer', () => {
        spec
          .given(atTriage())
          .when(escalate('2026-03-03T10:20:00.000Z'))
          .then([
            expect.objectContaining({
              data: expect.objectContaining({ escalatedAt: '2026-03-03T10:15:00.000Z', nextEscalationAt: '2026-03-03T14:15:00.000Z' }),
            }),
          ]);
      });

      it('climbs to the second rung, notifying the service manager and the accountable manager', () => {
        const once = historyOfFrom(atTriage(), escalate('2026-03-03T10:15:00.000Z'));
        spec
          .given(once)
          .when(escalate('2026-03-03T14:15:00.000Z'))
          .then([
            {
              type: 'TriageEscalated',
              data: {
                referralId,
                level: 2,
                notify: [{ role: 'service-manager' }, { role: 'hub-accountable-manager' }],
                escalatedAt: '2026-03-03T14:15:00.000Z',
                nextEscalationAt: '2026-03-04T14:15:00.000Z',
                policyVersion: 7,
              },
            },
          ]);
      });

      it('stops after a top rung that does not repeat', () => {
        let history = atTriage();
        for (const at of ['2026-03-03T10:15:00.000Z', '2026-03-03T14:15:00.000Z', '2026-03-04T14:15:00.000Z']) {
          history = historyOfFrom(history, escalate(at));
        }
        expect(history[history.length - 1]).toEqual(
          expect.objectContaining({ data: expect.objectContaining({ level: 3, nextEscalationAt: null }) }),
        );
        spec.given(history).when(escalate('2026-03-20T10:00:00.000Z')).then([]);
      });

      it('repeats a top rung that has an interval, at its level', () => {
        const p = policy({ escalationLadder: [{ level: 1, notify: [{ role: 'strategic-lead' }], nextRungAfter: { workingDays: 1 } }] });
        const once = historyOfFrom(atTriage(), escalate('2026-03-03T10:15:00.000Z', p));
        spec
          .given(once)
          .when(escalate('2026-03-04T10:15:00.000Z', p))
          .then([
            expect.objectContaining({
              data: expect.objectContaining({
                level: 1,
                escalatedAt: '2026-03-04T10:15:00.000Z',
                nextEscalationAt: '2026-03-05T10:15:00.000Z',
              }),
            }),
          ]);
      });
    });
  });

  describe('when the triage decision awaits authorisation', () => {
    it('refuses a second triage decision', () => {
      spec.given(awaitingTriageAuthorisation()).when(triage()).thenRejects('REFERRAL.WRONG_STAGE');
    });

    it('no longer escalates triage', () => {
      spec.given(awaitingTriageAuthorisation()).when(escalate('2026-03-03T10:15:00.000Z')).then([]);
    });

    it('names the stage in the rejection', () => {
      expect(() => historyOfFrom(awaitingTriageAuthorisation(), triage())).toThrow(/stage AwaitingAuthorisation/);
    });
  });
});
