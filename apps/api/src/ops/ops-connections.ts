import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { PlatformConfig } from '@app/config';
import type { Pool } from '@app/database';
import { createKafka, platformTopics } from '@app/messaging';
import { errorSummary, type Logger } from '@app/observability';
import type { Admin } from 'kafkajs';
import { platformParkedConsumers, type PlatformParkedConsumers } from '../../../ops/src/parked/platform-consumers';
import { ApiError } from '../http/api-error';
import { PLATFORM_CONFIG } from '../platform/platform.module';
import { LOGGER, PG_POOL } from '../platform/tokens';

const CLIENT_ID = 'mash-api-ops';

/** What the ops operations need beyond the pool: Kafka (status), the parked events' consumers (retry). */
@Injectable()
export class OpsConnections implements OnApplicationShutdown {
  readonly referralTopic: string;
  readonly parkedConsumers: PlatformParkedConsumers;

  constructor(
    @Inject(PG_POOL) readonly pool: Pool,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.referralTopic = platformTopics(config).referralEvents;
    this.parkedConsumers = platformParkedConsumers(pool, config, logger, CLIENT_ID);
  }

  /** A Kafka admin connected for one call: status is asked rarely, so no connection is kept. */
  async withKafkaAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = createKafka(this.config, this.logger, CLIENT_ID).admin();
    try {
      await admin.connect();
    } catch (error) {
      this.logger.warn({ ...errorSummary(error) }, 'ops status: Kafka cannot be reached');
      throw new ApiError('DEPENDENCY.UNAVAILABLE', 'Kafka cannot be reached; retry');
    }
    try {
      return await use(admin);
    } finally {
      await admin.disconnect();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.parkedConsumers.close();
  }
}
