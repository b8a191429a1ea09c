import { toReferralStatusView, toReferralView } from './referral-summary.query';

type Row = Parameters<typeof toReferralView>[0];

const request = {
  agency: 'police' as const,
  rag: 'amber',
  requestedAt: '2025-01-06T12:00:00.000Z',
  dueAt: '2025-01-07T12:00:00.000Z',
  status: 'answered' as const,
  answeredAt: '2025-01-07T14:00:00.000Z',
  late: true,
  escalationLevel: 1,
  nextEscalationAt: null,
  remindedAt: '2025-01-07T08:00:00.000Z',
};
const action = {
  actionId: 'a-1',
  description: 'Joint visit',
  owningAgency: 'police' as const,
  dueAt: '2025-01-10T10:00:00.000Z',
  status: 'open' as const,
  completedAt: null,
  cancelledAt: null,
  late: null,
  escalationLevel: 0,
  nextEscalationAt: '2025-01-10T10:00:00.000Z',
  remindedAt: null,
};

const received: Row = {
  referral_id: '6f1c2a4e-5b7d-4c1e-9a3f-2d8e7b6c5a41',
  hub_id: 'north-mash',
  stage: 'received',
  subject_type: 'child',
  subject_display_name: 'Sam Example',
  subject_date_of_birth: '2021-03-02',
  subject_age_band: null,
  referrer_agency: 'health',
  concern_categories: ['neglect'],
  immediate_risk: false,
  household_size: 3,
  received_at: new Date('2025-01-06T09:15:00.000Z'),
  triage_awaited_since: null,
  rag: null,
  triage_due_at: null,
  triage_escalation_level: 0,
  triage_next_escalation_at: null,
  decision_source: null,
  decision_code: null,
  decision_status: null,
  decision_decided_at: null,
  decision_decided_by_user_id: null,
  decision_decided_by_agency: null,
  decision_authorised_at: null,
  decision_authorised_by_user_id: null,
  decision_authorised_by_agency: null,
  decision_returned_at: null,
  decision_returned_by_user_id: null,
  decision_returned_by_agency: null,
  authorisation_kind: null,
  authorisation_requested_at: null,
  authorisation_due_at: null,
  authorisation_escalation_level: null,
  authorisation_next_escalation_at: null,
  information_requests: [],
  actions: [],
  strategy_discussion_due_at: null,
  strategy_discussion_held_at: null,
  strategy_discussion_minutes_since_referral: null,
  outcome_decision: null,
  outcome_source: null,
  outcome_decided_at: null,
  closed_at: null,
  challengeable_until: null,
  challenge_raised_at: null,
  challenge_resolved_at: null,
  challenge_upheld: null,
  submitted_by: 'u-referrer',
};

const followingUp: Row = {
  ...received,
  stage: 'action-follow-up',
  triage_awaited_since: new Date('2025-01-06T09:16:00.000Z'),
  rag: 'amber',
  decision_source: 'strategy',
  decision_code: 'section-47-enquiry',
  decision_status: 'authorised',
  decision_decided_at: new Date('2025-01-08T10:00:00.000Z'),
  decision_decided_by_user_id: 'u-practitioner',
  decision_decided_by_agency: 'social-care',
  decision_authorised_at: new Date('2025-01-08T11:00:00.000Z'),
  decision_authorised_by_user_id: 'u-manager',
  decision_authorised_by_agency: 'social-care',
  information_requests: [{ ...request, somethingLater: 'not shown' } as typeof request],
  actions: [action],
  strategy_discussion_held_at: new Date('2025-01-08T10:00:00.000Z'),
  strategy_discussion_minutes_since_referral: 2925,
  outcome_decision: 'section-47-enquiry',
  outcome_source: 'strategy',
  outcome_decided_at: new Date('2025-01-08T11:00:00.000Z'),
};

describe('the referral view read from referral_summary', () => {
  it('a referral just received shows nothing decided, waiting or asked', () => {
    expect(toReferralView(received)).toMatchObject({
      stage: 'received',
      rag: null,
      triage: { awaitedSince: null, dueAt: null, escalationLevel: 0, nextEscalationAt: null },
      decision: null,
      authorisation: null,
      requests: [],
      strategyDiscussion: null,
      actions: [],
      outcome: null,
      closedAt: null,
      challengeableUntil: null,
      challenge: null,
    });
  });

  it('a referral in follow-up shows its authorised decision, requests, discussion, actions and outcome', () => {
    expect(toReferralView(followingUp)).toMatchObject({
      stage: 'action-follow-up',
      rag: 'amber',
      decision: {
        source: 'strategy',
        decision: 'section-47-enquiry',
        status: 'authorised',
        decidedAt: '2025-01-08T10:00:00.000Z',
        decidedBy: { userId: 'u-practitioner', agency: 'social-care' },
        authorisedAt: '2025-01-08T11:00:00.000Z',
        authorisedBy: { userId: 'u-manager', agency: 'social-care' },
        returnedAt: null,
        returnedBy: null,
      },
      requests: [request],
      strategyDiscussion: { dueAt: null, heldAt: '2025-01-08T10:00:00.000Z', minutesSinceReferral: 2925 },
      actions: [action],
      outcome: { decision: 'section-47-enquiry', source: 'strategy', decidedAt: '2025-01-08T11:00:00.000Z' },
    });
  });

  it('shows what waits for a manager', () => {
    const waiting: Row = {
      ...received,
      stage: 'awaiting-authorisation',
      authorisation_kind: 'triage',
      authorisation_requested_at: new Date('2025-01-06T11:00:00.000Z'),
      authorisation_due_at: new Date('2025-01-06T15:00:00.000Z'),
      authorisation_escalation_level: 1,
      authorisation_next_escalation_at: new Date('2025-01-06T17:00:00.000Z'),
    };
    expect(toReferralView(waiting).authorisation).toEqual({
      kind: 'triage',
      requestedAt: '2025-01-06T11:00:00.000Z',
      dueAt: '2025-01-06T15:00:00.000Z',
      escalationLevel: 1,
      nextEscalationAt: '2025-01-06T17:00:00.000Z',
    });
  });

  it("a referrer's status view tells the stage and outcome, nothing of the case", () => {
    const closed = { ...followingUp, stage: 'closed' as const, closed_at: new Date('2025-01-10T12:00:00.000Z') };
    expect(toReferralStatusView(toReferralView(closed))).toEqual({
      referralId: received.referral_id,
      hubId: 'north-mash',
      stage: 'closed',
      receivedAt: '2025-01-06T09:15:00.000Z',
      outcome: 'section-47-enquiry',
      closedAt: '2025-01-10T12:00:00.000Z',
    });
    expect(toReferralStatusView(toReferralView(received))).toMatchObject({ outcome: null, closedAt: null });
  });
});
