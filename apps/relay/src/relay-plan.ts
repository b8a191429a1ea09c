import type { RecordedEvent } from '@app/event-store';
import { PARK_REASONS, toIntegrationEvent, uuidOrNull, type ParkedEventInput, type ReferralIntegrationEvent } from '@app/messaging';

/** The relay's checkpoint name in event_checkpoints, and the consumer it parks events under. */
export const RELAY_READER = 'kafka-relay';

export interface RelayPlan {
  publish: ReferralIntegrationEvent[];
  park: ParkedEventInput[];
  /** Events outside the public contract: read past. */
  outsideContract: number;
}

/** The referral a stored event belongs to: its data's referral id, which every referral event carries. */
function referralOf(event: RecordedEvent): string | null {
  const data = event.data as { referralId?: unknown } | null;
  return typeof data?.referralId === 'string' ? uuidOrNull(data.referralId) : null;
}

const bigintsAsText = (_: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/**
 * What to do with a batch of the log. An event the mapping throws on would throw again however
 * often it is retried (the mapping is pure), so it is parked rather than blocking the log; so are
 * the later events of its referral, held: published past the gap, they would carry higher stream
 * versions, and every consumer would then skip the parked one when it came (version guard).
 */
export function planRelayBatch(batch: readonly RecordedEvent[], held: ReadonlySet<string>): RelayPlan {
  const plan: RelayPlan = { publish: [], park: [], outsideContract: 0 };
  const holding = new Set(held);
  for (const event of batch) {
    const referralId = referralOf(event);
    const park = (errorCode: ParkedEventInput['errorCode'], errorMessage: string) => {
      plan.park.push({
        consumer: RELAY_READER,
        topic: null,
        partition: null,
        offset: null,
        eventId: event.eventId,
        eventType: event.type,
        referralId,
        hubId: event.hubId,
        errorCode,
        errorMessage,
        payload: Buffer.from(JSON.stringify(event, bigintsAsText)),
      });
      if (referralId) holding.add(referralId);
    };
    if (referralId && holding.has(referralId)) {
      park(PARK_REASONS.heldBehindParked, 'a preceding event of the referral is parked');
      continue;
    }
    let published: ReferralIntegrationEvent | undefined;
    try {
      published = toIntegrationEvent(event);
    } catch (error) {
      // The class only: the message of an error thrown over event data may quote that data.
      park(PARK_REASONS.mappingFailed, `${error instanceof Error ? error.name : typeof error} in toIntegrationEvent (${event.type} v${event.schemaVersion})`);
      continue;
    }
    if (published) plan.publish.push(published);
    else plan.outsideContract += 1;
  }
  return plan;
}
