import { logLevel } from 'kafkajs';
import type { Logger } from '@app/observability';
import { kafkaLogLevel, pinoLogCreator } from './kafka-log-creator';

describe('pinoLogCreator', () => {
  function capture() {
    const calls: Array<{ level: string; fields: Record<string, unknown>; message: string }> = [];
    const record = (level: string) => (fields: Record<string, unknown>, message: string) => calls.push({ level, fields, message });
    const logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') } as unknown as Logger;
    return { calls, log: pinoLogCreator(logger)(logLevel.DEBUG) };
  }

  it('keeps ids and positions and drops anything that could carry a payload', () => {
    const { calls, log } = capture();
    log({
      namespace: 'Producer',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: {
        timestamp: 'now',
        message: 'Failed to send',
        broker: '127.0.0.1:9092',
        topic: 'mash.referral-events.v1',
        partition: 3,
        retryCount: 2,
        messages: [{ key: 'k', value: 'Sam Example' }],
        payload: { value: 'Sam Example' },
        value: 'Sam Example',
      },
    });
    expect(calls).toEqual([
      {
        level: 'error',
        message: 'Failed to send',
        fields: { kafka: 'Producer', broker: '127.0.0.1:9092', topic: 'mash.referral-events.v1', partition: 3, retryCount: 2 },
      },
    ]);
  });

  it('maps kafkajs levels onto pino levels', () => {
    const { calls, log } = capture();
    for (const level of [logLevel.WARN, logLevel.INFO, logLevel.DEBUG]) {
      log({ namespace: 'x', level, label: '', log: { timestamp: '', message: 'm' } });
    }
    expect(calls.map((c) => c.level)).toEqual(['warn', 'info', 'debug']);
  });

  it('asks kafkajs only for entries pino would write', () => {
    expect(kafkaLogLevel('debug')).toBe(logLevel.DEBUG);
    expect(kafkaLogLevel('info')).toBe(logLevel.INFO);
    expect(kafkaLogLevel('warn')).toBe(logLevel.WARN);
    expect(kafkaLogLevel('error')).toBe(logLevel.ERROR);
    expect(kafkaLogLevel('silent')).toBe(logLevel.NOTHING);
  });
});
