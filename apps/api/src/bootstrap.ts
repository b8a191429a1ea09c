import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PlatformConfig } from '@app/config';
import { createLogger, type Logger } from '@app/observability';
import { ApiModule } from './app.module';
import { AuditTrail } from './audit/audit-trail';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { correlationIdOf } from './http/correlation-id';
import { BODY_LIMIT_BYTES } from './http/http-limits';
import { acceptJsonBodiesOnly } from './http/json-body-parser';
import { registerRequestLogging } from './http/request-logging';
import { RequestValidationPipe } from './http/request-validation.pipe';
import { createOpenApiDocument, serveOpenApi } from './openapi/openapi.document';
import { PinoNestLogger } from './platform/pino-nest-logger';

export interface BootstrapOptions {
  /** Listen on a free port chosen by the system (tests read it from the app's address). */
  ephemeralPort?: boolean;
  /** Interface to listen on; all interfaces by default, as a container needs. */
  host?: string;
  /** A logger of the caller's (tests capture log lines through it). */
  logger?: Logger;
}

/** Builds the API with all its routes, filters and docs, without listening. */
export async function createApiApp(config: PlatformConfig, options: BootstrapOptions = {}): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(config.SERVICE_NAME ?? 'api', config.LOG_LEVEL);
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: correlationIdOf, logger: false });
  acceptJsonBodiesOnly(adapter.getInstance());
  // bodyParser off: Nest would add a form-urlencoded parser; a referral is JSON and nothing else.
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, logger), adapter, {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  registerRequestLogging(adapter.getInstance(), logger);
  app.useGlobalFilters(new ApiExceptionFilter(logger, app.get(AuditTrail)));
  app.useGlobalPipes(new RequestValidationPipe());
  serveOpenApi(app, createOpenApiDocument(app));
  await app.init();
  return app;
}

/** Starts the API: on config.HTTP_PORT, or on a free port when options say so. */
export async function bootstrapApi(config: PlatformConfig, options: BootstrapOptions = {}): Promise<NestFastifyApplication> {
  const app = await createApiApp(config, options);
  await app.listen({ port: options.ephemeralPort ? 0 : config.HTTP_PORT, host: options.host ?? '0.0.0.0' });
  return app;
}
