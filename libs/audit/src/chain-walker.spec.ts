import type { AuditRecord, ChainBreak } from './audit-record.types';
import { GENESIS_HASH, hashRecord } from './canonical-record';
import { ChainWalker, describeBreak } from './chain-walker';

function chain(length: number): AuditRecord[] {
  const records: AuditRecord[] = [];
  let previousHash = GENESIS_HASH;
  for (let sequence = 1; sequence <= length; sequence += 1) {
    const unhashed = {
      hubId: 'northshire',
      sequence,
      recordedAt: new Date(Date.UTC(2024, 10, 25, 9, 0, sequence)),
      userId: `user-${sequence % 3}`,
      role: 'practitioner',
      agency: 'police',
      access: 'read' as const,
      action: 'referral.read',
      resourceType: 'referral',
      resourceId: `r-${sequence}`,
      purpose: null,
      outcome: 'allowed' as const,
      correlationId: null,
      previousHash,
    };
    const record = { ...unhashed, hash: hashRecord(unhashed) };
    records.push(record);
    previousHash = record.hash;
  }
  return records;
}

function walk(records: AuditRecord[], head: AuditRecord | null = records.at(-1) ?? null): { broken: ChainBreak | null; checked: number } {
  const walker = new ChainWalker('northshire');
  for (const record of records) {
    const broken = walker.next(record);
    if (broken) return { broken, checked: walker.checked };
  }
  const stated = head ? { hubId: 'northshire', sequence: head.sequence, hash: head.hash } : null;
  return { broken: walker.end(stated), checked: walker.checked };
}

describe('walking a hub chain', () => {
  it('accepts an intact chain and counts it', () => {
    expect(walk(chain(5))).toEqual({ broken: null, checked: 5 });
  });

  it('accepts an empty chain with no head', () => {
    expect(walk([], null)).toEqual({ broken: null, checked: 0 });
  });

  it('names a record whose field was changed', () => {
    const records = chain(5);
    records[2] = { ...records[2], userId: 'someone-else' };
    expect(walk(records).broken).toMatchObject({ sequence: 3, kind: 'content-hash-mismatch', found: records[2].hash });
  });

  it('names the next record when a changed record was also rehashed', () => {
    const records = chain(5);
    const changed = { ...records[2], outcome: 'denied' as const };
    records[2] = { ...changed, hash: hashRecord(changed) };
    expect(walk(records).broken).toMatchObject({ sequence: 4, kind: 'previous-hash-mismatch', expected: records[2].hash });
  });

  it('names a deleted record as a gap, also the first one', () => {
    const records = chain(5);
    expect(walk([...records.slice(0, 1), ...records.slice(2)]).broken).toMatchObject({ sequence: 2, kind: 'sequence-gap' });
    expect(walk(records.slice(1)).broken).toMatchObject({ sequence: 1, kind: 'sequence-gap' });
  });

  it('names records cut off the end, by the head', () => {
    const records = chain(5);
    expect(walk(records.slice(0, 3), records[4]).broken).toMatchObject({ sequence: 4, kind: 'head-mismatch' });
  });

  it('names a chain whose head is missing or differs', () => {
    const records = chain(3);
    expect(walk(records, null).broken).toMatchObject({ sequence: 3, kind: 'head-mismatch' });
    expect(walk(records, { ...records[2], hash: 'b'.repeat(64) }).broken).toMatchObject({ sequence: 3, kind: 'head-mismatch' });
  });

  it('describes a break in one line naming hub, record and kind', () => {
    const records = chain(3);
    records[1] = { ...records[1], action: 'referral.submit' };
    const text = describeBreak(walk(records).broken!);
    expect(text).toMatch(/^hub northshire, record 2: content-hash-mismatch: /);
    expect(text).not.toContain('\n');
  });
});
