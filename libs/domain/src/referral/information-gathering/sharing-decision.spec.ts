import {
  authorise,
  awaitingTriageAuthorisation,
  gathering,
  historyOfFrom,
  meta,
  policy,
  referralId,
  spec,
} from '../../testing/referral/lifecycle-fixtures';
import type { ReferralCommand } from '../referral.commands';
import type { ReferralEvent } from '../referral.events';
import { evolve } from '../referral.evolve';
import { initialState } from '../referral.state';
import { SHARING_NOT_RECORDED, type RecordedSharing, type SharingDecision } from './sharing-decision';

const DUE = '2026-03-03T11:30:00.000Z';
const police = { userId: 'police-officer', agency: 'police' as const };
const answer = (sharing: unknown, summary?: string, now = '2026-03-02T14:00:00.000Z'): ReferralCommand => ({
  type: 'RecordInformationResponse',
  data: { referralId, agency: 'police', responseId: 'police-1', by: police, summary, sharing: sharing as SharingDecision },
  metadata: meta(now),
});
const shared = { decision: 'shared', sensitivity: 'sensitive', lawfulBasis: 'children-act-1989-s47', purpose: 'section 47 enquiry' } as const;
const held = { decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'a live police investigation would be prejudiced' } as const;
const providedEvent = (over: { summary?: string; sharing: RecordedSharing }, providedAt = '2026-03-02T14:00:00.000Z', late = false): ReferralEvent => ({
  type: 'InformationProvided',
  data: { referralId, agency: 'police', responseId: 'police-1', by: police, providedAt, dueAt: DUE, late, addition: false, ...over },
});
const escalate = (now: string): ReferralCommand => ({ type: 'EscalateInformationRequest', data: { referralId, agency: 'police' }, metadata: meta(now) });
const remind = (now: string): ReferralCommand => ({ type: 'RemindInformationRequest', data: { referralId, agency: 'police' }, metadata: meta(now) });

describe('the sharing decision on an information response', () => {
  describe('when agencies have been asked (amber: police and social care, due Tuesday 11:30)', () => {
    it('records what was shared with its sensitivity, lawful basis and purpose', () => {
      spec
        .given(gathering())
        .when(answer(shared, 'two call-outs for domestic abuse'))
        .then([providedEvent({ summary: 'two call-outs for domestic abuse', sharing: shared })]);
    });

    it('records "held, not shared" with its basis and reason, and no summary, as an answer on time', () => {
      spec.given(gathering()).when(answer(held)).then([providedEvent({ sharing: held })]);
    });

    it('records "held, not shared" after the due time as late', () => {
      spec
        .given(gathering())
        .when(answer(held, undefined, '2026-03-03T12:00:00.000Z'))
        .then([providedEvent({ sharing: held }, '2026-03-03T12:00:00.000Z', true)]);
    });

    it.each<[string, unknown, string | undefined, string]>([
      ['a share without a summary', shared, undefined, 'summary'],
      ['a share without a purpose', { ...shared, purpose: ' ' }, 'records', 'sharing.purpose'],
      ['a share at an unknown sensitivity', { ...shared, sensitivity: 'secret' }, 'records', 'sharing.sensitivity'],
      ['a share with no lawful basis', { ...shared, lawfulBasis: undefined }, 'records', 'sharing.lawfulBasis'],
      ["a share on 'none'", { ...shared, lawfulBasis: 'none' }, 'records', 'sharing.lawfulBasis'],
      ['a share on consent, which is not a basis here', { ...shared, lawfulBasis: 'consent' }, 'records', 'sharing.lawfulBasis'],
      ['"held, not shared" without a reason', { ...held, reason: '' }, undefined, 'sharing.reason'],
      ['"held, not shared" without a basis', { ...held, lawfulBasis: '' }, undefined, 'sharing.lawfulBasis'],
      ['"held, not shared" that carries a summary', held, 'what we hold', 'summary'],
      ['a decision that is neither', { ...shared, decision: 'maybe' }, 'records', 'sharing.decision'],
    ])('refuses %s', (_, sharing, summary, field) => {
      spec.given(gathering()).when(answer(sharing, summary)).thenRejects('REFERRAL.INVALID_INPUT', field);
    });

    it('records a response sent before sharing decisions existed (a replayed history) as sharing not recorded', () => {
      spec
        .given(gathering())
        .when(answer(undefined, 'police records'))
        .then([providedEvent({ summary: 'police records', sharing: { ...SHARING_NOT_RECORDED } })]);
    });
  });

  describe('when an agency has answered "held, not shared"', () => {
    const answeredHeld = () => historyOfFrom(gathering(), answer(held));

    it('is not reminded', () => {
      spec.given(answeredHeld()).when(remind('2026-03-03T09:30:00.000Z')).then([]);
    });

    it('is not escalated at the due time', () => {
      spec.given(answeredHeld()).when(escalate(DUE)).then([]);
    });
  });

  // Stored responses from before sharing decisions are upcast to this shape on read (libs/event-store/src/upcasting).
  describe('a response recorded before sharing decisions', () => {
    const legacy = providedEvent({ summary: 'police records', sharing: { ...SHARING_NOT_RECORDED } });

    it('evolves: the request counts as answered', () => {
      const state = [...gathering(), legacy].reduce(evolve, initialState());
      expect(state.status !== 'Empty' && state.requests.find((r) => r.agency === 'police')?.status).toBe('answered');
    });
  });
});

describe("the hub's information sharing agreement", () => {
  const requested = (events: ReferralEvent[]) => events.filter((e) => e.type === 'InformationRequested').map((e) => e.data.agency);
  const signedBy = (...signatories: ('police' | 'social-care' | 'health')[]) => policy({ sharingAgreement: { version: '4', signatories } });

  it('asks only the rated level\'s agencies that signed it', () => {
    const events = historyOfFrom(awaitingTriageAuthorisation(), authorise(undefined, undefined, signedBy('social-care', 'health')));
    expect(requested(events)).toEqual(['social-care']);
  });

  it('goes straight to the strategy discussion when no agency of the level signed', () => {
    const events = historyOfFrom(awaitingTriageAuthorisation(), authorise(undefined, undefined, signedBy('health')));
    expect(requested(events)).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'InformationGatheringClosed', data: { early: false, unanswered: [] } });
  });

  it('asks every agency of the level under a policy recorded before agreements were part of it', () => {
    const { sharingAgreement: _, ...older } = policy();
    const events = historyOfFrom(awaitingTriageAuthorisation(), authorise(undefined, undefined, older as ReturnType<typeof policy>));
    expect(requested(events)).toEqual(['police', 'social-care']);
  });

  it('refuses an answer from an agency that was not asked because it had not signed', () => {
    const history = historyOfFrom(awaitingTriageAuthorisation(), authorise(undefined, undefined, signedBy('social-care')));
    spec.given(history).when(answer(shared, 'records')).thenRejects('REFERRAL.UNKNOWN_AGENCY', 'agency');
  });
});
