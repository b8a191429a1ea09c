import { randomUUID } from 'node:crypto';
import { referralStreamId, type ReferralReceived, type TriageAwaited } from '@app/domain';
import type { EventMetadata, LogPosition, PostgresEventStore } from '@app/event-store';

/** A referral as the intake writes it: received, then awaiting triage (stream versions 1 and 2). */
export interface AppendedReferral {
  referralId: string;
  hubId: string;
  givenName: string;
  familyName: string;
  eventIds: string[];
  positions: LogPosition[];
}

function metadata(hubId: string): EventMetadata {
  return { actor: 'test-intake', agency: 'police', hubId, correlationId: randomUUID(), causationId: null, policyVersion: 0 }; // the national default: test hubs publish no policy
}

export async function appendReceived(
  store: PostgresEventStore,
  hubId = 'test-hub',
): Promise<Omit<AppendedReferral, 'eventIds' | 'positions'> & { eventId: string; position: LogPosition }> {
  const referralId = randomUUID();
  const eventId = randomUUID();
  const givenName = `Sam${referralId.slice(0, 4)}`;
  const familyName = 'Example';
  const data: ReferralReceived['data'] = {
    referralId,
    hubId,
    receivedAt: new Date().toISOString(),
    referrer: { name: 'PC Invented', agency: 'police' },
    subject: { type: 'child', givenName, familyName, dateOfBirth: '2016-05-04' },
    householdMembers: [{ givenName: 'Alex', familyName, relationship: 'mother' }],
    concernCategories: ['neglect'],
    immediateRisk: false,
    consent: { status: 'given', familyAware: true },
    narrative: 'Invented for a test.',
  };
  const result = await store.append(
    referralStreamId(referralId),
    'no-stream',
    [{ eventId, type: 'ReferralReceived', data }],
    metadata(hubId),
  );
  return { referralId, hubId, givenName, familyName, eventId, position: result.positions[0] };
}

export async function appendTriageAwaited(
  store: PostgresEventStore,
  referralId: string,
  hubId = 'test-hub',
): Promise<{ eventId: string; position: LogPosition }> {
  const eventId = randomUUID();
  const data: TriageAwaited['data'] = { referralId, since: new Date().toISOString(), dueAt: null, policyVersion: null };
  const result = await store.append(
    referralStreamId(referralId),
    1,
    [{ eventId, type: 'TriageAwaited', data }],
    metadata(hubId),
  );
  return { eventId, position: result.positions[0] };
}

export async function appendReferral(store: PostgresEventStore, hubId = 'test-hub'): Promise<AppendedReferral> {
  const received = await appendReceived(store, hubId);
  const awaited = await appendTriageAwaited(store, received.referralId, hubId);
  return {
    referralId: received.referralId,
    hubId,
    givenName: received.givenName,
    familyName: received.familyName,
    eventIds: [received.eventId, awaited.eventId],
    positions: [received.position, awaited.position],
  };
}
