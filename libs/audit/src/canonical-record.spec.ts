import { canonicalForm, GENESIS_HASH, hashRecord, type HashedFields } from './canonical-record';

const record = (over: Partial<HashedFields> = {}): HashedFields => ({
  hubId: 'northshire',
  sequence: 1,
  recordedAt: new Date('2024-11-25T09:30:00.123Z'),
  userId: 'user-1',
  role: 'practitioner',
  agency: 'police',
  access: 'read',
  action: 'referral.read',
  resourceType: 'referral',
  resourceId: '3f1c2a7e-0c1d-4b7e-9a53-1d2f3e4a5b6c',
  purpose: null,
  outcome: 'allowed',
  correlationId: 'req-1',
  previousHash: GENESIS_HASH,
  ...over,
});

describe('canonical form of an audit record', () => {
  it('is compact JSON with the format first and the fields in the documented order', () => {
    expect(canonicalForm(record())).toBe(
      '{"format":"mash-access-audit/1","hubId":"northshire","sequence":1,"recordedAt":"2024-11-25T09:30:00.123Z",' +
        '"userId":"user-1","role":"practitioner","agency":"police","access":"read","action":"referral.read",' +
        '"resourceType":"referral","resourceId":"3f1c2a7e-0c1d-4b7e-9a53-1d2f3e4a5b6c","purpose":null,' +
        `"outcome":"allowed","correlationId":"req-1","previousHash":"${GENESIS_HASH}"}`,
    );
  });

  it('does not depend on the order the caller built its object in', () => {
    const reversed = Object.fromEntries(Object.entries(record()).reverse()) as HashedFields;
    expect(canonicalForm(reversed)).toBe(canonicalForm(record()));
  });

  it('leaves out properties that are not hashed fields', () => {
    const extra = { ...record(), hash: 'f'.repeat(64), subjectName: 'never hashed' } as HashedFields;
    expect(canonicalForm(extra)).toBe(canonicalForm(record()));
  });

  it('writes an absent value as null, the same as an explicit null', () => {
    const withUndefined = { ...record(), agency: undefined, resourceId: undefined } as unknown as HashedFields;
    const withNull = record({ agency: null, resourceId: null });
    expect(canonicalForm(withUndefined)).toBe(canonicalForm(withNull));
    expect(canonicalForm(withNull)).toContain('"agency":null');
  });

  it('writes the time in UTC to the millisecond, whatever the offset it was given in', () => {
    const sameInstant = record({ recordedAt: new Date('2024-11-25T10:30:00.123+01:00') });
    expect(canonicalForm(sameInstant)).toContain('"recordedAt":"2024-11-25T09:30:00.123Z"');
    expect(hashRecord(sameInstant)).toBe(hashRecord(record()));
  });

  it('keeps unicode as UTF-8 text rather than escapes', () => {
    expect(canonicalForm(record({ userId: 'zoë@northshire.gov.uk' }))).toContain('"userId":"zoë@northshire.gov.uk"');
  });
});

describe('record hash', () => {
  // Computed independently (Python: json.dumps(..., separators=(",", ":"), ensure_ascii=False),
  // then hashlib.sha256): pins the format so any change to it fails here first.
  it('matches vectors computed by an independent implementation', () => {
    expect(hashRecord(record())).toBe('a517e6fe7f51c5c06e3128514a9eb3854116f1b23cfd97bbd7ae8d31d846ca4a');
    expect(
      hashRecord(record({ sequence: 2, userId: 'zoë@northshire.gov.uk', agency: 'gwasanaethau-cymdeithasol' })),
    ).toBe('9f93b89a8cda99b7ece674a8fb886b374292ea07ce6448fd8bab4cc7684d72ac');
  });

  it('is 64 lowercase hex characters', () => {
    expect(hashRecord(record())).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<HashedFields>]>([
    ['hub', { hubId: 'southdale' }],
    ['sequence', { sequence: 2 }],
    ['time, by one millisecond', { recordedAt: new Date('2024-11-25T09:30:00.124Z') }],
    ['user', { userId: 'user-2' }],
    ['role', { role: 'hub-manager' }],
    ['agency, to null', { agency: null }],
    ['access', { access: 'write' }],
    ['action', { action: 'referral.submit' }],
    ['resource type', { resourceType: 'information-request' }],
    ['resource id', { resourceId: '3f1c2a7e-0c1d-4b7e-9a53-1d2f3e4a5b6d' }],
    ['purpose, from null', { purpose: 'triage' }],
    ['outcome', { outcome: 'denied' }],
    ['correlation id', { correlationId: 'req-2' }],
    ['previous hash', { previousHash: 'a'.repeat(64) }],
  ])('changes when the %s changes', (_, change) => {
    expect(hashRecord(record(change))).not.toBe(hashRecord(record()));
  });

  it('tells a string "null" from a null value', () => {
    expect(hashRecord(record({ purpose: 'null' }))).not.toBe(hashRecord(record({ purpose: null })));
  });

  it('tells composed from decomposed unicode apart (entries are normalised to NFC before hashing)', () => {
    const composed = 'zo\u00eb';
    const decomposed = 'zoe\u0308';
    expect(hashRecord(record({ userId: composed }))).not.toBe(hashRecord(record({ userId: decomposed })));
  });
});
