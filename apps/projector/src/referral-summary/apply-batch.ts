import type { KafkaMessage } from 'kafkajs';
import type { PoolClient } from '@app/database';
import { PARK_REASONS, ParkedEvents, uuidOrNull, type IntegrationEventSchemas, type ParkReason } from '@app/messaging';
import type { ProjectionCheckpoints } from '../projection-checkpoints';
import { lockReadModelForWriting } from '../read-model-write-lock';
import { applyReferralSummaryEvent, identify, readReferralSummaryMessage } from './apply-event';
import { REFERRAL_SUMMARY_TABLE } from './referral-summary.table';

/** The name this projection parks events under (parked_events.consumer), as in projection_checkpoints. */
export const REFERRAL_SUMMARY_CONSUMER = 'referral-summary';

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
  /** Messages parked (parked_events), with why: codes only, for the log. */
  parked: { offset: string; code: ParkReason }[];
}

export function emptyOutcome(): BatchOutcome {
  return { applied: 0, unchanged: 0, ignored: 0, belowCheckpoint: 0, parked: [] };
}

export interface BatchContext {
  topic: string;
  partition: number;
  schemas: IntegrationEventSchemas;
  /** Each event in a savepoint of its own: after a batch failed in SQL, so only the poison event is parked. */
  isolated: boolean;
}

/**
 * Applies one partition's batch to referral_summary and moves that partition's stored offset,
 * all inside the caller's transaction: rows, parked events and offset commit together or not at
 * all. An event that cannot be applied is parked and the batch goes on; so are the later events
 * of its referral (held, until `ops parked retry|skip` resolves the first), so a row never
 * reflects an event whose predecessor it lacks.
 */
export async function applyReferralSummaryBatch(
  client: PoolClient,
  checkpoints: ProjectionCheckpoints,
  messages: KafkaMessage[],
  context: BatchContext,
): Promise<BatchOutcome> {
  const { topic, partition, schemas, isolated } = context;
  const outcome = emptyOutcome();
  // Before anything else: a rebuild's switch-over waits for this batch, or this batch for it.
  await lockReadModelForWriting(client, REFERRAL_SUMMARY_TABLE);
  const stored = await checkpoints.lock(client, partition);
  await ParkedEvents.lockForParking(client, REFERRAL_SUMMARY_CONSUMER);
  const held = await ParkedEvents.heldReferrals(client, REFERRAL_SUMMARY_CONSUMER);

  for (const message of messages) {
    if (BigInt(message.offset) < stored) {
      outcome.belowCheckpoint += 1;
      continue;
    }
    const read = readReferralSummaryMessage(message, schemas);
    const identity = identify(message, read.event);
    const referralId = uuidOrNull(identity.referralId);
    const park = async (code: ParkReason, reason: string) => {
      await ParkedEvents.park(client, {
        consumer: REFERRAL_SUMMARY_CONSUMER,
        topic,
        partition,
        offset: message.offset,
        ...identity,
        errorCode: code,
        errorMessage: reason,
        payload: message.value,
      });
      if (referralId) held.add(referralId);
      outcome.parked.push({ offset: message.offset, code });
    };

    if (read.kind === 'ignored') {
      outcome.ignored += 1;
    } else if (referralId && held.has(referralId)) {
      await park(PARK_REASONS.heldBehindParked, 'a preceding event of the referral is parked');
    } else if (read.kind === 'park') {
      await park(read.code, read.reason);
    } else {
      const result = await applyReferralSummaryEvent(client, read.event, message.offset, isolated);
      if (typeof result === 'string') outcome[result] += 1;
      else await park(result.code, result.reason);
    }
  }
  const afterLast = BigInt(messages[messages.length - 1].offset) + 1n;
  // Never backwards: a batch fetched before the seek to the stored offset lies below it.
  if (afterLast > stored) await checkpoints.save(client, partition, afterLast);
  return outcome;
}
