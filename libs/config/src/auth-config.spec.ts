import { DEV_LOCAL_SECRET, expectedIssuer, LOCAL_ISSUER } from './auth-config';
import { ConfigError, loadAuthConfig, loadConfig } from './platform-config';

const platform = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/mash',
  KAFKA_BROKERS: '127.0.0.1:9092',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
};
const jwks = { AUTH_MODE: 'jwks', AUTH_JWKS_URL: 'https://login.example.gov.uk/.well-known/jwks.json', AUTH_ISSUER: 'https://login.example.gov.uk/', AUTH_AUDIENCE: 'mash-api' };

describe('token settings', () => {
  it('work out of the box in development: local mode with the published dev key', () => {
    const config = loadConfig(platform);
    expect(config).toMatchObject({ AUTH_MODE: 'local', AUTH_LOCAL_SECRET: DEV_LOCAL_SECRET, AUTH_AUDIENCE: 'mash-api' });
    expect(expectedIssuer(config)).toBe(LOCAL_ISSUER);
  });

  it('accept a complete jwks configuration', () => {
    const config = loadConfig({ ...platform, ...jwks, NODE_ENV: 'production' });
    expect(config).toMatchObject(jwks);
    expect(expectedIssuer(config)).toBe(jwks.AUTH_ISSUER);
  });

  it.each([
    ['local mode in production', { NODE_ENV: 'production' }, /AUTH_MODE=local is refused when NODE_ENV=production/],
    ['local mode named explicitly in production', { NODE_ENV: 'production', AUTH_MODE: 'local' }, /AUTH_MODE/],
    ['an unknown mode', { AUTH_MODE: 'trust-me' }, /AUTH_MODE/],
    ['a short local key', { AUTH_LOCAL_SECRET: 'short' }, /AUTH_LOCAL_SECRET must be at least 32/],
    ['jwks without a key set URL', { ...jwks, AUTH_JWKS_URL: '' }, /AUTH_JWKS_URL/],
    ['jwks without an issuer', { ...jwks, AUTH_ISSUER: '' }, /AUTH_ISSUER is required/],
    ['a key set over plain http to another host', { ...jwks, AUTH_JWKS_URL: 'http://login.example.gov.uk/jwks' }, /AUTH_JWKS_URL must be an https/],
    ['a key set URL that is not a URL', { ...jwks, AUTH_JWKS_URL: 'jwks.json' }, /AUTH_JWKS_URL/],
  ])('refuse %s, naming the setting', (_, env, message) => {
    expect(() => loadConfig({ ...platform, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...platform, ...env })).toThrow(message);
  });

  it('allow a key set over plain http to this machine (a test key server)', () => {
    expect(loadConfig({ ...platform, ...jwks, AUTH_JWKS_URL: 'http://127.0.0.1:4010/jwks.json' }).AUTH_JWKS_URL).toBe('http://127.0.0.1:4010/jwks.json');
  });

  it('load alone, without the platform addresses, for the token tool', () => {
    expect(loadAuthConfig({}).AUTH_MODE).toBe('local');
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_MODE/);
  });
});
