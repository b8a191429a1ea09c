import type { HubPolicyDocument } from '../hub-policy.types';
import { resolvePolicy } from '../resolve-policy';
import { northshireOverrides } from '../testing/hub-policy-fixtures';
import { validateHubPolicy } from './validate-hub-policy';

/** Northshire's policy, valid; each case below breaks one thing in a fresh copy of it. */
const valid = (): HubPolicyDocument => resolvePolicy(northshireOverrides) as HubPolicyDocument;
const problemPaths = (document: unknown) => {
  const result = validateHubPolicy(document);
  return result.valid ? [] : result.problems.map((problem) => problem.path);
};
type Change = (policy: HubPolicyDocument & Record<string, unknown>) => void;

describe('validateHubPolicy', () => {
  it('accepts a valid policy and hands it back typed', () => {
    const result = validateHubPolicy(valid());
    expect(result).toEqual({ valid: true, policy: valid() });
  });

  describe.each<[string, [string, Change, string[]][]]>([
    [
      'the shape (schema)',
      [
        ['an unknown field', (p) => (p.colour = 'teal'), ['/colour']],
        ['a scope that is not children, adults or both', (p) => ((p as { scope: string }).scope = 'everyone'), ['/scope']],
        ['another schema version', (p) => ((p as { schemaVersion: number }).schemaVersion = 2), ['/schemaVersion']],
        ['no accountable manager', (p) => delete (p as Partial<HubPolicyDocument>).accountableManager, ['/accountableManager']],
        ['a manager without a name', (p) => ((p.accountableManager as { name?: string }).name = ''), ['/accountableManager/name']],
        ['an agency not on the national list', (p) => ((p.agencies.contributing[0] as { agency: string }).agency = 'army'), ['/agencies/contributing/0/agency']],
        ['a contact with neither email nor phone', (p) => delete p.agencies.core[0].escalationContacts[0].phone, ['/agencies/core/0/escalationContacts/0']],
        ['a contact email that is not one', (p) => (p.agencies.core[1].escalationContacts[0].email = 'sam at northshire'), ['/agencies/core/1/escalationContacts/0/email']],
        ['no RAG levels', (p) => (p.ragLevels = []), ['/ragLevels']],
        ['a timescale of zero', (p) => (p.ragLevels[1].informationRequestTimescale = { workingHours: 0 }), ['/ragLevels/1/informationRequestTimescale/workingHours']],
        ['a timescale in two units', (p) => (p.ragLevels[1].informationRequestTimescale = { workingHours: 6, workingDays: 1 } as never), ['/ragLevels/1/informationRequestTimescale']],
        ['a timescale in an unknown unit', (p) => (p.ragLevels[1].informationRequestTimescale = { hours: 6 } as never), ['/ragLevels/1/informationRequestTimescale/hours']],
        ['part of a working day', (p) => (p.ragLevels[2].informationRequestTimescale = { workingDays: 1.5 }), ['/ragLevels/2/informationRequestTimescale/workingDays']],
        ['an agency asked twice at a level', (p) => (p.ragLevels[1].agenciesAsked = ['police', 'health', 'police']), ['/ragLevels/1/agenciesAsked/2']],
        ['a negative action default', (p) => (p.timescales.actionDefault = { workingDays: -1 }), ['/timescales/actionDefault/workingDays']],
        ['no adult triage timescale', (p) => delete (p.timescales.triage as Partial<HubPolicyDocument['timescales']['triage']>).adult, ['/timescales/triage/adult']],
        ['an empty escalation ladder', (p) => (p.escalationLadder = []), ['/escalationLadder']],
        ['a rung that tells nobody', (p) => (p.escalationLadder[2].notify = []), ['/escalationLadder/2/notify']],
        ['a start of day not written HH:mm', (p) => (p.calendar.workingHours.start = '9:00'), ['/calendar/workingHours/start']],
        ['a weekday 8', (p) => (p.calendar.workingDays = [8, 1]), ['/calendar/workingDays/0']],
        ['a working day listed twice', (p) => (p.calendar.workingDays = [1, 1, 2]), ['/calendar/workingDays/1']],
        ['a closure on 30 February', (p) => (p.calendar.localClosures[0].date = '2026-02-30'), ['/calendar/localClosures/0/date']],
        ['bank holidays before the rules began', (p) => (p.calendar.bankHolidays.years = [1960]), ['/calendar/bankHolidays/years/0']],
        ['a bank-holiday region without rules here', (p) => ((p.calendar.bankHolidays as { region: string }).region = 'scotland'), ['/calendar/bankHolidays/region']],
        ['a role that reads no case data given sight of it', (p) => ((p.informationSharingAgreement.visibility.roles as Record<string, string[]>).referrer = ['general']), ['/informationSharingAgreement/visibility/roles/referrer']],
        ['an unknown sensitivity', (p) => ((p.informationSharingAgreement.visibility.roles.practitioner as string[]) = ['secret']), ['/informationSharingAgreement/visibility/roles/practitioner/0']],
        ['an agreement date that is not a date', (p) => (p.informationSharingAgreement.date = '15/01/2026'), ['/informationSharingAgreement/date']],
        ['a protocol link that is not a URI', (p) => (p.dataProtectionProtocol.url = 'see the shared drive'), ['/dataProtectionProtocol/url']],
        ['a financial year written otherwise', (p) => (p.funding[0].financialYear = 'FY26'), ['/funding/0/financialYear']],
        ['a negative contribution', (p) => (p.funding[1].amountGbp = -5), ['/funding/1/amountGbp']],
      ],
    ],
    [
      'management',
      [
        ['the manager also a delegate', (p) => p.delegates.push({ userId: 'mia', name: 'Mia Okafor' }), ['/delegates/1/userId']],
        ['a delegate listed twice', (p) => p.delegates.push({ userId: 'dan', name: 'Daniel Reyes' }), ['/delegates/1/userId']],
      ],
    ],
    [
      'agencies and direct referrals',
      [
        ['a core without health', (p) => p.agencies.core.splice(2, 1), ['/agencies/core', '/informationSharingAgreement/signatories/2/agency', '/ragLevels/0/agenciesAsked/2', '/ragLevels/1/agenciesAsked/2', '/ragLevels/2/agenciesAsked/1']],
        ['an agency both core and contributing', (p) => p.agencies.contributing.push({ agency: 'police', escalationContacts: [] }), ['/agencies/contributing/3/agency']],
        ['listed agencies with none listed', (p) => (p.directReferrals.sources = 'listed-agencies'), ['/directReferrals/agencies']],
        ['police only with agencies listed', (p) => (p.directReferrals.agencies = ['health']), ['/directReferrals/agencies']],
        ['the public as a listed agency', (p) => (p.directReferrals = { sources: 'listed-agencies', agencies: ['police', 'public'], publicFrontDoor: false }), ['/directReferrals/agencies/1']],
      ],
    ],
    [
      'RAG levels',
      [
        ['a code used twice', (p) => (p.ragLevels[1].code = 'red'), ['/ragLevels/1/code']],
        ['a severity used twice', (p) => (p.ragLevels[3].severity = 1), ['/ragLevels/3/severity']],
        ['a non-member asked', (p) => (p.ragLevels[0].agenciesAsked[3] = 'fire'), ['/ragLevels/0/agenciesAsked/3']],
        [
          'a member that has not signed the agreement asked',
          (p) => (p.informationSharingAgreement.signatories = p.informationSharingAgreement.signatories.filter((s) => s.agency !== 'education')),
          ['/ragLevels/0/agenciesAsked/3'],
        ],
        ['agencies asked at a level with no target', (p) => (p.ragLevels[3].agenciesAsked = ['police']), ['/ragLevels/3/agenciesAsked']],
        ['a reminder as long as the timescale', (p) => (p.ragLevels[0].reminderLeadTime = { workingHours: 2 }), ['/ragLevels/0/reminderLeadTime']],
        ['a reminder a working day before a 6-hour target', (p) => (p.ragLevels[1].reminderLeadTime = { workingDays: 1 }), ['/ragLevels/1/reminderLeadTime']],
      ],
    ],
    [
      'timescales and the escalation ladder',
      [
        ['an action reminder longer than the action default', (p) => (p.timescales.actionReminder = { workingDays: 11 }), ['/timescales/actionReminder']],
        ['ladder levels out of order', (p) => ([p.escalationLadder[1].level, p.escalationLadder[2].level] = [3, 2]), ['/escalationLadder/1/level', '/escalationLadder/2/level']],
        ['a ladder starting at 2', (p) => p.escalationLadder.forEach((rung) => (rung.level += 1)), ['/escalationLadder/0/level', '/escalationLadder/1/level', '/escalationLadder/2/level']],
      ],
    ],
    [
      'the calendar',
      [
        ['an unknown time zone', (p) => (p.calendar.timeZone = 'Europe/Lundon'), ['/calendar/timeZone']],
        ['a day that ends before it starts', (p) => (p.calendar.workingHours = { start: '17:00', end: '09:00' }), ['/calendar/workingHours/end']],
      ],
    ],
    [
      'the information sharing agreement and funding',
      [
        ['a signatory that is not a member', (p) => p.informationSharingAgreement.signatories.push({ agency: 'fire', signedOn: '2026-02-01', signedBy: 'Chief Fire Officer' }), ['/informationSharingAgreement/signatories/6/agency']],
        ['an agency signing twice', (p) => p.informationSharingAgreement.signatories.push({ agency: 'police', signedOn: '2026-02-01', signedBy: 'Chief Constable' }), ['/informationSharingAgreement/signatories/6/agency']],
        ['a signature before the agreement was made', (p) => (p.informationSharingAgreement.signatories[1].signedOn = '2025-12-01'), ['/informationSharingAgreement/signatories/1/signedOn']],
        ['sight given to an agency that has not signed', (p) => (p.informationSharingAgreement.visibility.agencies['youth-justice'] = ['general']), ['/informationSharingAgreement/visibility/agencies/youth-justice']],
        ['a financial year that is not two consecutive years', (p) => (p.funding[0].financialYear = '2026-28'), ['/funding/0/financialYear']],
        ['an agency and year listed twice', (p) => (p.funding[1].agency = 'police'), ['/funding/1']],
      ],
    ],
  ])('refuses, at the path of each bad field: %s', (_, cases) => {
    it.each(cases)('%s', (_name, change, paths) => {
      const policy = valid() as HubPolicyDocument & Record<string, unknown>;
      change(policy);
      expect(validateHubPolicy(policy).valid).toBe(false);
      expect(problemPaths(policy)).toEqual(paths);
    });
  });

  it.each([null, [], 'a policy', 42])('refuses %p at the root', (document) => {
    expect(problemPaths(document)).toEqual(['']);
  });

  it('reports every semantic problem at once', () => {
    const policy = valid();
    policy.ragLevels[1].code = 'red';
    policy.calendar.timeZone = 'Mars/Olympus';
    policy.delegates.push({ userId: 'mia', name: 'Mia Okafor' });
    expect(problemPaths(policy)).toEqual(['/delegates/1/userId', '/ragLevels/1/code', '/calendar/timeZone']);
  });

  it('gives only the shape problems while the shape is wrong, as the other rules read that shape', () => {
    const policy = valid();
    policy.ragLevels[1].code = 'red';
    (policy as { scope: string }).scope = 'all';
    expect(problemPaths(policy)).toEqual(['/scope']);
  });

  it('never repeats the value written in a reason', () => {
    const marker = 'Jane-Doe-1970-01-01';
    const policy = valid() as unknown as Record<string, Record<string, unknown>>;
    policy.calendar.timeZone = marker;
    const shaped = valid() as unknown as Record<string, unknown>;
    shaped.scope = marker;
    shaped[marker] = marker;
    const reasons = [policy, shaped].flatMap((document) => {
      const result = validateHubPolicy(document);
      return result.valid ? [] : result.problems.map((problem) => problem.reason);
    });
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    for (const reason of reasons) expect(reason).not.toContain(marker);
  });
});
