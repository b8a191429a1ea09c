import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from '@app/database';
import { referralStreamId, type InformationProvided } from '@app/domain';
import { PG_POOL } from '../../platform/tokens';

export interface ReferralContributions {
  hubId: string;
  provided: InformationProvided['data'][];
}

/**
 * The referral's hub and its agencies' responses, from the referral's own stream in the event
 * store: the only place the text is kept (it never goes to Kafka or the read model). Undefined
 * when the referral was never received.
 */
@Injectable()
export class ReferralContributionsQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async of(referralId: string): Promise<ReferralContributions | undefined> {
    const { rows } = await this.pool.query<{ hub_id: string; event_type: string; data: InformationProvided['data'] }>(
      `SELECT hub_id, event_type, data FROM events
       WHERE stream_id = $1 AND (stream_version = 1 OR event_type = 'InformationProvided')
       ORDER BY stream_version`,
      [referralStreamId(referralId)],
    );
    if (rows.length === 0) return undefined;
    return { hubId: rows[0].hub_id, provided: rows.filter((row) => row.event_type === 'InformationProvided').map((row) => row.data) };
  }
}
