import { Inject, Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { AGENCIES, type Agency, type HubIntakeRules, NATIONAL_DEFAULT_POLICY_VERSION, Rejection } from '@app/domain';
import type { Pool } from '@app/database';
import { toHubIntakeRules } from '@app/hub-policy';
import { HubPolicyStore } from '@app/hub-policy-store';
import { PG_POOL } from '../platform/tokens';

interface HubRow {
  hub_id: string;
  scope: HubIntakeRules['scope'];
  direct_referrers: string[] | null;
}

const isAgency = (value: string): value is Agency => (AGENCIES as readonly string[]).includes(value);

/**
 * The intake part of a hub's policy: from its current published version when it has one, else
 * from the `hubs` table (a hub that has not published a policy yet), stamped with the national
 * default's version 0.
 */
@Injectable()
export class HubIntakeRulesRepository {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly policies: HubPolicyStore,
  ) {}

  /** The hub's intake rules; a Rejection HUB.UNKNOWN (about field hubId) when there is no such hub. */
  async intakeRules(hubId: string, client?: PoolClient): Promise<HubIntakeRules> {
    const db = client ?? this.pool;
    const { rows } = await db.query<HubRow>('SELECT hub_id, scope, direct_referrers FROM hubs WHERE hub_id = $1', [hubId]);
    if (rows.length === 0) throw new Rejection('HUB.UNKNOWN', `there is no hub ${hubId}`, 'hubId');
    const policy = await this.policies.current(hubId, db);
    if (policy) return toHubIntakeRules(policy.hubId, policy.version, policy.document);
    const hub = rows[0];
    return {
      hubId: hub.hub_id,
      scope: hub.scope,
      // Unknown agency names in the table cannot match any referrer, so dropping them changes nothing.
      directReferrers: hub.direct_referrers === null ? 'any' : hub.direct_referrers.filter(isAgency),
      policyVersion: NATIONAL_DEFAULT_POLICY_VERSION,
    };
  }
}
