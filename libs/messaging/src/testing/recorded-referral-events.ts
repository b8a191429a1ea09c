import type { ReferralEvent, ReferralEventType, ReferralReceived, TriageAwaited } from '@app/domain';
import type { EventMetadata, RecordedEvent } from '@app/event-store';

/** Stored referral events as the event store hands them out, for the pure tests of mappings. */
export const REFERRAL_ID = '6f1c2a4e-5b7d-4c1e-9a3f-2d8e7b6c5a41';

const metadata: EventMetadata = {
  actor: 'practitioner-7',
  agency: 'police',
  hubId: 'north-mash',
  correlationId: 'corr-1',
  causationId: null,
  policyVersion: 3,
};

export function recordedReferralReceived(): RecordedEvent<'ReferralReceived', ReferralReceived['data']> {
  return {
    eventId: '0b9f3c1e-1111-4a2b-8c3d-000000000001',
    streamId: `referral-${REFERRAL_ID}`,
    streamVersion: 1,
    hubId: 'north-mash',
    type: 'ReferralReceived',
    schemaVersion: 1,
    data: {
      referralId: REFERRAL_ID,
      hubId: 'north-mash',
      receivedAt: '2025-01-06T09:15:00.000Z',
      referrer: { name: 'PC Invented', agency: 'police', role: 'response officer', phone: '000' },
      subject: {
        type: 'child',
        givenName: 'Sam',
        familyName: 'Example',
        dateOfBirth: '2017-03-02',
        address: { line1: '1 Nowhere Lane', town: 'Testtown', postcode: 'ZZ1 1ZZ' },
      },
      householdMembers: [{ givenName: 'Alex', familyName: 'Example', relationship: 'mother' }],
      concernCategories: ['neglect', 'domestic-abuse'],
      immediateRisk: true,
      consent: { status: 'not-sought', familyAware: false, reason: 'would place the child at risk' },
      narrative: 'Invented narrative that must never leave the platform.',
    },
    metadata,
    recordedAt: new Date('2025-01-06T09:15:01.250Z'),
    position: { transactionId: 900n, globalPosition: 9007199254740993n },
  };
}

export function recordedTriageAwaited(): RecordedEvent<'TriageAwaited', TriageAwaited['data']> {
  return {
    eventId: '0b9f3c1e-1111-4a2b-8c3d-000000000002',
    streamId: `referral-${REFERRAL_ID}`,
    streamVersion: 2,
    hubId: 'north-mash',
    type: 'TriageAwaited',
    // Stored at v1 before the hub policy applied, read upcast to v2: no deadline, no policy.
    schemaVersion: 2,
    data: { referralId: REFERRAL_ID, since: '2025-01-06T09:15:02.000Z', dueAt: null, policyVersion: null },
    metadata: { ...metadata, policyVersion: undefined },
    recordedAt: new Date('2025-01-06T09:15:02.500Z'),
    position: { transactionId: 901n, globalPosition: 9007199254740994n },
  };
}

/** A stored event of any referral type, as the event store hands it out. */
export type RecordedReferralEvent<Type extends ReferralEventType> = RecordedEvent<Type, DataOf<Type>>;
type DataOf<Type extends ReferralEventType> = Extract<ReferralEvent, { type: Type }>['data'];

/** A stored event at `streamVersion` of the referral, with an event id and position to match. */
export function recorded<Type extends ReferralEventType>(
  type: Type,
  data: DataOf<Type>,
  streamVersion: number,
): RecordedReferralEvent<Type> {
  return {
    eventId: `0b9f3c1e-1111-4a2b-8c3d-${String(streamVersion).padStart(12, '0')}`,
    streamId: `referral-${REFERRAL_ID}`,
    streamVersion,
    hubId: 'north-mash',
    type,
    schemaVersion: 1,
    data,
    metadata,
    recordedAt: new Date(Date.UTC(2025, 0, 6, 9, 15) + streamVersion * 60_000),
    position: { transactionId: 900n + BigInt(streamVersion), globalPosition: 9007199254740992n + BigInt(streamVersion) },
  };
}
