import type { PlatformConfig } from '@app/config';
import { inTransaction, type Pool } from '@app/database';
import { EventLogFollower, type LogPosition, type RecordedEvent } from '@app/event-store';
import { createKafka, KafkaConnections, ParkedEvents, platformTopics } from '@app/messaging';
import { createLogger, type Logger } from '@app/observability';
import { IntegrationEventPublisher } from './integration-event-publisher';
import { planRelayBatch, RELAY_READER } from './relay-plan';

export { RELAY_READER };

export type RelayConfig = Pick<PlatformConfig, 'DATABASE_URL' | 'KAFKA_BROKERS' | 'KAFKA_REFERRAL_TOPIC' | 'LOG_LEVEL'>;

export interface RelayOptions {
  logger?: Logger;
  batchSize?: number;
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

export interface RelayHandle {
  /** Finishes the batch in hand, then stops following and closes the producer. */
  stop(): Promise<void>;
  /** Position up to which every event is acknowledged by Kafka. */
  position(): Promise<LogPosition>;
}

/**
 * Carries the event store out to Kafka. The follower hands over batches in log order and
 * moves the checkpoint only after the handler returns, i.e. after Kafka acknowledged the
 * batch; any failure (Kafka down, a broker restart) makes it retry the batch with backoff.
 */
export function startRelay(config: RelayConfig, pool: Pool, options: RelayOptions = {}): RelayHandle {
  const logger = options.logger ?? createLogger('relay', config.LOG_LEVEL);
  const topic = platformTopics(config).referralEvents;
  const connections = new KafkaConnections();
  const publisher = new IntegrationEventPublisher(createKafka(config, logger, 'mash-relay', connections), topic, logger);

  async function relayBatch(batch: RecordedEvent[]): Promise<void> {
    // Held under the parking lock from deciding to parking, so that `ops parked retry` never
    // drains a referral's queue while this batch is holding a new event behind it.
    const plan = await inTransaction(pool, async (client) => {
      await ParkedEvents.lockForParking(client, RELAY_READER);
      const decided = planRelayBatch(batch, await ParkedEvents.heldReferrals(client, RELAY_READER));
      // Kafka failing is not the events' fault: it throws, nothing is parked, and the follower
      // retries the batch, deciding the same again.
      await publisher.publish(decided.publish);
      // A crash before the checkpoint parks the same events again: the table keeps one row each.
      for (const parked of decided.park) await ParkedEvents.park(client, parked);
      return decided;
    });
    if (plan.park.length > 0) {
      logger.warn({ parked: plan.park.map((p) => ({ eventId: p.eventId, type: p.eventType, code: p.errorCode })) }, 'events parked (ops parked list)');
    }
    logger.info(
      {
        topic,
        read: batch.length,
        published: plan.publish.length,
        parked: plan.park.length,
        fromPosition: batch[0].position.globalPosition.toString(),
        toPosition: batch[batch.length - 1].position.globalPosition.toString(),
      },
      'events relayed',
    );
  }

  const follower = new EventLogFollower(
    pool,
    config.DATABASE_URL,
    relayBatch,
    {
      reader: RELAY_READER,
      batchSize: options.batchSize,
      pollIntervalMs: options.pollIntervalMs,
      maxBackoffMs: options.maxBackoffMs,
    },
    logger,
  );
  follower.start();
  logger.info({ topic, reader: RELAY_READER }, 'relay started');

  return {
    async stop() {
      await follower.stop();
      await publisher.close();
      logger.info({ reader: RELAY_READER, leftoverConnections: await connections.closeLeftovers() }, 'relay stopped');
    },
    position: () => follower.position(),
  };
}
