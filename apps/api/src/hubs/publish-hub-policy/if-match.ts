import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';

const VERSION_TAG = /^"(0|[1-9][0-9]{0,8})"$/;
/** The header's schema in the OpenAPI document: the same rule. */
export const IF_MATCH_SCHEMA = { type: 'string', pattern: VERSION_TAG.source } as const;

/** The policy version in an If-Match header (`"3"`; `"0"`: no policy yet); undefined when none was sent. */
export function expectedVersionOf(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? VERSION_TAG.exec(header.trim()) : null;
  if (!match) {
    throw new ApiError('REQUEST.INVALID', 'the If-Match header is malformed', [
      { field: 'If-Match', reason: 'must be one policy version in double quotes, as the ETag of GET /v1/hubs/{hubId}/policy gives it, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

export const ExpectedVersion = createParamDecorator((_: unknown, context: ExecutionContext) =>
  expectedVersionOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
