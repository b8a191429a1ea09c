/**
 * The public envelope of every event the platform publishes. Agencies' systems rely on it, so
 * it changes only by adding a new `type` version; domain events may change freely behind it.
 */
export const INTEGRATION_SPEC_VERSION = '1.0';
export const INTEGRATION_EVENT_SOURCE = 'mash-platform';

export interface IntegrationEvent<Type extends string = string, Data = unknown> {
  specVersion: typeof INTEGRATION_SPEC_VERSION;
  /** The event id of the stored event: the same fact always carries the same id. */
  id: string;
  type: Type;
  source: typeof INTEGRATION_EVENT_SOURCE;
  referralId: string;
  hubId: string;
  /** Version of the referral's stream; higher means later. Consumers skip what they have applied. */
  streamVersion: number;
  /** Global position in the platform's log, as a string (it outgrows a JSON number). */
  position: string;
  /** When the fact was recorded by the platform (ISO 8601). */
  occurredAt: string;
  /** The hub policy version the fact was decided under (0: the national default, no hub policy); null when the event recorded none. */
  policyVersion: number | null;
  correlationId: string;
  data: Data;
}

/** A message that is not a readable integration event (not JSON, or missing the envelope). */
export class MalformedIntegrationEventError extends Error {
  readonly code = 'MESSAGING.MALFORMED_EVENT';
  constructor(reason: string) {
    super(`malformed integration event: ${reason}`);
    this.name = 'MalformedIntegrationEventError';
  }
}
