import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';
/** Where the JSON document is served; SwaggerModule's default is `${DOCS_PATH}-json`. */
export const DOCS_JSON_PATH = 'docs-json';

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('MASH referral platform API')
    .setDescription(
      'Intake of referrals to Multi-Agency Safeguarding Hubs and views of their progress. ' +
        'Every error answers with the same JSON body: statusCode, error, a stable code, a message, and ' +
        'fieldErrors naming each bad field by its path. Each response carries X-Correlation-Id.',
    )
    .setVersion('1')
    .build();
  return SwaggerModule.createDocument(app, config);
}

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH, yamlDocumentUrl: 'docs-yaml' });
}
