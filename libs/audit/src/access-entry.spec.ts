import type { AccessEntry } from './audit-record.types';
import { AuditEntryInvalidError } from './audit.errors';
import { normaliseEntry, roleCode } from './access-entry';

const entry = (over: Partial<Record<keyof AccessEntry, unknown>> = {}): AccessEntry =>
  ({
    hubId: 'northshire',
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
    ...over,
  }) as AccessEntry;

function problemsOf(value: AccessEntry): string[] {
  try {
    normaliseEntry(value);
  } catch (error) {
    if (error instanceof AuditEntryInvalidError) return error.problems;
    throw error;
  }
  return [];
}

describe('an access entry before it is recorded', () => {
  it('is accepted with ids and codes', () => {
    expect(normaliseEntry(entry())).toEqual(entry());
  });

  it('keeps only the known fields, so nothing else can reach the log', () => {
    const withExtra = { ...entry(), subjectName: 'Jane Doe', narrative: 'text' } as AccessEntry;
    expect(Object.keys(normaliseEntry(withExtra)).sort()).toEqual(Object.keys(entry()).sort());
  });

  it('stores absent optional fields as null', () => {
    expect(normaliseEntry(entry({ agency: undefined, purpose: undefined }))).toMatchObject({ agency: null, purpose: null });
  });

  it('normalises unicode to NFC, so what is stored is what is hashed', () => {
    expect(normaliseEntry(entry({ userId: 'zoe\u0308' })).userId).toBe('zo\u00eb');
  });

  it.each([
    ['a name in an id field', { resourceId: 'Jane Doe' }, 'resourceId'],
    ['free text as a purpose', { purpose: 'checking on the family' }, 'purpose'],
    ['a control character', { userId: 'user\u0000' }, 'userId'],
    ['a lone surrogate', { correlationId: 'x\ud800' }, 'correlationId'],
    ['an empty user', { userId: '' }, 'userId'],
    ['a missing role', { role: undefined }, 'role'],
    ['an action without a verb', { action: 'referral' }, 'action'],
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome'],
    ['an unknown access kind', { access: 'delete' }, 'access'],
    ['a malformed hub', { hubId: 'North Shire' }, 'hubId'],
  ])('refuses %s, naming the field but not echoing the value', (_, change, field) => {
    const problems = problemsOf(entry(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${field} `));
    expect(problems.join()).not.toContain('Jane');
  });

  it('has a stable error code', () => {
    expect(() => normaliseEntry(entry({ userId: '' }))).toThrow(expect.objectContaining({ code: 'AUDIT.ENTRY_INVALID' }));
  });

  it('writes several roles as one sorted code', () => {
    expect(roleCode(['practitioner', 'hub-manager', 'practitioner'])).toBe('hub-manager+practitioner');
    expect(normaliseEntry(entry({ role: 'hub-manager+practitioner' })).role).toBe('hub-manager+practitioner');
  });
});
