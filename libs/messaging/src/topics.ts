import type { PlatformConfig } from '@app/config';

/** Every Kafka topic the platform writes or reads, named in one place. */
export interface PlatformTopics {
  /** Integration events of every referral, keyed by referral id (per-referral order). */
  referralEvents: string;
}

export function platformTopics(config: Pick<PlatformConfig, 'KAFKA_REFERRAL_TOPIC'>): PlatformTopics {
  return { referralEvents: config.KAFKA_REFERRAL_TOPIC };
}
