import type { KafkaMessage } from 'kafkajs';
import type { PoolClient } from '@app/database';
import { MalformedIntegrationEventError, parseIntegrationEvent } from '@app/messaging';
import type { ProjectionCheckpoints } from '../projection-checkpoints';
import { lockReadModelForWriting } from '../read-model-write-lock';
import { evolve, REFERRAL_SUMMARY_HANDLES } from './referral-summary.projection';
import { loadSummaryForUpdate, REFERRAL_SUMMARY_TABLE, saveSummary } from './referral-summary.table';

/** What one batch did; counted after it committed. */
export interface BatchOutcome {
  /** Events that changed a summary row. */
  applied: number;
  /** Handled types that changed nothing: redeliveries (stream version already applied). */
  unchanged: number;
  /** Types this projection does not read. */
  ignored: number;
  /** Messages below the stored offset: delivered again after a rebalance or an offset reset. */
  belowCheckpoint: number;
  /** Offsets of messages that are not integration events; skipped so they cannot block the partition. */
  malformedOffsets: string[];
}

export function emptyOutcome(): BatchOutcome {
  return { applied: 0, unchanged: 0, ignored: 0, belowCheckpoint: 0, malformedOffsets: [] };
}

/**
 * Applies one partition's batch to referral_summary and moves that partition's stored offset,
 * all inside the caller's transaction: rows and offset commit together or not at all.
 */
export async function applyReferralSummaryBatch(
  client: PoolClient,
  checkpoints: ProjectionCheckpoints,
  partition: number,
  messages: KafkaMessage[],
): Promise<BatchOutcome> {
  const outcome = emptyOutcome();
  // Before anything else: a rebuild's switch-over waits for this batch, or this batch for it.
  await lockReadModelForWriting(client, REFERRAL_SUMMARY_TABLE);
  const stored = await checkpoints.lock(client, partition);
  for (const message of messages) {
    if (BigInt(message.offset) < stored) {
      outcome.belowCheckpoint += 1;
      continue;
    }
    let event;
    try {
      event = parseIntegrationEvent(message);
    } catch (error) {
      if (!(error instanceof MalformedIntegrationEventError)) throw error;
      outcome.malformedOffsets.push(message.offset);
      continue;
    }
    if (!REFERRAL_SUMMARY_HANDLES.includes(event.type)) {
      outcome.ignored += 1;
      continue;
    }
    const row = await loadSummaryForUpdate(client, event.referralId);
    const next = evolve(row, event);
    if (next === row || next === null) {
      outcome.unchanged += 1;
      continue;
    }
    await saveSummary(client, next);
    outcome.applied += 1;
  }
  const afterLast = BigInt(messages[messages.length - 1].offset) + 1n;
  // Never backwards: a batch fetched before the seek to the stored offset lies below it.
  if (afterLast > stored) await checkpoints.save(client, partition, afterLast);
  return outcome;
}
