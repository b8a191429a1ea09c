import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from '@app/database';
import { referralStreamId } from '@app/domain';
import { PG_POOL } from '../../platform/tokens';

/**
 * The hub a referral belongs to, from its stream's first event in the event store: the source
 * of truth, written before the workflow starts. Not the read model, which lags the write.
 */
@Injectable()
export class ReferralHubQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async hubOf(referralId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ hub_id: string }>('SELECT hub_id FROM events WHERE stream_id = $1 AND stream_version = 1', [
      referralStreamId(referralId),
    ]);
    return rows[0]?.hub_id;
  }
}
