import type { OpenAPIObject } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { loadConfig } from '@app/config';
import { createApiApp } from '../bootstrap';
import { createOpenApiDocument } from './openapi.document';

/**
 * The API with every route, and no service running: the pool, Kafka admin and Temporal
 * connection are made on first use, and neither building the document nor listing routes uses them.
 */
export function offlineApiApp(): Promise<NestFastifyApplication> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/unused',
    KAFKA_BROKERS: '127.0.0.1:1',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
  });
  return createApiApp(config, { logger: pino({ level: 'silent' }) });
}

/** The OpenAPI document built from the code, with no service running. */
export async function offlineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await offlineApiApp();
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The document as committed in docs/openapi.json. */
export const serialiseOpenApi = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;
