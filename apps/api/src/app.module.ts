import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@app/config';
import type { Logger } from '@app/observability';
import { HealthModule } from './health/health.module';
import { PlatformModule } from './platform/platform.module';
import { ReferralsModule } from './referrals/referrals.module';

@Module({})
export class ApiModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return { module: ApiModule, imports: [PlatformModule.forRoot(config, logger), ReferralsModule, HealthModule] };
  }
}
