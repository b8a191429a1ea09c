import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@app/auth';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access guard once the bearer token is verified; absent on public routes. */
    principal?: Principal;
  }
}

/**
 * The one place that says who made a request: the principal of the verified bearer token. Its
 * user id is the actor and its agency the agency recorded on every event the request makes.
 */
export function principalOf(request: FastifyRequest): Principal {
  // Only a route the access rules mark public has none, and such a route does not ask.
  if (!request.principal) throw new Error('no principal on this request: is the route public in access-rules.ts?');
  return request.principal;
}

export const RequestPrincipal = createParamDecorator((_: unknown, context: ExecutionContext) =>
  principalOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
