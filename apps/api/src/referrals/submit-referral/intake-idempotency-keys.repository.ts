import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';

export interface IdempotencyClaim {
  hubId: string;
  key: string;
  requestHash: string;
  referralId: string;
}

export interface StoredIdempotencyKey {
  requestHash: string;
  referralId: string;
}

/** Idempotency-Keys of referral submissions, written in the transaction that stores the referral. */
@Injectable()
export class IntakeIdempotencyKeysRepository {
  /**
   * Claims the key for this request, or returns what the key was first used for. A concurrent
   * claim of the same key waits on the unique index until the first transaction ends: it then
   * finds the committed row, or claims the key itself when the first one rolled back.
   */
  async claim(client: PoolClient, claim: IdempotencyClaim): Promise<StoredIdempotencyKey | undefined> {
    const inserted = await client.query(
      `INSERT INTO intake_idempotency_keys (hub_id, key, request_hash, referral_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (hub_id, key) DO NOTHING`,
      [claim.hubId, claim.key, claim.requestHash, claim.referralId],
    );
    if (inserted.rowCount === 1) return undefined;
    const { rows } = await client.query<{ request_hash: string; referral_id: string }>(
      'SELECT request_hash, referral_id FROM intake_idempotency_keys WHERE hub_id = $1 AND key = $2',
      [claim.hubId, claim.key],
    );
    // Keys are never deleted, so a conflicting row is still there; anything else is a bug.
    if (rows.length === 0) throw new Error(`idempotency key of hub ${claim.hubId} conflicted but cannot be read`);
    return { requestHash: rows[0].request_hash, referralId: rows[0].referral_id };
  }
}
