import { referralWorkflowId } from './referral-lifecycle.contract';

describe('referralWorkflowId', () => {
  it('derives the workflow id from the referral id alone', () => {
    expect(referralWorkflowId('6f1c2a4e-9b7d-4c3e-8a1f-2d5e6b7c8d9e')).toBe('referral-6f1c2a4e-9b7d-4c3e-8a1f-2d5e6b7c8d9e');
  });

  it('gives different referrals different workflow ids', () => {
    expect(referralWorkflowId('a')).not.toBe(referralWorkflowId('b'));
  });
});
