import { authorise, begin, dataset, historyOfFrom, received, referralId, spec, triage } from '../testing/referral/lifecycle-fixtures';
import { hasSignedSharingAgreement, mostSevereLevel, ragLevel, isAuthoriser } from './lifecycle-policy';
import { nationalDefaultLifecyclePolicy } from './national-default-lifecycle-policy';

describe('the national default lifecycle policy', () => {
  const policy = nationalDefaultLifecyclePolicy('northshire', 'mia');

  it('asks red in 4 working hours, amber in 1 working day, green in 3 working days', () => {
    expect(policy.ragLevels.map((l) => [l.code, l.informationRequestTimescale])).toEqual([
      ['red', { workingHours: 4 }],
      ['amber', { workingDays: 1 }],
      ['green', { workingDays: 3 }],
    ]);
    expect(mostSevereLevel(policy).code).toBe('red');
    expect(ragLevel(policy, 'blue')).toBeUndefined();
  });

  it("decides children's triage within one working day and names police, social care and health as core", () => {
    expect(policy.triageTimescale.child).toEqual({ workingDays: 1 });
    expect(policy.coreAgencies).toEqual(['police', 'social-care', 'health']);
  });

  it("is version 0, so a decision under it is told apart from one under a hub's first published version", () => {
    expect(policy.policyVersion).toBe(0);
  });

  it('is for the hub it was made for, with its accountable manager as the one authoriser', () => {
    expect(policy.hubId).toBe('northshire');
    expect(isAuthoriser(policy, 'mia')).toBe(true);
    expect(isAuthoriser(policy, 'someone-else')).toBe(false);
  });

  it('leaves no one to authorise a decision its one authoriser recorded: decisions are for practitioners to record', () => {
    const mia = { userId: 'mia', agency: 'social-care' as const };
    spec
      .given(historyOfFrom([received()], begin(undefined, policy), triage({ by: mia }, undefined, policy)))
      .when(authorise(undefined, mia, policy))
      .thenRejects('REFERRAL.NOT_ALLOWED', 'by.userId');
  });

  it('times an immediate-risk request received on a Friday afternoon in London over the weekend', () => {
    const at = '2026-03-06T15:00:00.000Z'; // 15:00 GMT
    spec
      .given([received(dataset({ immediateRisk: true }), at)])
      .when(begin(at, policy))
      .then([
        expect.objectContaining({
          type: 'StrategyDiscussionScheduled',
          data: expect.objectContaining({ dueAt: '2026-03-07T15:00:00.000Z' }),
        }),
        ...['police', 'social-care', 'health', 'education'].map((agency) =>
          expect.objectContaining({
            type: 'InformationRequested',
            data: {
              referralId,
              agency,
              rag: 'red',
              requestedAt: at,
              dueAt: '2026-03-09T11:00:00.000Z',
              remindAt: '2026-03-09T10:00:00.000Z',
              policyVersion: 0,
            },
          }),
        ),
      ]);
  });
});

describe('the national default sharing agreement', () => {
  it('has no agreement document and counts every member agency as signed, so every agency of a level is asked', () => {
    const policy = nationalDefaultLifecyclePolicy('northshire', 'mia');
    expect(policy.sharingAgreement).toEqual({ version: null, signatories: policy.memberAgencies });
    for (const level of policy.ragLevels) expect(level.agencies.every((agency) => hasSignedSharingAgreement(policy, agency))).toBe(true);
  });
});
