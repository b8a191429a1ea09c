import { evolve, initialState, REFERRAL_EVENT_TYPES, type ReferralEvent, type ReferralState } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

function isReferralEvent(event: RecordedEvent): event is RecordedEvent<ReferralEvent['type'], never> {
  return (REFERRAL_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** Folds a referral stream into the decider's state; an unknown event type is a deployment error. */
export function referralStateOf(stream: RecordedEvent[]): ReferralState {
  return stream.reduce<ReferralState>((state, event) => {
    if (!isReferralEvent(event)) throw new Error(`unknown event type ${event.type} in stream ${event.streamId}`);
    return evolve(state, { type: event.type, data: event.data } as ReferralEvent);
  }, initialState());
}
