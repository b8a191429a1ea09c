import { ADULT_AGE_BANDS, AGENCIES, CHILD_AGE_BANDS, CONCERN_CATEGORIES, CONSENT_STATUSES, LAWFUL_BASES, SENSITIVITIES } from '@app/domain';
import informationProvided from '../../schemas/mash.referral.information-provided.v1.json';
import received from '../../schemas/mash.referral.received.v1.json';
import triageAwaited from '../../schemas/mash.referral.triage-awaited.v1.json';
import { INTEGRATION_EVENT_SCHEMAS, IntegrationEventSchemas } from './integration-event-schemas';
import { REFERRAL_INTEGRATION_TYPES } from './referral-integration-events';
import { toIntegrationEvent } from './to-integration-event';
import { recordedReferralReceived, recordedTriageAwaited } from '../testing/recorded-referral-events';
import { allRecordedExamples } from '../testing/recorded-lifecycle-events';

/** Every `enum` in a schema that lists agencies, wherever it is nested. */
function agencyEnums(node: unknown): unknown[][] {
  if (Array.isArray(node)) return node.flatMap(agencyEnums);
  if (typeof node !== 'object' || node === null) return [];
  const found = Object.values(node).flatMap(agencyEnums);
  const { enum: values } = node as { enum?: unknown[] };
  return values?.includes('police') ? [values, ...found] : found;
}

describe('integration event schemas', () => {
  const schemas = new IntegrationEventSchemas();

  it.each([
    ['mash.referral.received.v1', recordedReferralReceived()],
    ['mash.referral.triage-awaited.v1', recordedTriageAwaited()],
  ])('%s as mapped conforms to its schema', (_type, recorded) => {
    expect(schemas.check(toIntegrationEvent(recorded))).toEqual({ valid: true, problems: [] });
  });

  it.each(allRecordedExamples().map((e) => [`${e.type} v${e.streamVersion}`, e] as const))(
    '%s as mapped conforms to its schema',
    (_name, recorded) => {
      expect(schemas.check(toIntegrationEvent(recorded))).toEqual({ valid: true, problems: [] });
    },
  );

  it('refuses a lifecycle event carrying free text in its data', () => {
    const event = toIntegrationEvent(allRecordedExamples().find((e) => e.type === 'TriageDecisionRecorded')!)!;
    const check = schemas.check({ ...event, data: { ...event.data, rationale: 'words' } });
    expect(check).toEqual({ valid: false, problems: ['/data must NOT have additional properties'] });
  });

  it('accepts policy version 0, the national default of a hub with no published policy, and nothing below it', () => {
    const event = toIntegrationEvent(recordedReferralReceived())!;
    expect(schemas.check({ ...event, policyVersion: 0 })).toEqual({ valid: true, problems: [] });
    expect(schemas.check({ ...event, policyVersion: -1 }).valid).toBe(false);
  });

  it('gives every schema the same envelope, differing only in type, title and data', () => {
    const envelope = (schema: object) => {
      const { $id, title, description, properties, ...rest } = schema as typeof triageAwaited;
      const { type, data, ...fields } = properties;
      return { rest, fields, id: $id.replace(title, ''), type: type.const === title };
    };
    for (const schema of Object.values(INTEGRATION_EVENT_SCHEMAS)) expect(envelope(schema)).toEqual(envelope(triageAwaited));
  });

  it('lists exactly the domain agencies wherever a schema names an agency', () => {
    const lists = Object.values(INTEGRATION_EVENT_SCHEMAS).flatMap(agencyEnums);
    expect(lists.length).toBeGreaterThan(20);
    for (const values of lists) expect(values.filter((v) => v !== null)).toEqual([...AGENCIES]);
  });

  it('accepts a subject known only by age band', () => {
    const event = recordedReferralReceived();
    event.data.subject = { type: 'adult', givenName: 'Jo', familyName: 'Example', ageBand: '75+' };
    expect(schemas.check(toIntegrationEvent(event)).valid).toBe(true);
  });

  it('refuses fields outside the contract and says where, without the values', () => {
    const event = { ...toIntegrationEvent(recordedReferralReceived()), narrative: 'secret words' };
    const check = schemas.check(event);
    expect(check.valid).toBe(false);
    expect(check.problems).toEqual(['/ must NOT have additional properties']);
  });

  it('refuses an event whose type has no schema', () => {
    expect(schemas.check({ type: 'mash.referral.unknown.v1' })).toEqual({
      valid: false,
      problems: ['no schema for type mash.referral.unknown.v1'],
    });
  });

  it('has a schema for every published type', () => {
    const check = (type: string) => schemas.check({ type }).problems[0];
    for (const type of Object.values(REFERRAL_INTEGRATION_TYPES)) expect(check(type)).not.toMatch(/no schema/);
  });

  it('lists the same agencies, concerns, age bands and consent statuses as the domain', () => {
    const data = received.properties.data.properties;
    expect(data.referrer.properties.agency.enum).toEqual([...AGENCIES]);
    expect(data.concernCategories.items.enum).toEqual([...CONCERN_CATEGORIES]);
    expect(data.subject.properties.ageBand.enum).toEqual([...CHILD_AGE_BANDS, ...ADULT_AGE_BANDS, null]);
    expect(data.consent.properties.status.enum).toEqual([...CONSENT_STATUSES]);
  });

  it('lists the same lawful bases and sensitivities as the domain', () => {
    const data = informationProvided.properties.data.properties;
    expect(data.lawfulBasis.enum).toEqual([...Object.keys(LAWFUL_BASES), 'not-recorded']);
    expect(data.sensitivity.enum).toEqual([...SENSITIVITIES, null]);
  });
});
