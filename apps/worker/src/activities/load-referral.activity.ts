import { ApplicationFailure } from '@temporalio/common';
import { referralStreamId, type ReferralEvent } from '@app/domain';
import type { LoadedReferral, LoadReferralInput } from '@app/workflow-contracts';
import type { LifecyclePolicyFor } from '../policy/lifecycle-policy-for';
import type { ReferralEventStore } from './referral-event-store';
import { referralStateOf } from './referral-stream';

/** The referral's stream and its hub's lifecycle policy in force, read when its workflow starts (and on a re-read). */
export function loadReferral(eventStore: ReferralEventStore, policyFor: LifecyclePolicyFor) {
  return async function loadReferral({ referralId, hubId }: LoadReferralInput): Promise<LoadedReferral> {
    const stream = await eventStore.readStream(referralStreamId(referralId));
    if (stream.length === 0) throw ApplicationFailure.nonRetryable(`referral ${referralId} has not been received`, 'REFERRAL.NOT_FOUND');
    referralStateOf(stream); // an unknown event type is a deployment error: fail here, not in the workflow
    const last = stream[stream.length - 1];
    return {
      events: stream.map((e) => ({ type: e.type, data: e.data }) as ReferralEvent),
      streamVersion: last.streamVersion,
      correlationId: stream[0].metadata.correlationId,
      lastEventId: last.eventId,
      policy: await policyFor(hubId),
    };
  };
}
