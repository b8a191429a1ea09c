import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { bearerTokenOf, hasRole, type TokenVerifier } from '@app/auth';
import type { Logger } from '@app/observability';
import type { FastifyRequest } from 'fastify';
import { LOGGER, TOKEN_VERIFIER } from '../platform/tokens';
import { accessPurposeOf } from './access-purpose';
import { accessRuleOf } from './access-rules';
import '../audit/audit-trail';
import { ApiError } from './api-error';
import { routeIdOf } from './route-id';

/**
 * Runs before every handler: finds the endpoint's rule (none: refused), verifies the bearer
 * token (401), checks the caller's roles against the rule (403), reads the purpose the caller
 * states (400 where the rule requires one and it is missing) and leaves both on the request. The token itself is never logged or kept.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(TOKEN_VERIFIER) private readonly tokens: TokenVerifier,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const routeId = routeIdOf(context.getClass(), context.getHandler());
    const rule = accessRuleOf(routeId);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // The audit trail reads which endpoint this was, also when the request is refused below.
    request.routeId = routeId;
    if (!rule) {
      this.logger.error({ routeId }, 'endpoint has no access rule; refused (add it to access-rules.ts)');
      throw new ApiError('AUTH.ROLE_NOT_ALLOWED', 'this endpoint is not open to anyone yet');
    }
    if (rule.access === 'public') return true;
    const principal = await this.tokens.verify(bearerTokenOf(request.headers.authorization));
    request.principal = principal;
    if (!hasRole(principal, ...rule.roles)) {
      throw new ApiError('AUTH.ROLE_NOT_ALLOWED', `this endpoint is for the roles ${rule.roles.join(', ')}`);
    }
    request.accessPurpose = accessPurposeOf(request, rule.audit.purpose === 'required');
    return true;
  }
}
