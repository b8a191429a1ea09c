import { validReferralRequest } from '../../../../../test/support/referral-request';
import { canonicalJson, requestHash } from './request-hash';

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('leaves out undefined fields, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('keeps array order', () => {
    expect(canonicalJson(['neglect', 'domestic-abuse'])).not.toBe(canonicalJson(['domestic-abuse', 'neglect']));
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'k"ey': 'line\n"quoted"' })).toBe('{"k\\"ey":"line\\n\\"quoted\\""}');
  });

  it('is valid JSON that parses back to the same value', () => {
    const body = validReferralRequest();
    expect(JSON.parse(canonicalJson(body))).toEqual(body);
  });
});

describe('requestHash', () => {
  it('is a hex SHA-256', () => {
    expect(requestHash({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same request with its fields in another order', () => {
    const body = validReferralRequest();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(requestHash(reordered)).toBe(requestHash(body));
  });

  it('differs when any value differs, however deep', () => {
    const body = validReferralRequest();
    const changed = structuredClone(body);
    changed.householdMembers[1].relationship = 'uncle';
    expect(requestHash(changed)).not.toBe(requestHash(body));
  });

  it('tells a string from a number', () => {
    expect(requestHash({ a: '1' })).not.toBe(requestHash({ a: 1 }));
  });
});
