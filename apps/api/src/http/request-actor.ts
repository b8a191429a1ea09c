import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error';

/** Who is acting when nobody says: the referrer's name is personal data and never an actor id. */
export const ANONYMOUS_REFERRER = 'anonymous-referrer';
export const ACTOR_HEADER = 'x-actor-id';
const ACTOR_ID = /^[A-Za-z0-9._@:-]{1,100}$/;

/**
 * The one place that says who made a request. Until authentication lands it trusts an
 * `X-Actor-Id` header; the JWT's subject will replace it here and nowhere else.
 */
export function actorOf(request: FastifyRequest): string {
  const header = request.headers[ACTOR_HEADER];
  if (header === undefined) return ANONYMOUS_REFERRER;
  if (typeof header !== 'string' || !ACTOR_ID.test(header)) {
    throw new ApiError('REQUEST.INVALID', 'the X-Actor-Id header is malformed', [
      { field: 'X-Actor-Id', reason: 'must be 1 to 100 letters, digits or . _ @ : -' },
    ]);
  }
  return header;
}

export const RequestActor = createParamDecorator((_: unknown, context: ExecutionContext) =>
  actorOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
