import { ApplicationFailure } from '@temporalio/common';
import { decide, referralStreamId, Rejection, type ReferralEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ReferralEventStore } from './referral-event-store';
import type { ReferralStepInput } from '@app/workflow-contracts';
import { referralStateOf } from './referral-stream';
import { stepEventId } from './step-event-id';

const STEP = 'record-triage-awaited';

/**
 * Appends TriageAwaited as the decider says. Safe to retry: a repeat finds the referral
 * awaiting triage already (nothing to decide) or appends the same event id, which the store
 * reports as already appended.
 */
export function recordTriageAwaited(eventStore: ReferralEventStore) {
  return async function recordTriageAwaited(input: ReferralStepInput): Promise<void> {
    const streamId = referralStreamId(input.referralId);
    const stream = await eventStore.readStream(streamId);
    const events = decideOrFail(stream, input);
    if (events.length === 0) return;

    const [received] = stream;
    const last = stream[stream.length - 1];
    await eventStore.append(
      streamId,
      last.streamVersion,
      events.map((event, index) => ({ eventId: stepEventId(input.workflowId, STEP, index), ...event })),
      {
        actor: 'system:referral-lifecycle',
        agency: null,
        hubId: input.hubId,
        correlationId: received.metadata.correlationId,
        causationId: last.eventId,
        policyVersion: received.metadata.policyVersion ?? null,
      },
    );
  };

  function decideOrFail(stream: RecordedEvent[], input: ReferralStepInput): ReferralEvent[] {
    const command = {
      type: 'RecordTriageAwaited',
      data: { referralId: input.referralId },
      metadata: { now: new Date(input.requestedAt) },
    } as const;
    try {
      return decide(command, referralStateOf(stream));
    } catch (error) {
      // A rule said no: retrying cannot change that, so fail the activity for good.
      if (error instanceof Rejection) throw ApplicationFailure.nonRetryable(error.message, error.code);
      throw error;
    }
  }
}
