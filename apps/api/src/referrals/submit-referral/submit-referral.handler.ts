import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { inTransaction, type Pool } from '@app/database';
import { decide, initialState, referralStreamId, type SubmitReferral } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { ApiError } from '../../http/api-error';
import { HubIntakeRulesRepository } from '../../hubs/hub-intake-rules.repository';
import { PG_POOL } from '../../platform/tokens';
import { IntakeIdempotencyKeysRepository } from './intake-idempotency-keys.repository';
import { toReferralDataset } from './referral-dataset.mapper';
import { requestHash } from './request-hash';
import type { SubmitReferralRequest } from './submit-referral.request.dto';

export interface SubmissionContext {
  /** The user id of the verified token, recorded as the actor. */
  actor: string;
  /** The agency the user acts for, from the token (not the referrer named in the body). */
  agency: string;
  correlationId: string;
  idempotencyKey?: string;
}

export interface SubmissionResult {
  referralId: string;
  /** True when an earlier request with the same Idempotency-Key made the referral. */
  replayed: boolean;
}

/**
 * Records a referral: the hub's intake rules decide it, and its first event and its
 * Idempotency-Key are stored in one transaction, so a rejected or failed request leaves nothing.
 */
@Injectable()
export class SubmitReferralHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly eventStore: PostgresEventStore,
    private readonly hubs: HubIntakeRulesRepository,
    private readonly idempotencyKeys: IntakeIdempotencyKeysRepository,
  ) {}

  async execute(request: SubmitReferralRequest, context: SubmissionContext): Promise<SubmissionResult> {
    const dataset = toReferralDataset(request);
    const referralId = randomUUID();
    return inTransaction(this.pool, async (client) => {
      const intake = await this.hubs.intakeRules(request.hubId, client);
      if (context.idempotencyKey !== undefined) {
        const hash = requestHash({ hubId: request.hubId, dataset });
        const earlier = await this.idempotencyKeys.claim(client, { hubId: intake.hubId, key: context.idempotencyKey, requestHash: hash, referralId });
        if (earlier && earlier.requestHash !== hash) {
          throw new ApiError('IDEMPOTENCY.KEY_REUSED', 'this Idempotency-Key was used before with a different request', [
            { field: 'Idempotency-Key', reason: 'was used before with a different request body; use a new key' },
          ]);
        }
        if (earlier) return { referralId: earlier.referralId, replayed: true };
      }
      const command: SubmitReferral = { type: 'SubmitReferral', data: { referralId, dataset, intake }, metadata: { now: new Date() } };
      const events = decide(command, initialState());
      await this.eventStore.append(
        referralStreamId(referralId),
        'no-stream',
        events.map((event) => ({ eventId: randomUUID(), type: event.type, data: event.data })),
        {
          actor: context.actor,
          agency: context.agency,
          hubId: intake.hubId,
          correlationId: context.correlationId,
          causationId: null,
          policyVersion: intake.policyVersion,
        },
        client,
      );
      return { referralId, replayed: false };
    });
  }
}
