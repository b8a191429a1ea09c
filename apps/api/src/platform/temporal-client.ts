import { Client, Connection } from '@temporalio/client';
import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client/lib/grpc-retry';
import type { PlatformConfig } from '@app/config';

/**
 * The API's Temporal client. Lazy, like the pool: the API starts while Temporal is down, and
 * lifecycle commands answer 503 until it is back. Few retries of an unreachable server (the SDK's
 * default backs off for some 20 s): a person waiting on an HTTP answer is better told to retry.
 */
export function createTemporalClient(config: Pick<PlatformConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>): Client {
  const connection = Connection.lazy({
    address: config.TEMPORAL_ADDRESS,
    connectTimeout: 3000,
    interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))],
  });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}
