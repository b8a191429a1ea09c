import { loadConfig } from '@app/config';
import { createPool } from '@app/database';
import { createLogger } from '@app/observability';
import { startProjector } from './projector';

/** The projector process: referral topic -> read-model tables, until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.SERVICE_NAME ?? 'projector', config.LOG_LEVEL);
  const pool = createPool(config.DATABASE_URL, 4);
  const projector = await startProjector(config, pool, { logger });

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await projector.stop();
    await pool.end();
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
