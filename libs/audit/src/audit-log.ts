import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '@app/database';
import { HUB_ID, normaliseEntry } from './access-entry';
import type { AccessEntry, AuditPage, AuditQuery, AuditRecord, ChainHead, ChainVerification } from './audit-record.types';
import { AuditQueryInvalidError } from './audit.errors';
import { hashRecord } from './canonical-record';
import { ChainWalker } from './chain-walker';

const COLUMNS = `hub_id, sequence, recorded_at, user_id, role, agency, access, action, resource_type,
  resource_id, purpose, outcome, correlation_id, previous_hash, hash`;
const VERIFY_PAGE = 1000;
const MAX_PAGE = 1000;

interface AuditRow {
  hub_id: string;
  sequence: string;
  recorded_at: Date;
  user_id: string;
  role: string;
  agency: string | null;
  access: AuditRecord['access'];
  action: string;
  resource_type: string;
  resource_id: string | null;
  purpose: string | null;
  outcome: AuditRecord['outcome'];
  correlation_id: string | null;
  previous_hash: string;
  hash: string;
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    hubId: row.hub_id,
    sequence: Number(row.sequence),
    recordedAt: row.recorded_at,
    userId: row.user_id,
    role: row.role,
    agency: row.agency,
    access: row.access,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    purpose: row.purpose,
    outcome: row.outcome,
    correlationId: row.correlation_id,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

/** The access audit log: an append-only, hash-chained record of every access, one chain per hub. */
export class AuditLog {
  constructor(private readonly pool: Pool) {}

  /**
   * Appends one record to its hub's chain. Pass `client` to join the caller's transaction, so a
   * write and its audit record commit (or roll back) together. The hub's chain stays locked
   * until that transaction ends: record last, just before COMMIT, and keep those transactions short.
   */
  async record(entry: AccessEntry, client?: PoolClient): Promise<AuditRecord> {
    const valid = normaliseEntry(entry);
    if (!client) return inTransaction(this.pool, (tx) => this.record(valid, tx));

    await client.query('INSERT INTO access_audit_chain_heads (hub_id) VALUES ($1) ON CONFLICT (hub_id) DO NOTHING', [
      valid.hubId,
    ]);
    // Waits for any other append to this hub to commit, then reads the head it left.
    const head = await client.query<{ last_sequence: string; last_hash: string }>(
      'SELECT last_sequence, last_hash FROM access_audit_chain_heads WHERE hub_id = $1 FOR UPDATE',
      [valid.hubId],
    );
    // Taken once the lock is held, so times follow the sequence; to the millisecond, as JS reads it back.
    const now = await client.query<{ now: Date }>("SELECT date_trunc('milliseconds', clock_timestamp()) AS now");
    const unhashed = {
      ...valid,
      sequence: Number(head.rows[0].last_sequence) + 1,
      recordedAt: now.rows[0].now,
      previousHash: head.rows[0].last_hash,
    };
    const record: AuditRecord = { ...unhashed, hash: hashRecord(unhashed) };
    await client.query(
      `WITH appended AS (
         INSERT INTO access_audit_log (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       )
       UPDATE access_audit_chain_heads SET last_sequence = $2, last_hash = $15, updated_at = $3 WHERE hub_id = $1`,
      [
        record.hubId,
        record.sequence,
        record.recordedAt,
        record.userId,
        record.role,
        record.agency,
        record.access,
        record.action,
        record.resourceType,
        record.resourceId,
        record.purpose,
        record.outcome,
        record.correlationId,
        record.previousHash,
        record.hash,
      ],
    );
    return record;
  }

  /** Records of one hub matching the filter, in sequence order, a page at a time. */
  async query(filter: AuditQuery): Promise<AuditPage> {
    const limit = filter.limit ?? 100;
    const problems: string[] = [];
    if (!HUB_ID.test(filter.hubId ?? '')) problems.push('hubId is required and must be a hub id');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) problems.push(`limit must be 1..${MAX_PAGE}`);
    if (filter.afterSequence !== undefined && !(Number.isInteger(filter.afterSequence) && filter.afterSequence >= 0)) {
      problems.push('afterSequence must be a whole number, 0 or more');
    }
    if (problems.length > 0) throw new AuditQueryInvalidError(problems);

    const where = ['hub_id = $1', 'sequence > $2'];
    const params: unknown[] = [filter.hubId, filter.afterSequence ?? 0];
    const add = (sql: string, value: unknown): void => {
      if (value === undefined) return;
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    add('user_id = ?', filter.userId);
    add('resource_type = ?', filter.resourceType);
    add('resource_id = ?', filter.resourceId);
    add('action = ?', filter.action);
    add('access = ?', filter.access);
    add('outcome = ?', filter.outcome);
    add('recorded_at >= ?', filter.from);
    add('recorded_at < ?', filter.to);
    params.push(limit + 1);
    const { rows } = await this.pool.query<AuditRow>(
      `SELECT ${COLUMNS} FROM access_audit_log WHERE ${where.join(' AND ')} ORDER BY sequence LIMIT $${params.length}`,
      params,
    );
    const records = rows.slice(0, limit).map(toRecord);
    return { records, nextAfterSequence: rows.length > limit ? records[records.length - 1].sequence : null };
  }

  /**
   * Recomputes every hash of one hub's chain (or of every hub's, in hub id order) and returns
   * the first broken link, or ok with the number of records checked and each chain's head.
   * Reads one snapshot, so appends running meanwhile neither break nor extend what it checks.
   */
  async verifyChain(hubId?: string): Promise<ChainVerification> {
    if (hubId !== undefined && !HUB_ID.test(hubId)) throw new AuditQueryInvalidError(['hubId must be a hub id']);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const hubs = hubId !== undefined ? [hubId] : await this.allHubs(client);
      const heads: ChainHead[] = [];
      let checked = 0;
      for (const hub of hubs) {
        const walker = new ChainWalker(hub);
        const head = await this.head(client, hub);
        const broken = (await this.walk(client, walker)) ?? walker.end(head);
        checked += walker.checked;
        if (broken) return { ok: false, checked, broken };
        if (head) heads.push(head);
      }
      return { ok: true, checked, heads };
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  private async walk(client: PoolClient, walker: ChainWalker): Promise<ReturnType<ChainWalker['next']>> {
    let after = 0;
    for (;;) {
      const { rows } = await client.query<AuditRow>(
        `SELECT ${COLUMNS} FROM access_audit_log WHERE hub_id = $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
        [walker.hubId, after, VERIFY_PAGE],
      );
      for (const row of rows) {
        const broken = walker.next(toRecord(row));
        if (broken) return broken;
      }
      if (rows.length < VERIFY_PAGE) return null;
      after = Number(rows[rows.length - 1].sequence);
    }
  }

  private async head(client: PoolClient, hubId: string): Promise<ChainHead | null> {
    const { rows } = await client.query<{ last_sequence: string; last_hash: string }>(
      'SELECT last_sequence, last_hash FROM access_audit_chain_heads WHERE hub_id = $1',
      [hubId],
    );
    return rows[0] ? { hubId, sequence: Number(rows[0].last_sequence), hash: rows[0].last_hash } : null;
  }

  /** Hubs with a head or with records: a chain whose head was removed is still checked. */
  private async allHubs(client: PoolClient): Promise<string[]> {
    const { rows } = await client.query<{ hub_id: string }>(
      'SELECT hub_id FROM access_audit_chain_heads UNION SELECT DISTINCT hub_id FROM access_audit_log ORDER BY hub_id',
    );
    return rows.map((r) => r.hub_id);
  }
}
