import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs. Personal data must never reach a log: callers log ids, types, counts
 * and error codes only, and these paths are censored as a second line of defence.
 */
export const REDACTED_PATHS = [
  'data',
  '*.data',
  'body',
  '*.body',
  'req.body',
  'req.headers.authorization',
  'req.headers.cookie',
  'subject',
  '*.subject',
  'narrative',
  '*.narrative',
  'householdMembers',
  '*.householdMembers',
];

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** What of an error is safe to log: its class, code and message, never the data it carried. */
export function errorSummary(error: unknown): { error: string; code?: string; message?: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { error: error.name, code: typeof code === 'string' ? code : undefined, message: error.message };
  }
  return { error: typeof error };
}
