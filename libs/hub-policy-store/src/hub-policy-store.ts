import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@app/database';
import { PostgresEventStore, StreamVersionConflictError } from '@app/event-store';
import type { HubPolicyDocument } from '@app/hub-policy';
import { HubPolicyVersionConflictError } from './hub-policy-store.errors';
import { HUB_POLICY_PUBLISHED, hubPolicyStreamId, type HubPolicyPublished, type PolicyPublisher } from './hub-policy-published.event';
import type { HubPolicyVersionSummary, PublishHubPolicy, StoredHubPolicy } from './stored-hub-policy.types';

interface PolicyRow {
  hub_id: string;
  version: number;
  document: HubPolicyDocument;
  published_by: PolicyPublisher;
  published_at: Date;
}

const toStored = (row: PolicyRow): StoredHubPolicy => ({
  hubId: row.hub_id,
  version: row.version,
  document: row.document,
  publishedBy: row.published_by,
  publishedAt: row.published_at,
});

type Queryable = Pick<Pool | PoolClient, 'query'>;

/**
 * A hub's policy versions. Publishing appends a HubPolicyPublished event to the hub's policy
 * stream and writes the version's row in one transaction: the event store decides the race
 * (its expected version is the version the publisher saw), the table serves the reads.
 */
export class HubPolicyStore {
  private readonly events: PostgresEventStore;

  constructor(private readonly pool: Pool) {
    this.events = new PostgresEventStore(pool);
  }

  /** The version in force, or undefined when the hub has published none. */
  async current(hubId: string, db: Queryable = this.pool): Promise<StoredHubPolicy | undefined> {
    const { rows } = await db.query<PolicyRow>(
      `SELECT hub_id, version, document, published_by, published_at FROM hub_policies
       WHERE hub_id = $1 ORDER BY version DESC LIMIT 1`,
      [hubId],
    );
    return rows[0] && toStored(rows[0]);
  }

  async version(hubId: string, version: number): Promise<StoredHubPolicy | undefined> {
    const { rows } = await this.pool.query<PolicyRow>(
      'SELECT hub_id, version, document, published_by, published_at FROM hub_policies WHERE hub_id = $1 AND version = $2',
      [hubId, version],
    );
    return rows[0] && toStored(rows[0]);
  }

  /** The hub's version history, oldest first. */
  async versions(hubId: string): Promise<HubPolicyVersionSummary[]> {
    const { rows } = await this.pool.query<{ version: number; published_at: Date; published_by: PolicyPublisher; reason: string }>(
      'SELECT version, published_at, published_by, reason FROM hub_policies WHERE hub_id = $1 ORDER BY version',
      [hubId],
    );
    return rows.map((row) => ({ version: row.version, publishedAt: row.published_at, publishedBy: row.published_by, reason: row.reason }));
  }

  /**
   * Publishes the next version. Pass `client` to make it part of a wider transaction (the
   * caller then owns BEGIN/COMMIT). Throws HubPolicyVersionConflictError when the current
   * version is not `expectedVersion`.
   */
  async publish(command: PublishHubPolicy, client?: PoolClient): Promise<StoredHubPolicy> {
    if (!client) return inTransaction(this.pool, (tx) => this.publish(command, tx));
    const { hubId, expectedVersion, document, overrides, publishedBy, reason } = command;
    const version = expectedVersion + 1;
    const eventId = randomUUID();
    const event: HubPolicyPublished = {
      type: HUB_POLICY_PUBLISHED,
      data: { hubId, version, document, overrides, publishedBy, reason },
    };
    try {
      await this.events.append(
        hubPolicyStreamId(hubId),
        expectedVersion === 0 ? 'no-stream' : expectedVersion,
        [{ eventId, ...event }],
        { actor: publishedBy.userId, agency: publishedBy.agency, hubId, correlationId: command.correlationId, causationId: null, policyVersion: version },
        client,
      );
    } catch (error) {
      if (error instanceof StreamVersionConflictError) throw new HubPolicyVersionConflictError(hubId, expectedVersion, error.actual);
      throw error;
    }
    const { rows } = await client.query<PolicyRow>(
      `INSERT INTO hub_policies (hub_id, version, document, overrides, published_by, published_at, reason, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING hub_id, version, document, published_by, published_at`,
      [hubId, version, JSON.stringify(document), JSON.stringify(overrides), JSON.stringify(publishedBy), command.now, reason, eventId],
    );
    return toStored(rows[0]);
  }
}
