import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
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

const SCHEMA_REF = '#/components/schemas/';

/**
 * The validation pipe refuses a field a request class does not declare (400, "is not a field of
 * this request"), so every object schema a request body reaches says so with
 * `additionalProperties: false`; one that allows more says it itself (a hub policy's overrides).
 * Without this the document promised that any extra field was fine (schemathesis found it).
 */
function closeRequestSchemas(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaObject>;
  const closed = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF)) {
      const name = ref.slice(SCHEMA_REF.length);
      if (closed.has(name) || !schemas[name]) return;
      closed.add(name);
      const schema = schemas[name];
      if (schema.type === 'object' && schema.properties) schema.additionalProperties ??= false;
      return visit(schema);
    }
    Object.values(node).forEach(visit);
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) visit(item[method]?.requestBody);
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
  closeRequestSchemas(document);
  return document;
}

export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: DOCS_JSON_PATH, yamlDocumentUrl: 'docs-yaml' });
}
