import type { Kafka, KafkaMessage } from 'kafkajs';
import { parseIntegrationEvent, type IntegrationEvent } from '@app/messaging';
import { uniqueSuffix } from './stack';

export interface ReadMessage {
  partition: number;
  offset: string;
  key: string | undefined;
  headers: KafkaMessage['headers'];
  event: IntegrationEvent;
}

export interface TopicReader {
  /** Every message read so far, in the order of each partition. */
  messages: ReadMessage[];
  stop(): Promise<void>;
}

/** Reads a topic from its beginning with a consumer group of its own, as an agency's system would. */
export async function readTopic(kafka: Kafka, topic: string): Promise<TopicReader> {
  // A short session, as the projector's: after a broker restart the group rebalances in seconds,
  // not after the 30 s default during which a lost member still holds its partitions.
  const consumer = kafka.consumer({ groupId: `test-reader-${uniqueSuffix()}`, sessionTimeout: 10000, heartbeatInterval: 1000 });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      messages.push({
        partition,
        offset: message.offset,
        key: message.key?.toString(),
        headers: message.headers,
        event: parseIntegrationEvent(message),
      });
    },
  });
  return { messages, stop: () => consumer.disconnect() };
}
