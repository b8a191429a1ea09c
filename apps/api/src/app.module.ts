import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { PlatformConfig } from '@app/config';
import type { Logger } from '@app/observability';
import { HealthModule } from './health/health.module';
import { AccessGuard } from './http/access.guard';
import { PlatformModule } from './platform/platform.module';
import { ReferralsModule } from './referrals/referrals.module';

@Module({})
export class ApiModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [PlatformModule.forRoot(config, logger), ReferralsModule, HealthModule],
      // Every route passes the access guard; access-rules.ts says what it lets through.
      providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
    };
  }
}
