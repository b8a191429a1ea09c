import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IF_MATCH_SCHEMA } from '../hubs/publish-hub-policy/if-match';
import { IDEMPOTENCY_KEY_SCHEMA } from '../http/idempotency-key';
import { offlineOpenApiDocument, serialiseOpenApi } from './offline-openapi';

const COMMITTED = path.resolve(__dirname, '../../../../docs/openapi.json');

describe('the OpenAPI document', () => {
  let document: Awaited<ReturnType<typeof offlineOpenApiDocument>>;

  beforeAll(async () => {
    document = await offlineOpenApiDocument();
  });

  it('is the one committed in docs/openapi.json (regenerate with `npm run openapi`)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(serialiseOpenApi(document));
  });

  it('describes the submission body with its required fields, enumerations and limits', () => {
    const schemas = document.components?.schemas as Record<string, any>;
    expect(schemas.SubmitReferralRequest.required).toEqual(['hubId', 'referrer', 'subject', 'concernCategories', 'immediateRisk', 'consent', 'narrative']);
    expect(schemas.SubmitReferralRequest.properties.narrative).toMatchObject({ maxLength: 20000, minLength: 1 });
    expect(schemas.SubmitReferralRequest.properties.concernCategories).toMatchObject({ minItems: 1, uniqueItems: true });
    expect(schemas.ConcernCategory.enum).toContain('neglect');
    expect(schemas.SubjectDto.properties.dateOfBirth).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas.AddressDto.properties.postcode.pattern).toBeDefined();
  });

  it('documents the error body for each failure of a submission', () => {
    const responses = document.paths['/v1/referrals'].post?.responses as Record<string, any>;
    for (const status of ['400', '413', '415', '422', '409', '503']) {
      expect(responses[status].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBodyDto' });
    }
  });

  it('lets a full referral view pass as the answer of a read: anyOf, since a full view also fits the status view (schemathesis found oneOf refused it)', () => {
    const schema = (document.paths['/v1/referrals/{id}'].get?.responses['200'] as any).content['application/json'].schema;
    expect(schema.oneOf).toBeUndefined();
    expect(schema.anyOf).toEqual([{ $ref: '#/components/schemas/ReferralView' }, { $ref: '#/components/schemas/ReferralStatusView' }]);
  });

  it('gives the Idempotency-Key and If-Match headers the rule the API enforces (schemathesis sent values the document allowed and got 400)', () => {
    const header = (path: string, method: 'post' | 'put', name: string) =>
      ((document.paths[path][method]?.parameters ?? []) as any[]).find((p) => p.in === 'header' && p.name === name)?.schema;
    expect(header('/v1/referrals', 'post', 'Idempotency-Key')).toEqual(IDEMPOTENCY_KEY_SCHEMA);
    expect(header('/v1/referrals/{id}/triage', 'post', 'Idempotency-Key')).toEqual(IDEMPOTENCY_KEY_SCHEMA);
    expect(header('/v1/hubs/{hubId}/policy', 'put', 'If-Match')).toEqual(IF_MATCH_SCHEMA);
  });

  it('says a request body takes no field it does not declare, as the validation pipe refuses one (schemathesis sent extra fields the document allowed and got 400)', () => {
    const schemas = document.components?.schemas as Record<string, any>;
    expect(schemas.SubmitReferralRequest.additionalProperties).toBe(false);
    expect(schemas.AddressDto.additionalProperties).toBe(false);
    expect(schemas.PublishHubPolicyRequest.properties.overrides.additionalProperties).toBe(true);
    expect(schemas.ReferralView.additionalProperties).toBeUndefined();
  });
});
