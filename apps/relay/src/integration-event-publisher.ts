import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { ensureTopics, toKafkaMessage, type IntegrationEvent } from '@app/messaging';
import { errorSummary, type Logger } from '@app/observability';

/**
 * Sends integration events to one topic and returns only once every in-sync replica has them.
 * Idempotent with one request in flight, so a retried send neither duplicates nor reorders
 * messages within a producer session; across sessions the consumers' stream-version check
 * drops the duplicates a resent batch can leave.
 */
export class IntegrationEventPublisher {
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
    private readonly logger: Logger,
  ) {}

  async publish(events: IntegrationEvent[]): Promise<void> {
    if (events.length === 0) return;
    const producer = await this.connected();
    try {
      await producer.send({ topic: this.topic, acks: -1, messages: events.map(toKafkaMessage) });
    } catch (error) {
      // After a broker restart kafkajs can keep a producer whose every send fails; the next
      // attempt gets a fresh producer (and a fresh idempotence session) instead.
      await this.discardProducer();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.discardProducer();
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Bounded on purpose (kafkajs warns that this limits exactly-once): a send that cannot
      // finish must fail so the follower backs off and retries with a fresh producer.
      retry: { initialRetryTime: 300, maxRetryTime: 3000, retries: 3 },
    });
    try {
      await producer.connect();
      await this.ensureTopic();
    } catch (error) {
      await disconnectQuietly(producer, this.logger);
      throw error;
    }
    this.producer = producer;
    return producer;
  }

  private async ensureTopic(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const created = await ensureTopics(admin, [this.topic]);
      if (created.length > 0) this.logger.info({ topics: created }, 'topics created');
    } finally {
      await admin.disconnect();
    }
  }

  private async discardProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await disconnectQuietly(producer, this.logger);
  }
}

/** A producer being thrown away may fail to disconnect (its broker is gone); that is not news. */
async function disconnectQuietly(producer: Producer, logger: Logger): Promise<void> {
  try {
    await producer.disconnect();
  } catch (error) {
    logger.debug({ ...errorSummary(error) }, 'discarded producer did not disconnect cleanly');
  }
}
