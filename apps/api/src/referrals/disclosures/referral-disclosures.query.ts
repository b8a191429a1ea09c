import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from '@app/database';
import { referralStreamId, type DisclosureRecorded, type ReferrerNotified } from '@app/domain';
import { PG_POOL } from '../../platform/tokens';

export interface ReferralDisclosures {
  hubId: string;
  disclosures: { eventId: string; event: DisclosureRecorded | ReferrerNotified }[];
}

/**
 * The referral's hub and what the hub passed on (or decided not to), from its own stream: the
 * disclosures recorded and the outcome notices to the referrer (themselves disclosures).
 * Undefined when the referral was never received.
 */
@Injectable()
export class ReferralDisclosuresQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async of(referralId: string): Promise<ReferralDisclosures | undefined> {
    const { rows } = await this.pool.query<{ hub_id: string; event_id: string; event_type: string; data: unknown }>(
      `SELECT hub_id, event_id, event_type, data FROM events
       WHERE stream_id = $1 AND (stream_version = 1 OR event_type IN ('DisclosureRecorded', 'ReferrerNotified'))
       ORDER BY stream_version`,
      [referralStreamId(referralId)],
    );
    if (rows.length === 0) return undefined;
    const disclosures = rows
      .filter((row) => row.event_type === 'DisclosureRecorded' || row.event_type === 'ReferrerNotified')
      .map((row) => ({ eventId: row.event_id, event: { type: row.event_type, data: row.data } as DisclosureRecorded | ReferrerNotified }));
    return { hubId: rows[0].hub_id, disclosures };
  }
}
