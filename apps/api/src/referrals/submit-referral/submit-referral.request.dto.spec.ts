import { minimalReferralRequest, validReferralRequest, withField } from '../../../../../test/support/referral-request';
import { ApiError, type FieldError } from '../../http/api-error';
import { validateRequest } from '../../http/request-validation.pipe';
import { SubmitReferralRequest } from './submit-referral.request.dto';

async function fieldErrorsOf(body: unknown): Promise<FieldError[]> {
  try {
    await validateRequest(SubmitReferralRequest, body);
  } catch (error) {
    if (error instanceof ApiError) return error.fieldErrors ?? [];
    throw error;
  }
  throw new Error('expected the request to be refused');
}

/** The single reason given for a field, failing when the field has none or several. */
async function reasonFor(body: unknown, field: string): Promise<string> {
  const errors = (await fieldErrorsOf(body)).filter((e) => e.field === field);
  expect(errors).toHaveLength(1);
  return errors[0].reason;
}

describe('SubmitReferralRequest validation', () => {
  describe('valid requests', () => {
    it('accepts a full referral and gives the DTO class with nested DTOs', async () => {
      const request = await validateRequest(SubmitReferralRequest, validReferralRequest());
      expect(request).toBeInstanceOf(SubmitReferralRequest);
      expect(request.subject.constructor.name).toBe('SubjectDto');
      expect(request.householdMembers?.[1].constructor.name).toBe('HouseholdMemberDto');
    });

    it('accepts the required fields alone, a child known by age band', async () => {
      await expect(validateRequest(SubmitReferralRequest, minimalReferralRequest())).resolves.toBeInstanceOf(SubmitReferralRequest);
    });

    it('accepts an adult with neither date of birth nor age band', async () => {
      const body = withField(withField(minimalReferralRequest(), 'subject.ageBand', undefined), 'subject.type', 'adult');
      await expect(validateRequest(SubmitReferralRequest, body)).resolves.toBeDefined();
    });

    it('accepts null for optional fields', async () => {
      const body = withField(withField(validReferralRequest(), 'referrer.role', null), 'subject.address', null);
      await expect(validateRequest(SubmitReferralRequest, body)).resolves.toBeDefined();
    });

    it.each(['sw1a1aa', 'SW1A 1AA', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA'])('accepts the UK postcode %s', async (postcode) => {
      const body = withField(validReferralRequest(), 'subject.address.postcode', postcode);
      await expect(validateRequest(SubmitReferralRequest, body)).resolves.toBeDefined();
    });

    it('accepts line breaks in the narrative and a narrative of exactly 20000 characters', async () => {
      const body = withField(validReferralRequest(), 'narrative', `first line\n${'x'.repeat(20000 - 11)}`);
      await expect(validateRequest(SubmitReferralRequest, body)).resolves.toBeDefined();
    });
  });

  describe('the body as a whole', () => {
    it.each([
      ['an array', [validReferralRequest()]],
      ['null', null],
      ['a string', 'referral'],
      ['a number', 42],
    ])('refuses %s with a 400 about the body', async (_, body) => {
      const promise = validateRequest(SubmitReferralRequest, body);
      await expect(promise).rejects.toMatchObject({ code: 'REQUEST.INVALID', message: 'request body must be a JSON object' });
    });

    it('names every missing required field of an empty object', async () => {
      const fields = (await fieldErrorsOf({})).map((e) => e.field);
      expect(fields).toEqual(['hubId', 'referrer', 'subject', 'concernCategories', 'immediateRisk', 'consent', 'narrative']);
      expect(new Set((await fieldErrorsOf({})).map((e) => e.reason))).toEqual(new Set(['is required']));
    });

    it('reports several bad fields at once, each with its path', async () => {
      let body = withField(validReferralRequest(), 'referrer.agency', 'army');
      body = withField(body, 'subject.dateOfBirth', '2015-02-30');
      body = withField(body, 'householdMembers.1.givenName', '');
      expect((await fieldErrorsOf(body)).map((e) => e.field)).toEqual([
        'referrer.agency',
        'subject.dateOfBirth',
        'householdMembers[1].givenName',
      ]);
    });

    it('counts the bad fields in the message', async () => {
      const promise = validateRequest(SubmitReferralRequest, withField(validReferralRequest(), 'narrative', ''));
      await expect(promise).rejects.toMatchObject({ message: '1 field is invalid' });
    });
  });

  describe('unknown fields', () => {
    it.each([
      ['status', 'status'],
      ['subject.nhsNumberGuess', 'subject.nhsNumberGuess'],
      ['subject.address.country', 'subject.address.country'],
      ['householdMembers.0.age', 'householdMembers[0].age'],
      ['consent.signedBy', 'consent.signedBy'],
    ])('refuses %s, naming it', async (path, field) => {
      expect(await reasonFor(withField(validReferralRequest(), path, 'x'), field)).toBe('is not a field of this request');
    });
  });

  describe('wrong types', () => {
    it.each([
      ['immediateRisk', 'true', 'must be true or false'],
      ['immediateRisk', 1, 'must be true or false'],
      ['consent.familyAware', 'no', 'must be true or false'],
      ['narrative', 42, 'must be a string'],
      ['referrer.name', { first: 'Alex' }, 'must be a string'],
      ['subject', 'Sam Example', 'must be an object'],
      ['subject', [], 'must be an object'],
      ['referrer', null, 'is required'],
      ['subject.address', 'somewhere', 'must be an object'],
      ['householdMembers', { givenName: 'Jo' }, 'must be an array'],
      ['concernCategories', 'neglect', 'must be an array'],
    ])('refuses %s = %j: %s', async (path, value, reason) => {
      const field = path;
      expect(await reasonFor(withField(validReferralRequest(), path, value), field)).toBe(reason);
    });

    it('refuses a household member that is not an object, naming its index', async () => {
      const body = withField(validReferralRequest(), 'householdMembers', ['Jo Example']);
      expect(await reasonFor(body, 'householdMembers[0]')).toMatch(/object/);
    });
  });

  describe('text', () => {
    it.each([
      ['hubId', 'a'.repeat(64)],
      ['referrer.name', 'x'.repeat(201)],
      ['subject.givenName', 'x'.repeat(101)],
      ['subject.address.line1', 'x'.repeat(201)],
      ['householdMembers.0.relationship', 'x'.repeat(101)],
      ['consent.reason', 'x'.repeat(2001)],
      ['narrative', 'x'.repeat(20001)],
    ])('refuses %s over its maximum length', async (path, value) => {
      const field = path.replace(/\.(\d+)\./, '[$1].');
      expect(await reasonFor(withField(validReferralRequest(), path, value), field)).toMatch(/^(must be at most \d+ characters|must be a hub id.*)$/);
    });

    it.each(['', '   ', '\n\t'])('refuses a blank narrative (%j)', async (value) => {
      expect(await reasonFor(withField(validReferralRequest(), 'narrative', value), 'narrative')).toBe('must not be blank');
    });

    it('refuses control characters in a name', async () => {
      const reason = await reasonFor(withField(validReferralRequest(), 'subject.familyName', 'Exa\u0000mple'), 'subject.familyName');
      expect(reason).toBe('must be a single line without control characters');
    });

    it.each(['Exampleshire MASH', 'exampleshire_mash', '-mash', 'MASH'])('refuses the hub id %j', async (hubId) => {
      expect(await reasonFor(withField(validReferralRequest(), 'hubId', hubId), 'hubId')).toMatch(/hub id/);
    });

    it.each(['12345', 'SW1A', 'SW1A 1AAA', 'nopostcode', '1AA SW1'])('refuses the postcode %j', async (postcode) => {
      const reason = await reasonFor(withField(validReferralRequest(), 'subject.address.postcode', postcode), 'subject.address.postcode');
      expect(reason).toBe('must be a UK postcode such as SW1A 1AA');
    });

    it('refuses a malformed email and phone number', async () => {
      let body = withField(validReferralRequest(), 'referrer.email', 'not-an-email');
      body = withField(body, 'referrer.phone', 'call me');
      expect(await reasonFor(body, 'referrer.email')).toBe('must be an email address');
      expect(await reasonFor(body, 'referrer.phone')).toMatch(/phone number/);
    });
  });

  describe('dates', () => {
    it.each(['14/03/2015', '2015-3-14', '2015-02-30', '2015-13-01', '2015-00-10', '2023-02-29', '1850-01-01', '2015-03-14T00:00:00Z', ''])(
      'refuses the date of birth %j',
      async (date) => {
        const reason = await reasonFor(withField(validReferralRequest(), 'subject.dateOfBirth', date), 'subject.dateOfBirth');
        expect(reason).toBe('must be a real calendar date written YYYY-MM-DD, from 1900 on');
      },
    );

    it('accepts 29 February in a leap year', async () => {
      const body = withField(validReferralRequest(), 'subject.dateOfBirth', '2016-02-29');
      await expect(validateRequest(SubmitReferralRequest, body)).resolves.toBeDefined();
    });

    it("checks household members' dates of birth, naming the member", async () => {
      const body = withField(validReferralRequest(), 'householdMembers.0.dateOfBirth', '1985-06-31');
      expect(await reasonFor(body, 'householdMembers[0].dateOfBirth')).toMatch(/calendar date/);
    });

    it('needs a date of birth or an age band for a child', async () => {
      const body = withField(minimalReferralRequest(), 'subject.ageBand', undefined);
      expect(await reasonFor(body, 'subject.dateOfBirth')).toBe('is required for a child unless ageBand is given');
    });

    it('refuses an age band that does not exist', async () => {
      const reason = await reasonFor(withField(minimalReferralRequest(), 'subject.ageBand', '4-6'), 'subject.ageBand');
      expect(reason).toMatch(/^must be one of: unborn, 0-4/);
    });
  });

  describe('enumerations', () => {
    it.each([
      ['referrer.agency', 'army'],
      ['subject.type', 'teenager'],
      ['consent.status', 'yes'],
    ])('refuses %s = %j, listing the allowed values', async (path, value) => {
      expect(await reasonFor(withField(validReferralRequest(), path, value), path)).toMatch(/^must be one of: /);
    });
  });

  describe('lists', () => {
    it('needs at least one concern category', async () => {
      const reason = await reasonFor(withField(validReferralRequest(), 'concernCategories', []), 'concernCategories');
      expect(reason).toBe('must name at least one concern category');
    });

    it('refuses an unknown concern category', async () => {
      const reason = await reasonFor(withField(validReferralRequest(), 'concernCategories', ['neglect', 'bad-vibes']), 'concernCategories');
      expect(reason).toMatch(/^each entry must be one of: physical-abuse/);
    });

    it('refuses a concern category named twice', async () => {
      const reason = await reasonFor(withField(validReferralRequest(), 'concernCategories', ['neglect', 'neglect']), 'concernCategories');
      expect(reason).toBe('must not name an entry twice');
    });

    it('refuses more than 30 household members', async () => {
      const member = { givenName: 'A', familyName: 'B', relationship: 'cousin' };
      const body = withField(validReferralRequest(), 'householdMembers', Array.from({ length: 31 }, () => member));
      expect(await reasonFor(body, 'householdMembers')).toBe('must have at most 30 entries');
    });
  });

  describe('consent', () => {
    it.each(['refused', 'not-sought'])('needs a reason when consent was %s', async (status) => {
      const body = withField(withField(validReferralRequest(), 'consent.status', status), 'consent.reason', undefined);
      expect(await reasonFor(body, 'consent.reason')).toBe('is required when consent was refused or not sought');
    });

    it('does not need a reason when consent was given', async () => {
      const body = withField(withField(validReferralRequest(), 'consent.status', 'given'), 'consent.reason', undefined);
      await expect(validateRequest(SubmitReferralRequest, body)).resolves.toBeDefined();
    });
  });
});
