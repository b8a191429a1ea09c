import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { PlatformConfig } from '@app/config';
import { inTransaction, type Pool } from '@app/database';
import { createKafka, ensureTopics, IntegrationEventSchemas, KafkaConnections, PARK_REASONS, platformTopics } from '@app/messaging';
import { createLogger, errorSummary, type Logger } from '@app/observability';
import { PoisonInBatchError } from './poison/apply-failure';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { applyReferralSummaryBatch, type BatchOutcome } from './referral-summary/apply-batch';

export const REFERRAL_SUMMARY_PROJECTION = 'referral-summary';
export const REFERRAL_SUMMARY_GROUP = 'referral-summary-projector';

export type ProjectorConfig = Pick<PlatformConfig, 'KAFKA_BROKERS' | 'KAFKA_REFERRAL_TOPIC' | 'LOG_LEVEL'>;

export interface ProjectorOptions {
  logger?: Logger;
}

/** Counts of what the batches did; `parked` counts every parked event, `malformed` those of them not even JSON or an envelope. */
export type ProjectorStats = Omit<BatchOutcome, 'parked'> & { parked: number; malformed: number };

export interface ProjectorHandle {
  /** Finishes the batch in hand, commits it, and leaves the consumer group. */
  stop(): Promise<void>;
  /** Counts since start, for tests and status pages. */
  stats(): ProjectorStats;
}

/**
 * Feeds referral_summary from the referral topic. Each partition's batch is applied in one
 * PostgreSQL transaction with that partition's next offset; on joining the group the consumer
 * seeks to those stored offsets, so a reset or lost Kafka offset never applies an event twice.
 */
export async function startProjector(config: ProjectorConfig, pool: Pool, options: ProjectorOptions = {}): Promise<ProjectorHandle> {
  const logger = options.logger ?? createLogger('projector', config.LOG_LEVEL);
  const topic = platformTopics(config).referralEvents;
  const connections = new KafkaConnections();
  const kafka = createKafka(config, logger, 'mash-projector', connections);
  const checkpoints = new ProjectionCheckpoints(REFERRAL_SUMMARY_PROJECTION, topic);
  const stats: ProjectorStats = { applied: 0, unchanged: 0, ignored: 0, belowCheckpoint: 0, parked: 0, malformed: 0 };
  const schemas = new IntegrationEventSchemas();
  let stopping = false;

  await ensureTopic(kafka, topic);

  async function handleBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload) {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const apply = (isolated: boolean) =>
      inTransaction(pool, (client) => applyReferralSummaryBatch(client, checkpoints, batch.messages, { topic, partition: batch.partition, schemas, isolated }));
    let outcome: BatchOutcome;
    try {
      outcome = await apply(false);
    } catch (error) {
      // An event failed in SQL and took the transaction with it: again, one savepoint per event,
      // so that only that event is parked and the rest of the batch applies.
      if (!(error instanceof PoisonInBatchError)) throw error;
      logger.warn({ topic, partition: batch.partition, offset: error.offset }, 'batch failed on one event; applying it event by event');
      outcome = await apply(true);
    }
    const { parked, ...counts } = outcome;
    for (const [name, value] of Object.entries(counts)) stats[name as keyof typeof counts] += value;
    stats.parked += parked.length;
    stats.malformed += parked.filter((p) => p.code === PARK_REASONS.malformed).length;
    // Offsets and codes only: the payload stays in parked_events.
    if (parked.length > 0) logger.warn({ topic, partition: batch.partition, parked }, 'events parked (ops parked list)');
    logger.debug({ topic, partition: batch.partition, lastOffset: batch.lastOffset(), ...counts }, 'batch projected');

    // Kafka's committed offset only follows the one stored with the rows (for lag tools).
    resolveOffset(batch.messages[batch.messages.length - 1].offset);
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  async function seekToCheckpoints(consumer: Consumer, partitions: number[]): Promise<void> {
    try {
      const stored = await checkpoints.load(pool, partitions);
      for (const [partition, offset] of stored) consumer.seek({ topic, partition, offset });
      logger.info({ topic, assigned: partitions, resumedFromStore: stored.size }, 'partitions assigned');
    } catch (error) {
      // Not fatal: messages below the stored offset are recognised and skipped inside the batch
      // transaction; the seek only spares reading them again.
      logger.warn({ topic, ...errorSummary(error) }, 'could not seek to stored offsets');
    }
  }

  async function runConsumer(): Promise<Consumer> {
    // A member that vanished without leaving (crash, broker restart) holds its partitions until
    // its session times out; 10 s instead of 30 s keeps that stall short. Batches heartbeat.
    const consumer = kafka.consumer({ groupId: REFERRAL_SUMMARY_GROUP, sessionTimeout: 10_000, heartbeatInterval: 3000 });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      // `seek` works only once `run` has started; GROUP_JOIN comes after that, per assignment.
      void seekToCheckpoints(consumer, payload.memberAssignment[topic] ?? []);
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts by itself after retriable failures; after any other it stays down.
      if (payload.restart || stopping) return;
      logger.error({ topic, ...errorSummary(payload.error) }, 'consumer crashed; replacing it');
      void replaceConsumer();
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({ eachBatchAutoResolve: false, eachBatch: handleBatch });
    } catch (error) {
      await consumer.disconnect();
      throw error;
    }
    return consumer;
  }

  let consumer = await runConsumer();

  async function replaceConsumer(): Promise<void> {
    await consumer.disconnect();
    for (let backoff = 500; !stopping; backoff = Math.min(backoff * 2, 10_000)) {
      try {
        const replacement = await runConsumer();
        // stop() may have run meanwhile and disconnected only the old consumer.
        if (stopping) await replacement.disconnect();
        else consumer = replacement;
        return;
      } catch (error) {
        logger.warn({ topic, ...errorSummary(error), retryInMs: backoff }, 'consumer restart failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, backoff));
      }
    }
  }

  logger.info({ topic, group: REFERRAL_SUMMARY_GROUP }, 'projector started');
  return {
    async stop() {
      stopping = true;
      await consumer.disconnect();
      logger.info({ topic, ...stats, leftoverConnections: await connections.closeLeftovers() }, 'projector stopped');
    },
    stats: () => ({ ...stats }),
  };
}

async function ensureTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, [topic]);
  } finally {
    await admin.disconnect();
  }
}
