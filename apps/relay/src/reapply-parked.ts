import type { Pool } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import { PARK_REASONS, type ParkedEventConsumer } from '@app/messaging';
import type { IntegrationEventPublisher } from './integration-event-publisher';
import { planRelayBatch } from './relay-plan';

/**
 * The relay's parked events applied again (ops parked retry): the event read from the store as
 * the relay reads it (upcast to its current shape), mapped and published as in a batch. A send
 * that fails throws (Kafka, not the event): nothing is resolved and the retry can be run again.
 */
export function relayParkedConsumer(pool: Pool, publisher: IntegrationEventPublisher): ParkedEventConsumer {
  const store = new PostgresEventStore(pool);
  return {
    begin: async () => undefined,
    async reapply(_client, parked) {
      const streamId = parked.payload ? (JSON.parse(parked.payload.toString('utf8')) as { streamId?: unknown }).streamId : undefined;
      const recorded = typeof streamId === 'string' ? (await store.readStream(streamId)).find((e) => e.eventId === parked.eventId) : undefined;
      if (!recorded) return { code: PARK_REASONS.mappingFailed, reason: 'event no longer in the store' };
      const plan = planRelayBatch([recorded], new Set());
      if (plan.park.length > 0) return { code: plan.park[0].errorCode, reason: plan.park[0].errorMessage };
      await publisher.publish(plan.publish);
      return null;
    },
  };
}
