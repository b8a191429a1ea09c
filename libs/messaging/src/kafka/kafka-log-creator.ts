import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '@app/observability';

/**
 * Fields of a kafkajs log entry that are safe to keep. kafkajs may attach request details to
 * its entries; only these names, and only when they hold plain values, reach our logs, so a
 * message key or payload never does.
 */
const SAFE_FIELDS = new Set([
  'broker',
  'clientId',
  'groupId',
  'memberId',
  'generationId',
  'leaderId',
  'isLeader',
  'nodeId',
  'topic',
  'partition',
  'offset',
  'retryCount',
  'retryTime',
  'error',
  'correlationId',
  'type',
]);

function safeFields(entry: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entry)) {
    if (SAFE_FIELDS.has(name) && ['string', 'number', 'boolean'].includes(typeof value)) kept[name] = value;
  }
  return kept;
}

/** The kafkajs level that matches a pino level, so kafkajs does not build entries pino would drop. */
export function kafkaLogLevel(pinoLevel: string): logLevel {
  switch (pinoLevel) {
    case 'trace':
    case 'debug':
      return logLevel.DEBUG;
    case 'info':
      return logLevel.INFO;
    case 'warn':
      return logLevel.WARN;
    case 'silent':
      return logLevel.NOTHING;
    default:
      return logLevel.ERROR;
  }
}

/** Sends kafkajs's own logs to pino, under `kafka: <namespace>`, without payloads. */
export function pinoLogCreator(logger: Logger): logCreator {
  return () =>
    ({ namespace, level, log }) => {
      const { message, ...rest } = log;
      const fields = { kafka: namespace, ...safeFields(rest) };
      switch (level) {
        case logLevel.ERROR:
          return logger.error(fields, message);
        case logLevel.WARN:
          return logger.warn(fields, message);
        case logLevel.INFO:
          return logger.info(fields, message);
        default:
          return logger.debug(fields, message);
      }
    };
}
