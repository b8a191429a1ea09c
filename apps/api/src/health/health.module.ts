import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { PlatformConfig } from '@app/config';
import type { Pool } from '@app/database';
import { PLATFORM_CONFIG } from '../platform/platform.module';
import { PG_POOL } from '../platform/tokens';
import { CHECK_TIMEOUT_MS, type DependencyCheck } from './dependency-check';
import { DEPENDENCY_CHECKS, HealthHttpController } from './health.http.controller';
import { KafkaCheck } from './kafka.check';
import { PostgresCheck } from './postgres.check';
import { TemporalCheck } from './temporal.check';

@Module({
  controllers: [HealthHttpController],
  providers: [
    {
      provide: DEPENDENCY_CHECKS,
      inject: [PLATFORM_CONFIG, PG_POOL],
      useFactory: (config: PlatformConfig, pool: Pool): DependencyCheck[] => [
        new PostgresCheck(pool),
        new KafkaCheck(config.KAFKA_BROKERS.split(',').map((broker) => broker.trim())),
        new TemporalCheck(config.TEMPORAL_ADDRESS, CHECK_TIMEOUT_MS),
      ],
    },
  ],
})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[]) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.checks.map((check) => check.reset?.()));
  }
}
