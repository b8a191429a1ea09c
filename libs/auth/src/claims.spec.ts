import { principalFromClaims } from './claims';

const valid = { sub: 'u-0042', hubs: ['northshire'], agency: 'police', roles: ['practitioner'] };
const without = (claim: string) => Object.fromEntries(Object.entries(valid).filter(([name]) => name !== claim));

describe('principalFromClaims', () => {
  it('names the user, their hubs, agency and roles', () => {
    expect(principalFromClaims(valid)).toEqual({ userId: 'u-0042', hubs: ['northshire'], agency: 'police', roles: ['practitioner'] });
  });

  it('keeps only the roles it knows, in a stable order, and each hub once', () => {
    const principal = principalFromClaims({ ...valid, hubs: ['a-hub', 'a-hub'], roles: ['offline_access', 'hub-manager', 'referrer'] });
    expect(principal.roles).toEqual(['referrer', 'hub-manager']);
    expect(principal.hubs).toEqual(['a-hub']);
  });

  it('accepts no hubs, for national roles', () => {
    expect(principalFromClaims({ ...valid, hubs: [], roles: ['national-analyst'] }).hubs).toEqual([]);
  });

  it.each(['sub', 'hubs', 'agency', 'roles'])('refuses a token without "%s" as a missing claim', (claim) => {
    expect(() => principalFromClaims(without(claim))).toThrow(expect.objectContaining({ code: 'AUTH.INVALID_TOKEN', reason: 'missing-claim', message: expect.stringContaining(`"${claim}"`) }));
  });

  it.each<[string, unknown]>([
    ['sub', 42],
    ['sub', ''],
    ['sub', 'has spaces'],
    ['sub', 'x'.repeat(201)],
    ['hubs', 'northshire'],
    ['hubs', [1]],
    ['hubs', ['Not A Hub']],
    ['agency', ['police']],
    ['agency', 'Police Force'],
    ['roles', 'practitioner'],
    ['roles', [true]],
    ['roles', []],
    ['roles', ['admin', 'superuser']],
  ])('refuses "%s" of %j as an invalid claim, without echoing it', (claim, value) => {
    let thrown: any;
    try {
      principalFromClaims({ ...valid, [claim]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'AUTH.INVALID_TOKEN', reason: 'invalid-claim' });
    expect(thrown.message).toContain(`"${claim}"`);
    if (typeof value === 'string' && value.length > 0) expect(thrown.message).not.toContain(value);
  });
});
