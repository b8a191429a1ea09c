import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
/** Printable ASCII, as the IETF Idempotency-Key draft expects of a key. */
const IDEMPOTENCY_KEY = /^[\x20-\x7E]{1,200}$/;
/** The header's schema in the OpenAPI document: the same rule, so a client can check a key before sending it. */
export const IDEMPOTENCY_KEY_SCHEMA = { type: 'string', minLength: 1, maxLength: 200, pattern: IDEMPOTENCY_KEY.source } as const;

/** The request's Idempotency-Key, undefined when none was sent; a 400 when it is malformed. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
    throw new ApiError('REQUEST.INVALID', 'the Idempotency-Key header is malformed', [
      { field: 'Idempotency-Key', reason: 'must be 1 to 200 printable ASCII characters' },
    ]);
  }
  return header;
}

export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext) =>
  idempotencyKeyOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
