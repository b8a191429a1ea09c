import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { concatMap, type Observable } from 'rxjs';
import { AuditTrail } from './audit-trail';

/**
 * Records every allowed use of a case endpoint that its handler did not record itself, once the
 * handler has answered and before the answer is sent. A record that cannot be written turns the
 * answer into 503 DEPENDENCY.UNAVAILABLE: no case data leaves unrecorded. Refusals and 404s
 * never reach here; the exception filter records them.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly trail: AuditTrail) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        await this.trail.recordAllowed(request);
        return answer;
      }),
    );
  }
}
