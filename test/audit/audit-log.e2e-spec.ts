import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AuditLog, hashRecord, type AccessEntry, type AuditRecord } from '@app/audit';
import { inTransaction, type Pool } from '@app/database';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const entry = (over: Partial<AccessEntry> = {}): AccessEntry => ({
  hubId: 'northshire',
  userId: 'user-1',
  role: 'practitioner',
  agency: 'police',
  access: 'read',
  action: 'referral.read',
  resourceType: 'referral',
  resourceId: randomUUID(),
  purpose: null,
  outcome: 'allowed',
  correlationId: randomUUID(),
  ...over,
});

/** An attacker with the database owner's rights: switches the append-only trigger off for one change. */
async function tamper(pool: Pool, sql: string, params: unknown[]): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('ALTER TABLE access_audit_log DISABLE TRIGGER access_audit_log_no_update');
    await client.query(sql, params);
    await client.query('ALTER TABLE access_audit_log ENABLE TRIGGER access_audit_log_no_update');
  });
}

async function recordMany(audit: AuditLog, hubId: string, count: number): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for (let i = 0; i < count; i += 1) records.push(await audit.record(entry({ hubId, userId: `user-${i}` })));
  return records;
}

describe('access audit log (real PostgreSQL)', () => {
  let db: TestDatabase;
  let audit: AuditLog;

  beforeAll(async () => {
    db = await createTestDatabase();
    audit = new AuditLog(db.pool);
  });
  afterAll(() => db.drop());

  describe('recording and querying', () => {
    const hubId = 'query-hub';
    const referral = randomUUID();
    let written: AuditRecord[];

    beforeAll(async () => {
      written = [
        await audit.record(entry({ hubId, userId: 'alice', resourceId: referral, access: 'write', action: 'referral.submit' })),
        await audit.record(entry({ hubId, userId: 'bob', resourceId: referral })),
        await audit.record(entry({ hubId, userId: 'bob', outcome: 'denied', role: 'referrer', agency: null })),
        await audit.record(entry({ hubId, userId: 'carol', role: 'auditor', action: 'audit.query', resourceType: 'audit-log', resourceId: null, purpose: 'annual-review' })),
        await audit.record(entry({ hubId: 'other-hub', userId: 'bob', resourceId: referral })),
      ];
    });

    it('stores what was recorded, numbered from 1 and linked, without subject data', async () => {
      expect(written.slice(0, 4).map((r) => r.sequence)).toEqual([1, 2, 3, 4]);
      expect(written[1].previousHash).toBe(written[0].hash);
      const { records } = await audit.query({ hubId });
      expect(records).toEqual(written.slice(0, 4));
      expect(records[0]).toMatchObject({ userId: 'alice', role: 'practitioner', agency: 'police', access: 'write', action: 'referral.submit', resourceType: 'referral', resourceId: referral, outcome: 'allowed' });
      expect(records[3]).toMatchObject({ purpose: 'annual-review', resourceId: null });
      // Read back from PostgreSQL, every record still hashes to its stored hash.
      for (const record of records) expect(hashRecord(record)).toBe(record.hash);
    });

    it('keeps each hub to its own chain and its own queries', async () => {
      expect(written[4].sequence).toBe(1);
      const { records } = await audit.query({ hubId: 'other-hub' });
      expect(records.map((r) => r.userId)).toEqual(['bob']);
    });

    it('filters by user, resource, action, access, outcome and time', async () => {
      const users = async (filter: object) => (await audit.query({ hubId, ...filter })).records.map((r) => r.userId);
      expect(await users({ userId: 'bob' })).toEqual(['bob', 'bob']);
      expect(await users({ resourceType: 'referral', resourceId: referral })).toEqual(['alice', 'bob']);
      expect(await users({ action: 'audit.query' })).toEqual(['carol']);
      expect(await users({ access: 'write' })).toEqual(['alice']);
      expect(await users({ outcome: 'denied' })).toEqual(['bob']);
      expect(await users({ from: written[3].recordedAt })).toEqual(['carol']);
      expect(await users({ to: written[0].recordedAt })).toEqual([]);
      expect(await users({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    });

    it('pages by sequence', async () => {
      const first = await audit.query({ hubId, limit: 3 });
      expect(first.records.map((r) => r.sequence)).toEqual([1, 2, 3]);
      expect(first.nextAfterSequence).toBe(3);
      const second = await audit.query({ hubId, limit: 3, afterSequence: first.nextAfterSequence! });
      expect(second.records.map((r) => r.sequence)).toEqual([4]);
      expect(second.nextAfterSequence).toBeNull();
    });

    it('refuses a query without a hub or with an oversized page', async () => {
      await expect(audit.query({ hubId: '' })).rejects.toMatchObject({ code: 'AUDIT.QUERY_INVALID' });
      await expect(audit.query({ hubId, limit: 5000 })).rejects.toMatchObject({ code: 'AUDIT.QUERY_INVALID' });
    });

    it('refuses an entry carrying free text where an id belongs, storing nothing', async () => {
      await expect(audit.record(entry({ hubId, resourceId: 'Jane Doe' }))).rejects.toMatchObject({ code: 'AUDIT.ENTRY_INVALID' });
      expect((await audit.query({ hubId })).records).toHaveLength(4);
    });
  });

  describe("joined to the caller's transaction", () => {
    it('commits with the write and disappears with its rollback, leaving no gap', async () => {
      const hubId = 'tx-hub';
      await audit.record(entry({ hubId }));
      await expect(
        inTransaction(db.pool, async (client) => {
          await audit.record(entry({ hubId, access: 'write', action: 'referral.submit' }), client);
          throw new Error('the write failed');
        }),
      ).rejects.toThrow('the write failed');
      const committed = await inTransaction(db.pool, (client) => audit.record(entry({ hubId, access: 'write', action: 'referral.submit' }), client));
      expect(committed.sequence).toBe(2);
      expect((await audit.query({ hubId })).records.map((r) => r.sequence)).toEqual([1, 2]);
      await expect(audit.verifyChain(hubId)).resolves.toMatchObject({ ok: true, checked: 2 });
    });
  });

  describe('concurrent appends', () => {
    it('keep one gapless, valid chain per hub (50 at once in one hub, 20 in another)', async () => {
      const appends = [
        ...Array.from({ length: 50 }, (_, i) => audit.record(entry({ hubId: 'busy-hub', userId: `user-${i}` }))),
        ...Array.from({ length: 20 }, (_, i) => audit.record(entry({ hubId: 'quiet-hub', userId: `user-${i}` }))),
      ];
      const records = await Promise.all(appends);
      const busy = records.filter((r) => r.hubId === 'busy-hub').map((r) => r.sequence).sort((a, b) => a - b);
      expect(busy).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      await expect(audit.verifyChain('busy-hub')).resolves.toMatchObject({ ok: true, checked: 50 });
      await expect(audit.verifyChain('quiet-hub')).resolves.toMatchObject({ ok: true, checked: 20 });
      const stored = (await audit.query({ hubId: 'busy-hub', limit: 1000 })).records;
      // Times follow the sequence, since each is taken under the chain lock.
      expect(stored.map((r) => r.recordedAt.getTime())).toEqual([...stored.map((r) => r.recordedAt.getTime())].sort((a, b) => a - b));
    });
  });

  describe('append-only', () => {
    it('refuses UPDATE, DELETE and TRUNCATE of records', async () => {
      await audit.record(entry({ hubId: 'locked-hub' }));
      await expect(db.pool.query("UPDATE access_audit_log SET user_id = 'x' WHERE hub_id = 'locked-hub'")).rejects.toThrow(/append-only/);
      await expect(db.pool.query("DELETE FROM access_audit_log WHERE hub_id = 'locked-hub'")).rejects.toThrow(/append-only/);
      await expect(db.pool.query('TRUNCATE access_audit_log')).rejects.toThrow(/append-only/);
    });

    it('refuses moving a chain head back or removing it', async () => {
      await audit.record(entry({ hubId: 'locked-hub' }));
      await expect(db.pool.query("UPDATE access_audit_chain_heads SET last_sequence = 0 WHERE hub_id = 'locked-hub'")).rejects.toThrow(/only move forward/);
      await expect(db.pool.query("DELETE FROM access_audit_chain_heads WHERE hub_id = 'locked-hub'")).rejects.toThrow(/only move forward/);
      await expect(db.pool.query('TRUNCATE access_audit_chain_heads')).rejects.toThrow(/only move forward/);
    });
  });

  describe('tampering, by someone able to switch the triggers off', () => {
    it('a changed field is named by its record', async () => {
      await recordMany(audit, 'tamper-field', 10);
      await tamper(db.pool, "UPDATE access_audit_log SET user_id = 'someone-else' WHERE hub_id = 'tamper-field' AND sequence = 6", []);
      await expect(audit.verifyChain('tamper-field')).resolves.toEqual({
        ok: false,
        checked: 5,
        broken: expect.objectContaining({ hubId: 'tamper-field', sequence: 6, kind: 'content-hash-mismatch' }),
      });
    });

    it('a changed and rehashed record is named by the link after it', async () => {
      const records = await recordMany(audit, 'tamper-rehash', 10);
      const forged = { ...records[3], outcome: 'denied' as const };
      await tamper(db.pool, "UPDATE access_audit_log SET outcome = 'denied', hash = $1 WHERE hub_id = 'tamper-rehash' AND sequence = 4", [hashRecord(forged)]);
      await expect(audit.verifyChain('tamper-rehash')).resolves.toMatchObject({
        ok: false,
        broken: { sequence: 5, kind: 'previous-hash-mismatch' },
      });
    });

    it('a deleted record is named as a gap', async () => {
      await recordMany(audit, 'tamper-delete', 10);
      await tamper(db.pool, "DELETE FROM access_audit_log WHERE hub_id = 'tamper-delete' AND sequence = 7", []);
      await expect(audit.verifyChain('tamper-delete')).resolves.toMatchObject({
        ok: false,
        checked: 6,
        broken: { sequence: 7, kind: 'sequence-gap' },
      });
    });

    it('records cut off the end are caught by the chain head', async () => {
      await recordMany(audit, 'tamper-tail', 5);
      await tamper(db.pool, "DELETE FROM access_audit_log WHERE hub_id = 'tamper-tail' AND sequence >= 4", []);
      await expect(audit.verifyChain('tamper-tail')).resolves.toMatchObject({
        ok: false,
        checked: 3,
        broken: { sequence: 4, kind: 'head-mismatch' },
      });
    });

    it('checking every hub stops at the first broken one, in hub id order', async () => {
      await expect(audit.verifyChain()).resolves.toMatchObject({ ok: false, broken: { hubId: 'tamper-delete' } });
    });
  });
});

describe('npm run audit:verify (the built command, as a process)', () => {
  const repo = path.resolve(__dirname, '../..');
  const command = path.join(repo, 'dist/tools/audit-verify.js');
  let db: TestDatabase;

  function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile('node', [command, ...args], { cwd: repo, env: { ...process.env, DATABASE_URL: db.url } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    if (!existsSync(command)) throw new Error(`${command} is missing: run "npm run build" first (tools/test.sh does)`);
    db = await createTestDatabase();
    const audit = new AuditLog(db.pool);
    await recordMany(audit, 'northshire', 5);
    await recordMany(audit, 'southdale', 3);
  });
  afterAll(() => db.drop());

  it('exits 0 on an intact log and prints each chain head', async () => {
    const result = await verify();
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('ok: 8 records in 2 hub chain(s)');
    expect(result.stdout).toMatch(/northshire head 5 [0-9a-f]{64}/);
  });

  it('exits non-zero naming the first broken link once a record is changed', async () => {
    await tamper(db.pool, "UPDATE access_audit_log SET action = 'referral.list' WHERE hub_id = 'southdale' AND sequence = 2", []);
    const all = await verify();
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('hub southdale, record 2: content-hash-mismatch');
    await expect(verify('--hub', 'northshire')).resolves.toMatchObject({ code: 0 });
    await expect(verify('--hub=southdale')).resolves.toMatchObject({ code: 1 });
  });

  it('exits 2 on a usage error', async () => {
    await expect(verify('--hub')).resolves.toMatchObject({ code: 2 });
    await expect(verify('--hub', 'Not A Hub')).resolves.toMatchObject({ code: 2 });
  });
});
