import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { MalformedIntegrationEventError, type IntegrationEvent } from './integration-event';

/** Headers that let a consumer route or drop a message without parsing its value. */
export const INTEGRATION_HEADERS = {
  eventId: 'mash-event-id',
  eventType: 'mash-event-type',
  hubId: 'mash-hub-id',
} as const;

/** Key = referral id, so every event of a referral lands in one partition, in order. */
export function toKafkaMessage(event: IntegrationEvent): Message {
  return {
    key: event.referralId,
    value: JSON.stringify(event),
    headers: {
      [INTEGRATION_HEADERS.eventId]: event.id,
      [INTEGRATION_HEADERS.eventType]: event.type,
      [INTEGRATION_HEADERS.hubId]: event.hubId,
    },
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Reads the envelope of a consumed message; the data is checked by whoever handles its type. */
export function parseIntegrationEvent(message: Pick<KafkaMessage, 'value'>): IntegrationEvent {
  if (!message.value) throw new MalformedIntegrationEventError('empty value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new MalformedIntegrationEventError('value is not JSON');
    throw error;
  }
  const event = parsed as Partial<IntegrationEvent> | null;
  if (
    typeof event !== 'object' ||
    event === null ||
    typeof event.id !== 'string' ||
    typeof event.type !== 'string' ||
    typeof event.referralId !== 'string' ||
    typeof event.streamVersion !== 'number'
  ) {
    throw new MalformedIntegrationEventError('envelope fields missing');
  }
  return event as IntegrationEvent;
}
