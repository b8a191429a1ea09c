import { bearerTokenOf } from './bearer-token';

describe('bearerTokenOf', () => {
  it('takes the token of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerTokenOf('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerTokenOf('bearer abc.def-_.g~h+i/==')).toBe('abc.def-_.g~h+i/==');
  });

  it.each([undefined, ''])('answers %j as a missing token', (header) => {
    expect(() => bearerTokenOf(header)).toThrow(expect.objectContaining({ code: 'AUTH.MISSING_TOKEN', reason: 'missing' }));
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Bearer two tokens', 'abc.def.ghi', 'Bearer "quoted"'])('refuses %j as a malformed header', (header) => {
    expect(() => bearerTokenOf(header)).toThrow(expect.objectContaining({ code: 'AUTH.INVALID_TOKEN', reason: 'malformed-header' }));
  });

  it('refuses a header sent twice', () => {
    expect(() => bearerTokenOf(['Bearer a', 'Bearer b'])).toThrow(expect.objectContaining({ reason: 'malformed-header' }));
  });
});
