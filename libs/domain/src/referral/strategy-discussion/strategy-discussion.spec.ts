import {
  adultDataset,
  atStrategyDiscussion,
  begin,
  dataset,
  discussion,
  gathering,
  historyOfFrom,
  meta,
  policy,
  practitioner,
  received,
  referralId,
  respond,
  spec,
} from '../../testing/referral/lifecycle-fixtures';

const RECORDED = '2026-03-03T15:00:00.000Z';
const held = {
  type: 'StrategyDiscussionHeld' as const,
  data: {
    referralId,
    heldAt: '2026-03-03T14:00:00.000Z',
    minutesSinceReferral: 27 * 60 + 45,
    attendees: [
      { agency: 'police' as const, name: 'DS Grey', role: 'detective sergeant' },
      { agency: 'social-care' as const, name: 'Sue Park', role: 'team manager' },
    ],
    absences: [{ agency: 'health' as const, reason: 'GP surgery closed; written report supplied' }],
    decision: 'section-47-enquiry',
    rationale: 'threshold for significant harm met',
    actions: [
      {
        actionId: 'a1',
        description: 'joint visit',
        owningAgency: 'police' as const,
        dueAt: '2026-03-10T12:00:00.000Z',
        remindAt: '2026-03-09T12:00:00.000Z',
      },
      {
        actionId: 'a2',
        description: 'health assessment',
        owningAgency: 'health' as const,
        dueAt: '2026-03-10T14:00:00.000Z',
        remindAt: '2026-03-09T14:00:00.000Z',
      },
    ],
    by: practitioner,
    recordedAt: RECORDED,
    policyVersion: 7,
  },
};
const authorisationRequested = {
  type: 'AuthorisationRequested' as const,
  data: { referralId, kind: 'strategy' as const, requestedAt: RECORDED, dueAt: '2026-03-04T11:00:00.000Z', policyVersion: 7 },
};

