import type { OpenAPIObject } from '@nestjs/swagger';
import pino from 'pino';
import { loadConfig } from '@app/config';
import { createApiApp } from '../bootstrap';
import { createOpenApiDocument } from './openapi.document';

/**
 * The OpenAPI document built from the code, with no service running: the pool, Kafka admin and
 * Temporal connection are made on first use, and building the document uses none of them.
 */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/unused',
    KAFKA_BROKERS: '127.0.0.1:1',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
  });
  const app = await createApiApp(config, { logger: pino({ level: 'silent' }) });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The document as committed in docs/openapi.json. */
export const serialiseOpenApi = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;
