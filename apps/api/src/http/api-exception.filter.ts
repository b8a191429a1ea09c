import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorSummary, type Logger } from '@app/observability';
import type { AuditTrail } from '../audit/audit-trail';
import { toErrorBody } from './error-body';

/** Answers every error, the domain's, the API's, Fastify's and unexpected ones, with one JSON shape. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  /** `audit`: records refusals (403) and not-found answers (404) of case endpoints; absent, nothing is recorded. */
  constructor(
    private readonly logger: Logger,
    private readonly audit?: AuditTrail,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toErrorBody(error);
    if (body.statusCode >= 500) {
      // Class, code and message only: an error can carry the rows or request it came from.
      this.logger.error({ correlationId: request.id, code: body.code, ...errorSummary(error) }, 'request failed');
    }
    // Before answering, so the record exists by the time the caller has the refusal. It never throws.
    await this.audit?.recordRefusal(request, body.code);
    if (body.code === 'DEPENDENCY.UNAVAILABLE') void reply.header('retry-after', '5');
    // RFC 6750: say which scheme is expected, and whether the token sent was the problem.
    if (body.code === 'AUTH.MISSING_TOKEN') void reply.header('www-authenticate', 'Bearer realm="mash"');
    if (body.code === 'AUTH.INVALID_TOKEN') void reply.header('www-authenticate', 'Bearer realm="mash", error="invalid_token"');
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