describe('strategy discussion', () => {
  describe('when the referral awaits its strategy discussion', () => {
    it('records attendees, absences with reasons, the decision, actions with due times, and the time since referral; then awaits authorisation', () => {
      spec.given(atStrategyDiscussion()).when(discussion()).then([held, authorisationRequested]);
    });

    it('gives an action without a due time the policy default (5 working days from the discussion)', () => {
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ actions: [{ actionId: 'a2', description: 'health assessment', owningAgency: 'health' }] }))
        .then([{ ...held, data: { ...held.data, actions: [held.data.actions[1]] } }, authorisationRequested]);
    });

    it('accepts a discussion with no actions', () => {
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ actions: [], decision: 'no-further-action' }))
        .then([{ ...held, data: { ...held.data, actions: [], decision: 'no-further-action' } }, authorisationRequested]);
    });

    it.each(['police', 'social-care', 'health'] as const)(
      'refuses a discussion where core agency %s neither attended nor gave a reason',
      (agency) => {
        const attendees = held.data.attendees.filter((a) => a.agency !== agency);
        const absences = held.data.absences.filter((a) => a.agency !== agency);
        spec
          .given(atStrategyDiscussion())
          .when(discussion({ attendees, absences }))
          .thenRejects('REFERRAL.CORE_AGENCY_MISSING', 'attendees');
      },
    );

    it('names the missing agency', () => {
      expect(() => historyOfFrom(atStrategyDiscussion(), discussion({ absences: [] }))).toThrow(/health has a required place/);
    });

    it('refuses an absence without a reason', () => {
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ absences: [{ agency: 'health', reason: ' ' }] }))
        .thenRejects('REFERRAL.CORE_AGENCY_MISSING');
    });

    it("takes the hub's own core agencies from its policy", () => {
      const p = policy({ coreAgencies: ['police', 'social-care', 'health', 'education'] });
      const command = { ...discussion(), metadata: meta(RECORDED, p) };
      spec.given(atStrategyDiscussion()).when(command).thenRejects('REFERRAL.CORE_AGENCY_MISSING');
    });

    it('refuses a discussion without a rationale', () => {
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ rationale: '' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'rationale');
    });

    it('refuses an adult decision for a child', () => {
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ decision: 'section-42-enquiry' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'decision');
    });

    it('refuses a discussion dated in the future or before the referral', () => {
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ heldAt: '2026-03-03T15:00:01.000Z' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'heldAt');
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ heldAt: '2026-03-02T10:14:00.000Z' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'heldAt');
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ heldAt: 'yesterday' }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'heldAt');
    });

    it('refuses an action owned by an agency that is not a member of the hub', () => {
      const actions = [{ actionId: 'a1', description: 'visit', owningAgency: 'probation' as const }];
      spec.given(atStrategyDiscussion()).when(discussion({ actions })).thenRejects('REFERRAL.UNKNOWN_AGENCY', 'actions[0].owningAgency');
    });

    it('refuses two actions with the same id', () => {
      const actions = [
        { actionId: 'a1', description: 'visit', owningAgency: 'police' as const },
        { actionId: 'a1', description: 'call', owningAgency: 'health' as const },
      ];
      spec.given(atStrategyDiscussion()).when(discussion({ actions })).thenRejects('REFERRAL.INVALID_INPUT', 'actions[1].actionId');
    });

    it('refuses an action without a description', () => {
      spec
        .given(atStrategyDiscussion())
        .when(discussion({ actions: [{ actionId: 'a1', description: '', owningAgency: 'police' }] }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'actions[0].description');
    });

    it('refuses an action due before the discussion', () => {
      const actions = [{ actionId: 'a1', description: 'visit', owningAgency: 'police' as const, dueAt: '2026-03-03T13:00:00.000Z' }];
      spec.given(atStrategyDiscussion()).when(discussion({ actions })).thenRejects('REFERRAL.INVALID_INPUT', 'actions[0].dueAt');
    });

    it('accepts adult decisions for an adult', () => {
      const adultAtDiscussion = historyOfFrom([received(adultDataset())], begin(), {
        type: 'RecordTriageDecision',
        data: { referralId, rag: 'blue', decision: 'section-42-enquiry', rationale: 'r', by: practitioner },
        metadata: meta('2026-03-03T15:00:00.000Z'),
      });
      const authorised = historyOfFrom(adultAtDiscussion, {
        type: 'AuthoriseDecision',
        data: { referralId, by: { userId: 'mia', agency: 'social-care' }, rationale: 'agreed' },
        metadata: meta('2026-03-03T15:00:00.000Z'),
      });
      spec
        .given(authorised)
        .when(discussion({ decision: 'section-42-enquiry' }, '2026-03-03T16:00:00.000Z'))
        .then([
          expect.objectContaining({ type: 'StrategyDiscussionHeld', data: expect.objectContaining({ decision: 'section-42-enquiry' }) }),
          expect.objectContaining({ type: 'AuthorisationRequested' }),
        ]);
    });
  });

  describe('when immediate risk brought the referral here with requests still open', () => {
    it('closes gathering, naming the agencies that never answered, before recording the discussion', () => {
      const immediate = historyOfFrom([received(dataset({ immediateRisk: true }))], begin(), respond('police', '2026-03-02T11:00:00.000Z'));
      spec
        .given(immediate)
        .when(discussion({ heldAt: '2026-03-02T12:00:00.000Z' }, '2026-03-02T12:30:00.000Z'))
        .then([
          {
            type: 'InformationGatheringClosed',
            data: {
              referralId,
              early: true,
              unanswered: ['social-care', 'health'],
              closedAt: '2026-03-02T12:30:00.000Z',
              by: practitioner,
              rationale: 'strategy discussion held',
            },
          },
          expect.objectContaining({ type: 'StrategyDiscussionHeld', data: expect.objectContaining({ minutesSinceReferral: 105 }) }),
          expect.objectContaining({ type: 'AuthorisationRequested' }),
        ]);
    });
  });

  describe('when information is still being gathered', () => {
    it('refuses to record the discussion until gathering is closed', () => {
      spec.given(gathering()).when(discussion()).thenRejects('REFERRAL.WRONG_STAGE');
    });
  });
});
