import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import received from '../../schemas/mash.referral.received.v1.json';
import triageAwaited from '../../schemas/mash.referral.triage-awaited.v1.json';
import { REFERRAL_INTEGRATION_TYPES, type ReferralIntegrationType } from './referral-integration-events';

/** The published JSON Schema of each integration event type (libs/messaging/schemas). */
export const INTEGRATION_EVENT_SCHEMAS: Record<ReferralIntegrationType, object> = {
  [REFERRAL_INTEGRATION_TYPES.received]: received,
  [REFERRAL_INTEGRATION_TYPES.triageAwaited]: triageAwaited,
};

export interface SchemaCheck {
  valid: boolean;
  /** Paths and reasons only, never the offending values (they may be personal data). */
  problems: string[];
}

/** Checks events against their type's schema, as a subscriber would. */
export class IntegrationEventSchemas {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const [type, schema] of Object.entries(INTEGRATION_EVENT_SCHEMAS)) {
      this.validators.set(type, ajv.compile(schema));
    }
  }

  check(event: unknown): SchemaCheck {
    const type = (event as { type?: unknown } | null)?.type;
    const validate = typeof type === 'string' ? this.validators.get(type) : undefined;
    if (!validate) return { valid: false, problems: [`no schema for type ${String(type)}`] };
    const valid = validate(event);
    return {
      valid,
      problems: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
    };
  }
}
