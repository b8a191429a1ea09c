import type { IntegrationEvent, ReferralReceivedV1, TriageAwaitedV1 } from '@app/messaging';
import { evolve, REFERRAL_SUMMARY_HANDLES, type ReferralSummary } from './referral-summary.projection';

const referralId = '6f1c2a4e-5b7d-4c1e-9a3f-2d8e7b6c5a41';
const envelope = {
  specVersion: '1.0' as const,
  source: 'mash-platform' as const,
  referralId,
  hubId: 'north-mash',
  policyVersion: 2,
  correlationId: 'corr-1',
};

const referralReceived: ReferralReceivedV1 = {
  ...envelope,
  id: '0b9f3c1e-1111-4a2b-8c3d-000000000001',
  type: 'mash.referral.received.v1',
  streamVersion: 1,
  position: '41',
  occurredAt: '2025-01-06T09:15:01.000Z',
  data: {
    receivedAt: '2025-01-06T09:15:00.000Z',
    referrer: { agency: 'health', role: 'health visitor' },
    subject: { type: 'child', givenName: 'Sam', familyName: 'Example', dateOfBirth: '2021-03-02', ageBand: null },
    concernCategories: ['neglect'],
    immediateRisk: false,
    householdSize: 3,
    consent: { status: 'given', familyAware: true },
  },
};

const triageAwaited: TriageAwaitedV1 = {
  ...envelope,
  id: '0b9f3c1e-1111-4a2b-8c3d-000000000002',
  type: 'mash.referral.triage-awaited.v1',
  streamVersion: 2,
  position: '42',
  occurredAt: '2025-01-06T09:15:03.000Z',
  data: { since: '2025-01-06T09:15:02.000Z' },
};

const receivedRow: ReferralSummary = {
  referralId,
  hubId: 'north-mash',
  stage: 'received',
  subjectType: 'child',
  subjectDisplayName: 'Sam Example',
  subjectDateOfBirth: '2021-03-02',
  subjectAgeBand: null,
  referrerAgency: 'health',
  concernCategories: ['neglect'],
  immediateRisk: false,
  householdSize: 3,
  receivedAt: '2025-01-06T09:15:00.000Z',
  triageAwaitedSince: null,
  streamVersion: 1,
  lastEventId: referralReceived.id,
};

describe('referral summary projection', () => {
  it('handles the received and triage-awaited events', () => {
    expect(REFERRAL_SUMMARY_HANDLES).toEqual(['mash.referral.received.v1', 'mash.referral.triage-awaited.v1']);
  });

  describe('no row yet', () => {
    it('a received referral becomes a row at stage received', () => {
      expect(evolve(null, referralReceived)).toEqual(receivedRow);
    });

    it('a triage wait without its referral gives no row', () => {
      expect(evolve(null, triageAwaited)).toBeNull();
    });

    it('an unknown type gives no row', () => {
      expect(evolve(null, { ...triageAwaited, type: 'mash.referral.rated.v1' } as IntegrationEvent)).toBeNull();
    });
  });

  describe('received row', () => {
    it('awaiting triage moves the stage and starts the triage clock', () => {
      expect(evolve(receivedRow, triageAwaited)).toEqual({
        ...receivedRow,
        stage: 'awaiting-triage',
        triageAwaitedSince: '2025-01-06T09:15:02.000Z',
        streamVersion: 2,
        lastEventId: triageAwaited.id,
      });
    });

    it('the received event delivered again changes nothing', () => {
      expect(evolve(receivedRow, referralReceived)).toBe(receivedRow);
    });

    it('an unknown type changes nothing, even at a later stream version', () => {
      const later = { ...triageAwaited, type: 'mash.referral.rated.v1', streamVersion: 5 } as IntegrationEvent;
      expect(evolve(receivedRow, later)).toBe(receivedRow);
    });
  });

  describe('row awaiting triage', () => {
    const awaitingRow = evolve(receivedRow, triageAwaited)!;

    it.each([
      ['received', referralReceived],
      ['triage awaited', triageAwaited],
    ])('the %s event delivered again changes nothing', (_name, event) => {
      expect(evolve(awaitingRow, event)).toBe(awaitingRow);
    });

    it('replaying the whole stream twice gives the same row as once', () => {
      const once = [referralReceived, triageAwaited].reduce(evolve, null as ReferralSummary | null);
      const twice = [referralReceived, triageAwaited, referralReceived, triageAwaited].reduce(evolve, null as ReferralSummary | null);
      expect(twice).toEqual(once);
    });
  });
});
