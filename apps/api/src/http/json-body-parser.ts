import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';

/** What Fastify's JSON parser reports, in the API's words. */
const JSON_PARSE_FAILURES: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request body is empty; send a JSON object',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request body is not valid JSON',
};

/**
 * Makes application/json the only body type (anything else is a 415) and turns JSON parse
 * failures into ApiErrors: Nest would otherwise reduce them to a bare status and message.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  // Refuse __proto__ and constructor.prototype keys rather than strip them silently.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (error, value) => {
      if (!error) return done(null, value);
      const code = (error as { code?: string }).code ?? '';
      // secure-json-parse's refusal of prototype keys has no code, only its message.
      done(new ApiError('REQUEST.MALFORMED_JSON', JSON_PARSE_FAILURES[code] ?? `request body was refused: ${error.message}`), undefined);
    });
  });
}
