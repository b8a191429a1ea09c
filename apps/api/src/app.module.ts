import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { PlatformConfig } from '@app/config';
import type { Logger } from '@app/observability';
import { AuditModule } from './audit/audit.module';
import { AuditInterceptor } from './audit/audit.interceptor';
import { HealthModule } from './health/health.module';
import { HubsModule } from './hubs/hubs.module';
import { OpsModule } from './ops/ops.module';
import { AccessGuard } from './http/access.guard';
import { PlatformModule } from './platform/platform.module';
import { ReferralsModule } from './referrals/referrals.module';

@Module({})
export class ApiModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(config, logger), AuditModule, ReferralsModule, HubsModule, HealthModule, OpsModule],
      // Every route passes the access guard; access-rules.ts says what it lets through.
      // Interceptors run after guards: only a request the guard let through reaches the audit
      // interceptor, which records each allowed use of a case endpoint before the answer goes out.
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
      ],
    };
  }
}
