import { ConfigError, loadConfig } from './platform-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/mash',
  KAFKA_BROKERS: '127.0.0.1:9092',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
};

describe('loadConfig', () => {
  it('reads the addresses and fills defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ ...valid, HTTP_PORT: 3000, TEMPORAL_NAMESPACE: 'default', KAFKA_REFERRAL_TOPIC: 'mash.referral-events.v1' });
  });

  it('converts a numeric port from its string form', () => {
    expect(loadConfig({ ...valid, HTTP_PORT: '8080' }).HTTP_PORT).toBe(8080);
  });

  it.each(['DATABASE_URL', 'KAFKA_BROKERS', 'TEMPORAL_ADDRESS'])('stops on a missing %s, naming it', (name) => {
    const env: Record<string, string> = { ...valid };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });

  it('treats an empty setting as missing', () => {
    expect(() => loadConfig({ ...valid, KAFKA_BROKERS: '' })).toThrow(/KAFKA_BROKERS/);
  });

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['HTTP_PORT', '70000'],
    ['HTTP_PORT', 'eighty'],
    ['LOG_LEVEL', 'loud'],
    ['KAFKA_REFERRAL_TOPIC', 'bad topic'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ ...valid, [name]: value })).toThrow(new RegExp(name));
  });
});
