import { IntegrationEventSchemas, type ParkedEventConsumer } from '@app/messaging';
import { lockReadModelForWriting } from '../read-model-write-lock';
import { applyReferralSummaryEvent, readReferralSummaryMessage } from './apply-event';
import { REFERRAL_SUMMARY_TABLE } from './referral-summary.table';

/**
 * The projection's parked events applied again (ops parked retry) by the batch's own steps: read
 * and schema-checked, then applied in a savepoint. The stored offsets do not move: the consumer
 * passed these messages when it parked them.
 */
export function referralSummaryParkedConsumer(schemas = new IntegrationEventSchemas()): ParkedEventConsumer {
  return {
    begin: (client) => lockReadModelForWriting(client, REFERRAL_SUMMARY_TABLE),
    async reapply(client, parked) {
      const message = { key: parked.referralId ? Buffer.from(parked.referralId) : null, value: parked.payload, headers: {}, offset: parked.offset ?? '0' };
      const read = readReferralSummaryMessage(message, schemas);
      if (read.kind === 'park') return { code: read.code, reason: read.reason };
      if (read.kind === 'ignored') return null;
      const result = await applyReferralSummaryEvent(client, read.event, message.offset, true);
      return typeof result === 'string' ? null : { code: result.code, reason: result.reason };
    },
  };
}
