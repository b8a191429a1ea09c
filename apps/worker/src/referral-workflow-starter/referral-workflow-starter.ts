import type { Pool } from 'pg';
import type { ReferralReceived } from '@app/domain';
import { EventLogFollower, type LogPosition, type RecordedEvent } from '@app/event-store';
import type { Logger } from '@app/observability';
import type { TemporalClientSource } from '../temporal/temporal-client-source';
import { startReferralWorkflow } from './start-referral-workflow';

export const REFERRAL_WORKFLOW_STARTER = 'referral-workflow-starter';

export interface ReferralWorkflowStarterOptions {
  pool: Pool;
  databaseUrl: string;
  temporal: TemporalClientSource;
  taskQueue: string;
  logger: Logger;
  /** Longest wait between attempts while Temporal (or the database) is away. */
  maxBackoffMs?: number;
}

/**
 * Starts one workflow per received referral, from the event log. Its checkpoint moves only
 * after Temporal accepted every start of a batch, so a referral taken while Temporal was down
 * gets its workflow when Temporal returns; a repeat start is refused by the workflow id.
 */
export class ReferralWorkflowStarter {
  private readonly follower: EventLogFollower;

  constructor(private readonly options: ReferralWorkflowStarterOptions) {
    this.follower = new EventLogFollower(
      options.pool,
      options.databaseUrl,
      (batch) => this.startWorkflows(batch),
      { reader: REFERRAL_WORKFLOW_STARTER, batchSize: 100, maxBackoffMs: options.maxBackoffMs ?? 5000 },
      options.logger,
    );
  }

  start(): void {
    this.follower.start();
  }

  async stop(): Promise<void> {
    await this.follower.stop();
    await this.options.temporal.close();
  }

  /** How far through the event log every received referral has its workflow. */
  position(): Promise<LogPosition> {
    return this.follower.position();
  }

  private async startWorkflows(batch: RecordedEvent[]): Promise<void> {
    const received = batch.filter((e): e is RecordedEvent<'ReferralReceived', ReferralReceived['data']> => e.type === 'ReferralReceived');
    if (received.length === 0) return;
    const { temporal, taskQueue, logger } = this.options;
    const outcomes = await Promise.allSettled(
      received.map(({ data: { referralId, hubId } }) =>
        temporal.call((client) => startReferralWorkflow(client, taskQueue, { referralId, hubId })),
      ),
    );
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    // The follower retries the whole batch; the ones that did start are then refused as duplicates.
    if (failure) throw failure.reason;
    logger.debug({ started: outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'started').length }, 'referral workflows started');
  }
}
