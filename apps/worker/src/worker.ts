import { NativeConnection, TransportError, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Pool } from 'pg';
import type { PlatformConfig } from '@app/config';
import { PostgresEventStore } from '@app/event-store';
import { HubPolicyStore } from '@app/hub-policy-store';
import { errorSummary, type Logger } from '@app/observability';
import { createActivities } from './activities';
import { loggingNotifications } from './notifications/notification-port';
import { lifecyclePolicyFor } from './policy/lifecycle-policy-for';
import { bundleReferralWorkflows } from './workflow-bundle';

export interface WorkerHandle {
  /** Settles when the worker has stopped; rejects when it failed on its own. */
  readonly done: Promise<void>;
  /** Stops polling, lets running activities finish (within a grace time), closes the connection. */
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  logger: Logger;
  /** A bundle made earlier (tests share one); by default the workflow code is bundled now. */
  workflowBundle?: WorkflowBundleWithSourceMap;
}

type WorkerConfig = Pick<PlatformConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TASK_QUEUE'>;

/**
 * Runs the referral workflows and their activities on the task queue. Polling survives a
 * Temporal restart: the SDK's core retries polls until the server answers again.
 */
export async function startWorker(config: WorkerConfig, pool: Pool, options: StartWorkerOptions): Promise<WorkerHandle> {
  const { logger } = options;
  const workflowBundle = options.workflowBundle ?? (await bundleReferralWorkflows(logger));
  const connection = await connectWhenReachable(config.TEMPORAL_ADDRESS, logger);
  let worker: Worker;
  try {
    worker = await Worker.create({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowBundle,
      activities: createActivities({
        eventStore: new PostgresEventStore(pool),
        notifications: loggingNotifications(logger),
        policyFor: lifecyclePolicyFor(new HubPolicyStore(pool)),
      }),
      shutdownGraceTime: '10 seconds',
    });
  } catch (error) {
    await connection.close();
    throw error;
  }

  const done = worker.run().finally(() => connection.close());
  done.catch((error: unknown) => logger.error({ ...errorSummary(error) }, 'temporal worker failed'));
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'temporal worker polling');

  return {
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}

/**
 * The SDK does not retry the first connection (it retries polls once connected), so a worker
 * booted while Temporal is down waits for it here instead of exiting.
 */
async function connectWhenReachable(address: string, logger: Logger): Promise<NativeConnection> {
  for (let backoff = 200; ; backoff = Math.min(backoff * 2, 5000)) {
    try {
      return await NativeConnection.connect({ address });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      logger.warn({ address, ...errorSummary(error), retryInMs: backoff }, 'temporal unreachable, worker waiting');
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}
