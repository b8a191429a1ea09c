import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { inTransaction, type Pool } from '@app/database';
import { decide, initialState, referralStreamId, type SubmitReferral } from '@app/domain';
import { PostgresEventStore } from '@app/event-store';
import { roleCode } from '@app/audit';
import { AuditTrail } from '../../audit/audit-trail';
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
  /** The roles of the token, recorded in the access audit log (`roleCode`). */
  roles: readonly string[];
  correlationId: string;
  idempotencyKey?: string;
}

export interface SubmissionResult {
  referralId: string;
  /** True when an earlier request with the same Idempotency-Key made the referral. */
  replayed: boolean;
}

/**
 * Records a referral: the hub's intake rules decide it, and its first event, its
 * Idempotency-Key and its access audit record are stored in one transaction, so a rejected or
 * failed request leaves nothing.
 */
@Injectable()
export class SubmitReferralHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly eventStore: PostgresEventStore,
    private readonly hubs: HubIntakeRulesRepository,
    private readonly idempotencyKeys: IntakeIdempotencyKeysRepository,
    private readonly audit: AuditTrail,
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
        if (earlier) {
          // Answering with the first referral is still an access to it: recorded like the submit.
          await this.audit.recordIn(client, this.auditEntry(context, intake.hubId, earlier.referralId));
          return { referralId: earlier.referralId, replayed: true };
        }
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
      // Last statement before COMMIT (the hub's audit chain stays locked until then): the event
      // and its audit record commit together, or neither does.
      await this.audit.recordIn(client, this.auditEntry(context, intake.hubId, referralId));
      return { referralId, replayed: false };
    });
  }

  private auditEntry(context: SubmissionContext, hubId: string, referralId: string) {
    return {
      hubId,
      userId: context.actor,
      role: roleCode(context.roles),
      agency: context.agency,
      access: 'write' as const,
      action: 'referral.submit',
      resourceType: 'referral',
      resourceId: referralId,
      purpose: null,
      outcome: 'allowed' as const,
      correlationId: context.correlationId,
    };
  }
}
