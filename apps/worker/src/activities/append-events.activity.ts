import { ApplicationFailure } from '@temporalio/common';
import { referralStreamId } from '@app/domain';
import { EventIdReusedError, StreamVersionConflictError } from '@app/event-store';
import type { AppendedEvents, AppendEventsInput } from '@app/workflow-contracts';
import type { ReferralEventStore } from './referral-event-store';
import { stepEventId } from './step-event-id';

/**
 * Appends the events the workflow decided, at the stream version it expects. Each id is made
 * from the workflow id and the command's sequence, so a retry (or a replayed worker) writes the
 * same ids and the store answers "already appended" instead of writing twice.
 */
export function appendEvents(eventStore: ReferralEventStore) {
  return async function appendEvents(input: AppendEventsInput): Promise<AppendedEvents> {
    const eventIds = input.events.map((_, index) => stepEventId(input.workflowId, `lifecycle/${input.sequence}`, index));
    try {
      await eventStore.append(
        referralStreamId(input.referralId),
        input.expectedVersion,
        input.events.map((event, index) => ({ eventId: eventIds[index], type: event.type, data: event.data })),
        {
          actor: input.actor?.userId ?? 'system:referral-lifecycle',
          agency: input.actor?.agency ?? null,
          hubId: input.hubId,
          correlationId: input.correlationId,
          causationId: input.causationId,
          policyVersion: input.policyVersion,
        },
      );
    } catch (error) {
      // Another writer, or an id reused for other content: a bug that no retry mends.
      if (error instanceof StreamVersionConflictError || error instanceof EventIdReusedError) {
        throw ApplicationFailure.nonRetryable(error.message, error.code);
      }
      throw error;
    }
    return { streamVersion: input.expectedVersion + input.events.length, eventIds };
  };
}
