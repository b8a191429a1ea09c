import { MalformedIntegrationEventError } from './integration-event';
import { INTEGRATION_HEADERS, headerText, parseIntegrationEvent, toKafkaMessage } from './kafka-message';
import { toIntegrationEvent } from './to-integration-event';
import { REFERRAL_ID, recordedTriageAwaited } from '../testing/recorded-referral-events';

describe('Kafka message of an integration event', () => {
  const event = toIntegrationEvent(recordedTriageAwaited())!;
  const message = toKafkaMessage(event);

  it('is keyed by referral id so each referral keeps its order', () => {
    expect(message.key).toBe(REFERRAL_ID);
  });

  it('carries event id, type and hub as headers', () => {
    expect(headerText(message.headers, INTEGRATION_HEADERS.eventId)).toBe(event.id);
    expect(headerText(message.headers, INTEGRATION_HEADERS.eventType)).toBe('mash.referral.triage-awaited.v1');
    expect(headerText(message.headers, INTEGRATION_HEADERS.hubId)).toBe('north-mash');
  });

  it('reads back to the same event', () => {
    expect(parseIntegrationEvent({ value: Buffer.from(message.value as string) })).toEqual(event);
  });

  it.each([
    ['an empty value', null],
    ['a value that is not JSON', Buffer.from('{not json')],
    ['JSON without the envelope', Buffer.from('{"type":"x"}')],
    ['JSON null', Buffer.from('null')],
  ])('refuses %s as malformed', (_what, value) => {
    expect(() => parseIntegrationEvent({ value })).toThrow(MalformedIntegrationEventError);
  });
});
