import { makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { loadConfig } from '@app/config';
import { createPool } from '@app/database';
import { createLogger, errorSummary } from '@app/observability';
import { startReferralWorkflowStarter } from './referral-workflow-starter';
import { temporalLogger } from './temporal/temporal-logger';
import { startWorker } from './worker';

/** The worker process: runs the referral workflows and starts one for each referral received. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.SERVICE_NAME ?? 'worker', config.LOG_LEVEL);
  // Core (Rust) logs too go through the redacting JSON logger, not straight to stderr.
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
  });
  const pool = createPool(config.DATABASE_URL);

  // The starter first: it needs no Temporal to run and catches up once Temporal answers.
  const starter = startReferralWorkflowStarter(config, pool, logger);
  const worker = await startWorker(config, pool, { logger });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping');
    await Promise.all([starter.stop(), worker.stop()]);
    await pool.end();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal));

  try {
    await worker.done;
  } finally {
    await stop('worker-ended');
  }
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ msg: 'worker failed', ...errorSummary(error) }));
  process.exit(1);
});
