import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AuditLog } from '@app/audit';
import { createTokenVerifier } from '@app/auth';
import type { PlatformConfig } from '@app/config';
import { createPool, type Pool } from '@app/database';
import { PostgresEventStore } from '@app/event-store';
import type { Logger } from '@app/observability';
import type { Client } from '@temporalio/client';
import { createTemporalClient } from './temporal-client';
import { LOGGER, PG_POOL, TEMPORAL_CLIENT, TOKEN_VERIFIER } from './tokens';

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Connections and settings the use cases share: configuration, logger, pool, event store, audit log, token verifier, Temporal client. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        // The pool connects on first use, so the API starts (and reports 503) while PostgreSQL is down.
        { provide: PG_POOL, useFactory: () => createPool(config.DATABASE_URL) },
        { provide: PostgresEventStore, useFactory: (pool: Pool) => new PostgresEventStore(pool), inject: [PG_POOL] },
        { provide: AuditLog, useFactory: (pool: Pool) => new AuditLog(pool), inject: [PG_POOL] },
        // In jwks mode the issuer's keys are fetched on first use, so the API starts while the issuer is away.
        { provide: TOKEN_VERIFIER, useFactory: () => createTokenVerifier(config) },
        { provide: TEMPORAL_CLIENT, useFactory: () => createTemporalClient(config) },
      ],
      exports: [PLATFORM_CONFIG, LOGGER, PG_POOL, PostgresEventStore, AuditLog, TOKEN_VERIFIER, TEMPORAL_CLIENT],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pool.end(), this.temporal.connection.close()]);
  }
}
