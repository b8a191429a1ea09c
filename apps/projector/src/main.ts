import { KafkaJSError } from 'kafkajs';
import { loadConfig } from '@app/config';
import { createPool } from '@app/database';
import { createLogger, errorSummary, type Logger } from '@app/observability';
import { startProjector, type ProjectorConfig, type ProjectorHandle } from './projector';
import type { Pool } from '@app/database';

/**
 * Kafka may come up after this process (the platform starts everything at once): keep trying
 * instead of exiting, which would take the other apps down with it. Other errors still stop it.
 */
async function startWhenKafkaAnswers(config: ProjectorConfig, pool: Pool, logger: Logger, stopped: () => boolean) {
  for (let backoff = 1000; !stopped(); backoff = Math.min(backoff * 2, 15_000)) {
    try {
      return await startProjector(config, pool, { logger });
    } catch (error) {
      if (!(error instanceof KafkaJSError)) throw error;
      logger.warn({ ...errorSummary(error), retryInMs: backoff }, 'Kafka not reachable; projector start retrying');
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
  return undefined;
}

/** The projector process: referral topic -> read-model tables, until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.SERVICE_NAME ?? 'projector', config.LOG_LEVEL);
  const pool = createPool(config.DATABASE_URL, 4);
  let stopping = false;
  let projector: ProjectorHandle | undefined;

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stopping = true;
    await projector?.stop();
    await pool.end();
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  projector = await startWhenKafkaAnswers(config, pool, logger, () => stopping);
  // A stop signal that came while starting found nothing to stop yet.
  if (stopping) await projector?.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
