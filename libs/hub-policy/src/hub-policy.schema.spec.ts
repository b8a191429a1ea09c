import { ROLES } from '@app/auth';
import { AGENCIES } from '@app/domain';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as T from './hub-policy.types';
import { BANK_HOLIDAY_REGIONS, CASE_READER_ROLES, SENSITIVITY_LEVELS } from './hub-policy.types';
import { resolvePolicy } from './resolve-policy';
import { hubFacts, northshireOverrides } from './testing/hub-policy-fixtures';

/** The published file, read as a subscriber would read it: from disk, with a fresh validator. */
const schema = JSON.parse(readFileSync(join(__dirname, '../schema/hub-policy.v1.schema.json'), 'utf8'));

/**
 * Each TS type's fields, marked required or optional. The mapped type makes the compiler refuse
 * a missing, extra or wrongly marked field, so these lists are the TS types; the test then holds
 * the schema to them.
 */
type Fields<X> = { [K in keyof X]-?: object extends Pick<X, K> ? 'optional' : 'required' };
const fields = <X>(shape: Fields<X>) => shape;

type Schema = { properties?: Record<string, Schema>; required?: string[]; items?: Schema; $ref?: string };
const definition = (name: string): Schema => schema.definitions[name];
const at = (...path: string[]): Schema =>
  path.reduce<Schema>((node, key) => {
    const next = key === '[]' ? node.items! : node.properties![key];
    return next.$ref ? definition(next.$ref.replace('#/definitions/', '')) : next;
  }, schema);

const policy = 'HubPolicyDocument';
describe('the published JSON Schema and the TypeScript types', () => {
  it.each<[string, Schema, Record<string, 'required' | 'optional'>]>([
    [policy, at(), fields<T.HubPolicyDocument>({ schemaVersion: 'required', scope: 'required', directReferrals: 'required', agencies: 'required', accountableManager: 'required', delegates: 'required', ragLevels: 'required', timescales: 'required', escalationLadder: 'required', calendar: 'required', informationSharingAgreement: 'required', dataProtectionProtocol: 'required', funding: 'required' })],
    ['DirectReferrals', at('directReferrals'), fields<T.DirectReferrals>({ sources: 'required', agencies: 'required', publicFrontDoor: 'required' })],
    ['agencies', at('agencies'), fields<T.HubPolicyDocument['agencies']>({ core: 'required', contributing: 'required' })],
    ['MemberAgency', at('agencies', 'core', '[]'), fields<T.MemberAgency>({ agency: 'required', escalationContacts: 'required' })],
    ['EscalationContact', at('agencies', 'core', '[]', 'escalationContacts', '[]'), fields<T.EscalationContact>({ role: 'required', name: 'required', email: 'optional', phone: 'optional' })],
    ['StaffMember', at('accountableManager'), fields<T.StaffMember>({ userId: 'required', name: 'required' })],
    ['RagLevelPolicy', at('ragLevels', '[]'), fields<T.RagLevelPolicy>({ code: 'required', label: 'required', wording: 'required', severity: 'required', informationRequestTimescale: 'required', reminderLeadTime: 'required', agenciesAsked: 'required' })],
    ['Timescales', at('timescales'), fields<T.Timescales>({ triage: 'required', authorisation: 'required', immediateRiskStrategyDiscussion: 'required', actionDefault: 'required', actionReminder: 'required', challengeWindow: 'required' })],
    ['triage', at('timescales', 'triage'), fields<T.Timescales['triage']>({ child: 'required', adult: 'required' })],
    ['EscalationRungPolicy', at('escalationLadder', '[]'), fields<T.EscalationRungPolicy>({ level: 'required', notify: 'required', nextRungAfter: 'optional' })],
    ['EscalationRecipientPolicy', at('escalationLadder', '[]', 'notify', '[]'), fields<T.EscalationRecipientPolicy>({ role: 'required', agencyContact: 'optional' })],
    ['CalendarPolicy', at('calendar'), fields<T.CalendarPolicy>({ timeZone: 'required', workingDays: 'required', workingHours: 'required', bankHolidays: 'required', localClosures: 'required' })],
    ['workingHours', at('calendar', 'workingHours'), fields<T.CalendarPolicy['workingHours']>({ start: 'required', end: 'required' })],
    ['bankHolidays', at('calendar', 'bankHolidays'), fields<T.CalendarPolicy['bankHolidays']>({ region: 'required', years: 'optional' })],
    ['LocalClosure', at('calendar', 'localClosures', '[]'), fields<T.LocalClosure>({ date: 'required', name: 'required' })],
    ['InformationSharingAgreement', at('informationSharingAgreement'), fields<T.InformationSharingAgreement>({ version: 'required', date: 'required', signatories: 'required', visibility: 'required' })],
    ['Signatory', at('informationSharingAgreement', 'signatories', '[]'), fields<T.Signatory>({ agency: 'required', signedOn: 'required', signedBy: 'required' })],
    ['Visibility', at('informationSharingAgreement', 'visibility'), fields<T.Visibility>({ roles: 'required', agencies: 'required' })],
    ['Visibility.roles', at('informationSharingAgreement', 'visibility', 'roles'), fields<T.Visibility['roles']>({ practitioner: 'required', 'hub-manager': 'required' })],
    ['DataProtectionProtocol', at('dataProtectionProtocol'), fields<T.DataProtectionProtocol>({ reference: 'required', version: 'optional', url: 'optional' })],
    ['FundingContribution', at('funding', '[]'), fields<T.FundingContribution>({ agency: 'required', financialYear: 'required', amountGbp: 'required', staffFte: 'optional' })],
  ])('%s: the same fields, the same required', (_, node, shape) => {
    expect(Object.keys(node.properties!).sort()).toEqual(Object.keys(shape).sort());
    const required = Object.keys(shape).filter((key) => shape[key] === 'required');
    expect([...(node.required ?? [])].sort()).toEqual(required.sort());
  });

  it.each<[string, unknown, readonly string[]]>([
    ['agencies: the domain list', definition('agency'), AGENCIES],
    ['bank-holiday regions', at('calendar', 'bankHolidays', 'region'), BANK_HOLIDAY_REGIONS],
    ['sensitivities', at('informationSharingAgreement', 'visibility', 'roles', 'practitioner', '[]'), SENSITIVITY_LEVELS],
  ])('enumerates %s', (_, node, values) => {
    expect((node as { enum: string[] }).enum).toEqual([...values]);
  });

  it('lets sight be given per agency for every agency on the domain list', () => {
    expect(Object.keys(at('informationSharingAgreement', 'visibility', 'agencies').properties!)).toEqual([...AGENCIES]);
  });

  it('names only real roles as case readers', () => {
    expect(ROLES).toEqual(expect.arrayContaining([...CASE_READER_ROLES]));
  });

  it.each([
    ['the national template with what only a hub can say', resolvePolicy(hubFacts)],
    ['the example hub of docs/hub-policy.md', resolvePolicy(northshireOverrides)],
  ])('accepts %s', (_, document) => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(document) ? [] : validate.errors).toEqual([]);
  });
});
