import { REFERRAL_EVENT_TYPES, type ReferralEventType } from '@app/domain';
import { REFERRAL_INTEGRATION_TYPES } from './referral-integration-events';
import { toIntegrationEvent } from './to-integration-event';
import { PRIVATE, allRecordedExamples, recordedLifecycleExamples } from '../testing/recorded-lifecycle-events';

/** Domain event types kept out of the public contract on purpose (none today). */
const NOT_PUBLISHED: readonly ReferralEventType[] = [];

const examples = recordedLifecycleExamples();
const first = <Type extends ReferralEventType>(type: Type) => toIntegrationEvent(examples[type][0]);
const data = (type: ReferralEventType, index = 0) => toIntegrationEvent(examples[type][index])?.data;

describe('toIntegrationEvent over the referral lifecycle', () => {
  it('publishes every domain event type, or leaves it out deliberately', () => {
    for (const type of REFERRAL_EVENT_TYPES) {
      expect([type, first(type) !== undefined]).toEqual([type, !NOT_PUBLISHED.includes(type)]);
    }
  });

  it('gives each published domain event type its own integration type', () => {
    const published = REFERRAL_EVENT_TYPES.filter((type) => !NOT_PUBLISHED.includes(type)).map((type) => first(type)?.type);
    expect([...published].sort()).toEqual(Object.values(REFERRAL_INTEGRATION_TYPES).sort());
  });

  it('keeps the envelope: event id, referral, stream version and policy version of the stored event', () => {
    expect(first('DecisionAuthorised')).toMatchObject({
      id: '0b9f3c1e-1111-4a2b-8c3d-000000000007',
      type: 'mash.referral.decision-authorised.v1',
      referralId: examples.DecisionAuthorised[0].data.referralId,
      streamVersion: 7,
      position: '9007199254740999',
      policyVersion: 3,
    });
  });

  describe('never publishes free text or the referrer contact', () => {
    it('the examples do hold private text, so the check below means something', () => {
      const withText = allRecordedExamples().filter((e) => JSON.stringify(e.data).includes(PRIVATE));
      expect(new Set(withText.map((e) => e.type)).size).toBeGreaterThanOrEqual(12);
    });

    it.each(allRecordedExamples().map((e) => [`${e.type} v${e.streamVersion}`, e] as const))('%s', (_name, recorded) => {
      const text = JSON.stringify(toIntegrationEvent(recorded));
      expect(text).not.toContain(PRIVATE);
      expect(text).not.toContain('private-text');
    });
  });

  it('tells who an escalation notifies by role and agency, null where no agency', () => {
    expect(data('TriageEscalated')).toEqual({
      level: 2,
      notified: [
        { role: 'service-manager', agency: 'social-care' },
        { role: 'hub-accountable-manager', agency: null },
      ],
      escalatedAt: '2025-01-08T09:00:00.000Z',
      nextEscalationAt: null,
    });
    expect(data('ActionEscalated')).toMatchObject({
      actionId: 'a1',
      owningAgency: 'police',
      notified: [{ role: 'strategic-lead', agency: null }],
    });
  });

  it('publishes the triage decision and who took it, without the rationale', () => {
    expect(data('TriageDecisionRecorded')).toEqual({
      rag: 'red',
      decision: 'mash-enquiry',
      decidedAt: '2025-01-06T11:00:00.000Z',
      by: { userId: 'practitioner-7', agency: 'social-care' },
    });
  });

  it('publishes that an agency answered, whether late, its sharing decision and basis, without the summary or purpose', () => {
    expect(data('InformationProvided')).toEqual({
      agency: 'health',
      responseId: 'health-1',
      providedAt: '2025-01-08T13:00:00.000Z',
      dueAt: '2025-01-08T12:00:00.000Z',
      late: true,
      addition: false,
      by: { userId: 'health-officer', agency: 'health' },
      sharing: 'shared',
      sensitivity: 'restricted',
      lawfulBasis: 'uk-gdpr-art-9-2-g-dpa-2018-sch-1-para-18',
    });
  });

  it('publishes "held, not shared" with its basis and no sensitivity, without the reason', () => {
    expect(data('InformationProvided', 1)).toMatchObject({ agency: 'police', late: false, sharing: 'held-not-shared', sensitivity: null, lawfulBasis: 'crime-and-disorder-act-1998-s115' });
  });

  it('publishes a response recorded before sharing decisions as shared, general, basis not recorded', () => {
    expect(data('InformationProvided', 2)).toMatchObject({ agency: 'social-care', sharing: 'shared', sensitivity: 'general', lawfulBasis: 'not-recorded' });
  });

  it('closes information gathering by nobody (null) when every agency answered', () => {
    expect(data('InformationGatheringClosed', 0)).toEqual({ early: false, unanswered: [], closedAt: '2025-01-08T13:00:00.000Z', by: null });
    expect(data('InformationGatheringClosed', 1)).toEqual({
      early: true,
      unanswered: ['education', 'housing'],
      closedAt: '2025-01-08T13:00:00.000Z',
      by: { userId: 'practitioner-7', agency: 'social-care' },
    });
  });

  it('publishes a strategy discussion by agencies only, and its actions without reminder times', () => {
    expect(data('StrategyDiscussionHeld')).toEqual({
      heldAt: '2025-01-09T10:00:00.000Z',
      minutesSinceReferral: 4485,
      attendingAgencies: ['police', 'social-care'],
      absentAgencies: ['education'],
      decision: 'section-47-enquiry',
      actions: [
        { actionId: 'a1', description: 'joint visit', owningAgency: 'police', dueAt: '2025-01-10T12:00:00.000Z' },
        { actionId: 'a2', description: 'health assessment', owningAgency: 'health', dueAt: '2025-01-14T12:00:00.000Z' },
      ],
      by: { userId: 'practitioner-7', agency: 'social-care' },
    });
  });

  it('publishes that the referrer was told, without their name or email', () => {
    expect(data('ReferrerNotified')).toEqual({ about: 'outcome', decision: 'section-47-enquiry', notifiedAt: '2025-01-09T12:00:01.000Z' });
  });

  it('flattens a resolved challenge, with null for the branch not taken', () => {
    const by = { userId: 'manager-2', agency: 'social-care' };
    const resolvedAt = '2025-01-21T09:00:00.000Z';
    expect(data('ChallengeResolved', 0)).toEqual({ upheld: true, resumes: 'Closed', reopens: null, triageDueAt: null, resolvedAt, by });
    expect(data('ChallengeResolved', 1)).toEqual({
      upheld: false,
      resumes: null,
      reopens: 'AwaitingTriage',
      triageDueAt: '2025-01-22T09:00:00.000Z',
      resolvedAt,
      by,
    });
    expect(data('ChallengeResolved', 2)).toEqual({
      upheld: false,
      resumes: null,
      reopens: 'StrategyDiscussion',
      triageDueAt: null,
      resolvedAt,
      by,
    });
  });

  it('leaves out the completion note, the cancellation reason and the challenge reason', () => {
    expect(data('ActionCompleted')).toEqual({
      actionId: 'a1',
      completedAt: '2025-01-16T09:00:00.000Z',
      late: true,
      by: { userId: 'pc-12', agency: 'police' },
    });
    expect(data('ActionCancelled')).toEqual({
      actionId: 'a2',
      cancelledAt: '2025-01-12T09:00:00.000Z',
      by: { userId: 'practitioner-7', agency: 'social-care' },
    });
    expect(data('ChallengeRaised')).toEqual({
      outcome: 'no-further-action',
      raisedAt: '2025-01-20T09:00:00.000Z',
      by: { userId: 'pc-12', agency: 'police' },
    });
  });
});
