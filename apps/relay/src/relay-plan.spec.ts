import type { RecordedEvent } from '@app/event-store';
import { PARK_REASONS } from '@app/messaging';
import { recordedReferralReceived, recordedTriageAwaited, REFERRAL_ID } from '../../../libs/messaging/src/testing/recorded-referral-events';
import { planRelayBatch } from './relay-plan';

const OTHER = '11111111-2222-4333-8444-555555555555';

/** A stored event the mapping throws on: data without the shape its type promises. */
function unmappable(): RecordedEvent {
  return { ...recordedReferralReceived(), data: { referralId: REFERRAL_ID, hubId: 'north-mash' } };
}

function ofOtherReferral(): RecordedEvent {
  const event = recordedReferralReceived();
  return { ...event, eventId: '0b9f3c1e-1111-4a2b-8c3d-0000000000ff', streamId: `referral-${OTHER}`, data: { ...event.data, referralId: OTHER } };
}

describe('the relay planning a batch', () => {
  it('publishes what maps and reads past what is outside the contract', () => {
    const outside = { ...recordedTriageAwaited(), type: 'HubPolicyPublished', data: {} };
    const plan = planRelayBatch([recordedReferralReceived(), outside], new Set());
    expect(plan.publish.map((e) => e.type)).toEqual(['mash.referral.received.v1']);
    expect(plan).toMatchObject({ park: [], outsideContract: 1 });
  });

  it('parks an event the mapping throws on, holds the later events of its referral, and publishes the other referrals', () => {
    const plan = planRelayBatch([unmappable(), ofOtherReferral(), recordedTriageAwaited()], new Set());
    expect(plan.publish.map((e) => e.referralId)).toEqual([OTHER]);
    expect(plan.park.map((p) => [p.eventType, p.errorCode, p.referralId])).toEqual([
      ['ReferralReceived', PARK_REASONS.mappingFailed, REFERRAL_ID],
      ['TriageAwaited', PARK_REASONS.heldBehindParked, REFERRAL_ID],
    ]);
    expect(plan.park[0]).toMatchObject({ consumer: 'kafka-relay', topic: null, offset: null, errorMessage: 'TypeError in toIntegrationEvent (ReferralReceived v1)' });
  });

  it('holds the events of a referral with an event already parked', () => {
    const plan = planRelayBatch([recordedTriageAwaited(), ofOtherReferral()], new Set([REFERRAL_ID]));
    expect(plan.park.map((p) => p.errorCode)).toEqual([PARK_REASONS.heldBehindParked]);
    expect(plan.publish).toHaveLength(1);
  });

  it('never copies event data into the error it records', () => {
    const [parked] = planRelayBatch([unmappable()], new Set()).park;
    expect(parked.errorMessage).not.toMatch(/Sam|Example|north-mash/);
  });
});
