import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { accessRuleOf } from '../http/access-rules';

export const DOCS_PATH = 'docs';
/** Where the JSON document is served; SwaggerModule's default is `${DOCS_PATH}-json`. */
export const DOCS_JSON_PATH = 'docs-json';
export const BEARER_SCHEME = 'bearer';

const ERROR_BODY = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } } };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Marks each operation as the access rules say: public ones with no security, the others with
 * the bearer scheme, their roles and data scope, and their 401 and 403 answers. The document
 * thus cannot disagree with what the guard enforces.
 */
function applyAccessRules(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const rule = accessRuleOf(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      if (!rule) continue;
      if (rule.access === 'public') {
        operation.security = [];
        continue;
      }
      operation.security = [{ [BEARER_SCHEME]: [] }];
      operation.description = `${operation.description ?? ''}\n\n**Roles:** ${rule.roles.join(', ')}. **Data:** ${rule.data}.`.trim();
      operation.responses['401'] = {
        description: 'AUTH.MISSING_TOKEN or AUTH.INVALID_TOKEN, with the reason (expired, bad-signature, wrong-issuer, ...).',
        ...ERROR_BODY,
      };
      operation.responses['403'] ??= { description: 'AUTH.ROLE_NOT_ALLOWED: none of your roles may use this endpoint.', ...ERROR_BODY };
    }
  }
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('MASH referral platform API')
    .setDescription(
      'Intake of referrals to Multi-Agency Safeguarding Hubs and views of their progress. ' +
        'Every error answers with the same JSON body: statusCode, error, a stable code, a message, and ' +
        'fieldErrors naming each bad field by its path. Each response carries X-Correlation-Id. ' +
        'Every endpoint but /health needs a bearer token (JWT) naming the user (sub), their hubs, agency and roles.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Claims: sub, hubs (array), agency, roles (array).' }, BEARER_SCHEME)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  applyAccessRules(document);
  return document;
}

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH, yamlDocumentUrl: 'docs-yaml' });
}
