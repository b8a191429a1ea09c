import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decide, evolve, initialState, nationalDefaultLifecyclePolicy, referralStreamId, type ReferralEvent, type ReferralState, type LifecyclePolicy, type RecordDisclosure } from '@app/domain';
import { PostgresEventStore, StreamVersionConflictError } from '@app/event-store';
import { toLifecyclePolicy } from '@app/hub-policy';
import { HubPolicyStore } from '@app/hub-policy-store';
import { ApiError } from '../../http/api-error';

export interface DisclosureContext {
  referralId: string;
  hubId: string;
  fields: RecordDisclosure['data'];
  correlationId: string;
  idempotencyKey?: string;
  /** 'not-found': Temporal no longer knows it (retention) or has not started it yet: only a closed referral goes on. */
  workflow: 'ended' | 'not-found';
}

/**
 * A disclosure after the referral's workflow has ended (the challenge window is over): no
 * workflow holds the stream any more, so the API decides it against the stream as stored and
 * appends at the version it read. Another writer in between: 409 EVENT_STORE.VERSION_CONFLICT.
 */
@Injectable()
export class DisclosureAfterLifecycle {
  constructor(
    private readonly eventStore: PostgresEventStore,
    @Inject(HubPolicyStore) private readonly policies: HubPolicyStore,
  ) {}

  async record({ referralId, hubId, fields, correlationId, idempotencyKey, workflow }: DisclosureContext): Promise<ReferralEvent[]> {
    const stream = await this.eventStore.readStream(referralStreamId(referralId));
    const state = stream.reduce((s: ReferralState, e) => evolve(s, { type: e.type, data: e.data } as ReferralEvent), initialState());
    if (workflow === 'not-found' && state.status !== 'Closed') {
      throw new ApiError('REFERRAL.WORKFLOW_NOT_READY', `the workflow of referral ${referralId} is not ready for commands yet; retry in a moment`);
    }
    // A retry with the same Idempotency-Key answers the first outcome, as an update's id does.
    const eventId = eventIdOf(referralId, fields.by.userId, idempotencyKey);
    const earlier = stream.find((e) => e.eventId === eventId);
    if (earlier) return [{ type: earlier.type, data: earlier.data } as ReferralEvent];
    const policy = await this.policyInForce(hubId);
    const events = decide({ type: 'RecordDisclosure', data: fields, metadata: { now: new Date(), policy } }, state);
    const last = stream[stream.length - 1];
    try {
      await this.eventStore.append(
        referralStreamId(referralId),
        last.streamVersion,
        // RecordDisclosure gives one event.
        events.map((event) => ({ eventId, type: event.type, data: event.data })),
        { actor: fields.by.userId, agency: fields.by.agency, hubId, correlationId, causationId: last.eventId, policyVersion: policy.policyVersion },
      );
    } catch (error) {
      if (error instanceof StreamVersionConflictError) {
        throw new ApiError('EVENT_STORE.VERSION_CONFLICT', 'the referral was changed by another request; read it again and retry');
      }
      throw error;
    }
    return events;
  }

  /** The hub's current published policy, else the national default (as the worker reads it). */
  private async policyInForce(hubId: string): Promise<LifecyclePolicy> {
    const now = new Date();
    const stored = await this.policies.current(hubId);
    if (stored) return toLifecyclePolicy(hubId, stored.version, stored.document, now);
    const year = now.getUTCFullYear();
    return nationalDefaultLifecyclePolicy(hubId, `${hubId}-accountable-manager`, [year, year + 1, year + 2]);
  }
}

/** With an Idempotency-Key (scoped to the user, as updates are), the same id on a retry. */
function eventIdOf(referralId: string, userId: string, key: string | undefined): string {
  if (key === undefined) return randomUUID();
  const hex = createHash('sha256').update(`disclosure/${referralId}/${userId}/${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
