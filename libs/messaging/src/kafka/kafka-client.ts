import { Kafka } from 'kafkajs';
import type { PlatformConfig } from '@app/config';
import type { Logger } from '@app/observability';
import type { KafkaConnections } from './kafka-connections';
import { kafkaLogLevel, pinoLogCreator } from './kafka-log-creator';

/**
 * A kafkajs client for one process. Retries are bounded so that an unreachable broker surfaces
 * as an error to the caller (the relay's follower backs off and retries the whole batch)
 * instead of hanging a send for minutes. Pass `connections` to be able to close whatever the
 * client leaves open when the process stops.
 */
export function createKafka(
  config: Pick<PlatformConfig, 'KAFKA_BROKERS'>,
  logger: Logger,
  clientId: string,
  connections?: KafkaConnections,
): Kafka {
  return new Kafka({
    socketFactory: connections?.socketFactory,
    clientId,
    brokers: config.KAFKA_BROKERS.split(',')
      .map((broker) => broker.trim())
      .filter((broker) => broker.length > 0),
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 300, maxRetryTime: 5000, retries: 5 },
    logLevel: kafkaLogLevel(logger.level),
    logCreator: pinoLogCreator(logger),
  });
}
