import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@app/auth';
import { inTransaction, type Pool } from '@app/database';
import { resolvePolicy, validateHubPolicy } from '@app/hub-policy';
import { HubPolicyStore, HubPolicyVersionConflictError, type StoredHubPolicy } from '@app/hub-policy-store';
import { AuditTrail } from '../../audit/audit-trail';
import { ACCESS_RULES, mayPublishOver } from '../../http/access-rules';
import { ApiError } from '../../http/api-error';
import { PG_POOL } from '../../platform/tokens';
import { KnownHubs } from '../known-hubs';
import type { PublishHubPolicyRequest } from './publish-hub-policy.request.dto';

export interface PublishContext {
  principal: Principal;
  correlationId: string;
  /** From If-Match; absent: the version current when the request is read. */
  expectedVersion?: number;
}

/**
 * Publishes the next version of a hub's policy: the template with the hub's overrides, validated,
 * stored with its HubPolicyPublished event and its access audit record in one transaction.
 * Checks in this order: the hub exists (404), the caller may publish over the current version
 * (403), the document is valid (422), nobody published since the version expected (409).
 */
@Injectable()
export class PublishHubPolicyHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: HubPolicyStore,
    private readonly hubs: KnownHubs,
    private readonly audit: AuditTrail,
  ) {}

  async execute(hubId: string, request: PublishHubPolicyRequest, context: PublishContext): Promise<StoredHubPolicy> {
    const { principal } = context;
    return inTransaction(this.pool, async (client) => {
      await this.hubs.mustExist(hubId, client);
      const current = await this.store.current(hubId, client);
      if (current && !mayPublishOver(principal, current.document)) {
        throw new ApiError('HUB_POLICY.NOT_ACCOUNTABLE', `only the accountable manager of hub ${hubId} or a delegate may publish its policy`);
      }
      const validation = validateHubPolicy(resolvePolicy(request.overrides));
      if (!validation.valid) {
        const count = validation.problems.length;
        throw new ApiError(
          'HUB_POLICY.INVALID',
          `the policy has ${count} problem${count === 1 ? '' : 's'}; each field is a JSON pointer into the resolved document`,
          validation.problems.map(({ path, reason }) => ({ field: path, reason })),
        );
      }
      const expectedVersion = context.expectedVersion ?? current?.version ?? 0;
      let stored: StoredHubPolicy;
      try {
        stored = await this.store.publish(
          {
            hubId,
            expectedVersion,
            document: validation.policy,
            overrides: request.overrides,
            publishedBy: { userId: principal.userId, agency: principal.agency },
            reason: request.reason,
            correlationId: context.correlationId,
            now: new Date(),
          },
          client,
        );
      } catch (error) {
        if (!(error instanceof HubPolicyVersionConflictError)) throw error;
        throw new ApiError(
          'HUB_POLICY.VERSION_CONFLICT',
          `version ${error.currentVersion} of the policy of hub ${hubId} is current, not ${expectedVersion}: read it again and retry`,
        );
      }
      // Last statement before COMMIT: the version, its event and its audit record commit together.
      const rule = ACCESS_RULES['PUT /v1/hubs/:hubId/policy'].audit;
      await this.audit.recordIn(client, this.audit.entry(principal, rule, { hubId, resourceId: hubId }, 'allowed', context.correlationId));
      return stored;
    });
  }
}
