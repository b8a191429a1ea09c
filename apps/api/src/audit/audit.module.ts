import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';
import { AuditInterceptor } from './audit.interceptor';

/** Records accesses to case data: AuditTrail, and the AuditInterceptor registered in ApiModule. */
@Global()
@Module({
  providers: [AuditTrail, AuditInterceptor],
  exports: [AuditTrail, AuditInterceptor],
})
export class AuditModule {}
