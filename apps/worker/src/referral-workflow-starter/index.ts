import type { Pool } from 'pg';
import type { PlatformConfig } from '@app/config';
import type { Logger } from '@app/observability';
import { TemporalClientSource } from '../temporal/temporal-client-source';
import { ReferralWorkflowStarter } from './referral-workflow-starter';

export { ReferralWorkflowStarter, REFERRAL_WORKFLOW_STARTER } from './referral-workflow-starter';
export { startReferralWorkflow, type StartOutcome } from './start-referral-workflow';

type StarterConfig = Pick<
  PlatformConfig,
  'DATABASE_URL' | 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE'
>;

/** Follows the event log and starts each received referral's workflow; needs no Temporal to start. */
export function startReferralWorkflowStarter(config: StarterConfig, pool: Pool, logger: Logger): ReferralWorkflowStarter {
  const starter = new ReferralWorkflowStarter({
    pool,
    databaseUrl: config.DATABASE_URL,
    temporal: new TemporalClientSource({ address: config.TEMPORAL_ADDRESS, namespace: config.TEMPORAL_NAMESPACE }),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    logger,
  });
  starter.start();
  return starter;
}
