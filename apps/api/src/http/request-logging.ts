import type { FastifyInstance } from 'fastify';
import type { Logger } from '@app/observability';
import { CORRELATION_ID_HEADER } from './correlation-id';

/**
 * Echoes the correlation id on every response and logs one line per request: method, route
 * template (never the raw URL or query), status, duration and correlation id. Never a body,
 * a header value or anything else a person could be identified by.
 */
export function registerRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    logger.info(
      {
        correlationId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });
}
