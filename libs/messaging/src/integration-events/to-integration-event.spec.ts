import { toIntegrationEvent } from './to-integration-event';
import { REFERRAL_ID, recordedReferralReceived, recordedTriageAwaited } from '../testing/recorded-referral-events';

describe('toIntegrationEvent', () => {
  describe('ReferralReceived', () => {
    const published = toIntegrationEvent(recordedReferralReceived());

    it('wraps the stored event in the versioned envelope', () => {
      expect(published).toMatchObject({
        specVersion: '1.0',
        id: '0b9f3c1e-1111-4a2b-8c3d-000000000001',
        type: 'mash.referral.received.v1',
        source: 'mash-platform',
        referralId: REFERRAL_ID,
        hubId: 'north-mash',
        streamVersion: 1,
        occurredAt: '2025-01-06T09:15:01.250Z',
        policyVersion: 3,
        correlationId: 'corr-1',
      });
    });

    it('keeps the global position exact as a string, beyond what a JSON number holds', () => {
      expect(published?.position).toBe('9007199254740993');
    });

    it('publishes the routing facts and counts the subject in the household', () => {
      expect(published?.data).toEqual({
        receivedAt: '2025-01-06T09:15:00.000Z',
        referrer: { agency: 'police', role: 'response officer' },
        subject: { type: 'child', givenName: 'Sam', familyName: 'Example', dateOfBirth: '2017-03-02', ageBand: null },
        concernCategories: ['neglect', 'domestic-abuse'],
        immediateRisk: true,
        householdSize: 2,
        consent: { status: 'not-sought', familyAware: false },
      });
    });

    it('leaves the narrative, addresses, contact details and household names in the platform', () => {
      const text = JSON.stringify(published);
      for (const privateValue of ['Invented narrative', 'Nowhere Lane', 'ZZ1 1ZZ', 'PC Invented', 'Alex', 'would place']) {
        expect(text).not.toContain(privateValue);
      }
    });
  });

  describe('TriageAwaited', () => {
    it('publishes since when, and null due time and policy version for a referral from before the hub policy', () => {
      expect(toIntegrationEvent(recordedTriageAwaited())).toEqual({
        specVersion: '1.0',
        id: '0b9f3c1e-1111-4a2b-8c3d-000000000002',
        type: 'mash.referral.triage-awaited.v1',
        source: 'mash-platform',
        referralId: REFERRAL_ID,
        hubId: 'north-mash',
        streamVersion: 2,
        position: '9007199254740994',
        occurredAt: '2025-01-06T09:15:02.500Z',
        policyVersion: null,
        correlationId: 'corr-1',
        data: { since: '2025-01-06T09:15:02.000Z', dueAt: null },
      });
    });

    it('publishes when triage is due under the hub policy', () => {
      const event = recordedTriageAwaited();
      event.data = { ...event.data, dueAt: '2025-01-07T09:15:02.000Z', policyVersion: 3 };
      expect(toIntegrationEvent(event)?.data).toEqual({ since: '2025-01-06T09:15:02.000Z', dueAt: '2025-01-07T09:15:02.000Z' });
    });
  });

  it('publishes nothing for an event type that is not part of the public contract', () => {
    expect(toIntegrationEvent({ ...recordedTriageAwaited(), type: 'SomethingInternal' })).toBeUndefined();
    expect(toIntegrationEvent({ ...recordedTriageAwaited(), type: 'toString' })).toBeUndefined();
  });
});
