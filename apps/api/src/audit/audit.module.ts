import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail';
import { AuditInterceptor } from './audit.interceptor';
import { AuditRecordsHttpController } from './query-audit-records/audit-records.http.controller';

/** Records accesses to case data (AuditTrail, AuditInterceptor) and lets auditors query them. */
@Global()
@Module({
  controllers: [AuditRecordsHttpController],
  providers: [AuditTrail, AuditInterceptor],
  exports: [AuditTrail, AuditInterceptor],
})
export class AuditModule {}
