import { minimalReferralRequest, validReferralRequest, withField } from '../../../../../test/support/referral-request';
import { validateRequest } from '../../http/request-validation.pipe';
import { toReferralDataset } from './referral-dataset.mapper';
import { SubmitReferralRequest } from './submit-referral.request.dto';

const datasetOf = async (body: unknown) => toReferralDataset(await validateRequest(SubmitReferralRequest, body));

describe('toReferralDataset', () => {
  it('carries every field of a full request except the hub id', async () => {
    const body = validReferralRequest();
    const { hubId: _, ...expected } = body;
    expected.subject.address.postcode = 'SW1A 1AA';
    expect(await datasetOf(body)).toEqual(expected);
  });

  it('gives an empty household when none was sent', async () => {
    expect((await datasetOf(minimalReferralRequest())).householdMembers).toEqual([]);
  });

  it('drops optional fields sent as null', async () => {
    const dataset = await datasetOf(withField(withField(validReferralRequest(), 'referrer.role', null), 'subject.address', null));
    expect(dataset.referrer).not.toHaveProperty('role');
    expect(dataset.subject).not.toHaveProperty('address');
  });

  it('writes postcodes in capitals', async () => {
    const dataset = await datasetOf(withField(validReferralRequest(), 'subject.address.postcode', 'sw1a 1aa'));
    expect(dataset.subject.address?.postcode).toBe('SW1A 1AA');
  });
});
