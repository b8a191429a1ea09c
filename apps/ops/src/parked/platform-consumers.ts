import type { Pool } from 'pg';
import type { PlatformConfig } from '@app/config';
import { createKafka, platformTopics, type ParkedEventConsumer } from '@app/messaging';
import type { Logger } from '@app/observability';
import { REFERRAL_SUMMARY_CONSUMER } from '../../../projector/src/referral-summary/apply-batch';
import { referralSummaryParkedConsumer } from '../../../projector/src/referral-summary/reapply-parked';
import { IntegrationEventPublisher } from '../../../relay/src/integration-event-publisher';
import { relayParkedConsumer } from '../../../relay/src/reapply-parked';
import { RELAY_READER } from '../../../relay/src/relay-plan';
import { OpsUsageError } from '../ops.errors';

export interface PlatformParkedConsumers {
  consumerFor(name: string): Promise<ParkedEventConsumer>;
  /** Closes the relay's producer if a retry opened one. */
  close(): Promise<void>;
}

/**
 * The platform's consumers that park events, each with its own way of applying them again: the
 * one lookup the ops command line and the ops API both resolve parked events through. The
 * relay's retries publish, so its producer is opened only when one is asked for.
 */
export function platformParkedConsumers(pool: Pool, config: PlatformConfig, logger: Logger, clientId: string): PlatformParkedConsumers {
  let publisher: IntegrationEventPublisher | undefined;
  return {
    async consumerFor(name: string): Promise<ParkedEventConsumer> {
      if (name === REFERRAL_SUMMARY_CONSUMER) return referralSummaryParkedConsumer();
      if (name === RELAY_READER) {
        publisher ??= new IntegrationEventPublisher(createKafka(config, logger, clientId), platformTopics(config).referralEvents, logger);
        return relayParkedConsumer(pool, publisher);
      }
      throw new OpsUsageError(`no way to retry events of consumer ${name}: known are ${REFERRAL_SUMMARY_CONSUMER}, ${RELAY_READER}`);
    },
    async close(): Promise<void> {
      const open = publisher;
      publisher = undefined;
      await open?.close();
    },
  };
}
