import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from '@app/database';
import { ApiError } from '../http/api-error';
import { PG_POOL } from '../platform/tokens';

/** Whether a hub named in a path exists (the `hubs` table). */
@Injectable()
export class KnownHubs {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** 404 HUB.NOT_FOUND when there is no such hub. */
  async mustExist(hubId: string, client?: PoolClient): Promise<void> {
    const { rowCount } = await (client ?? this.pool).query('SELECT 1 FROM hubs WHERE hub_id = $1', [hubId]);
    if (rowCount === 0) throw new ApiError('HUB.NOT_FOUND', `there is no hub ${hubId}`);
  }
}
