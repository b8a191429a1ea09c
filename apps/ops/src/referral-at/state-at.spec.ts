import type { RecordedEvent } from '@app/event-store';
import { eventsUpTo, lifecycleView, personalData, stateOf } from './state-at';

const referralId = '6f1c2a4e-9b7d-4c3e-8a1f-2d5e6b7c8d9e';
let position = 40n;

function recorded(streamVersion: number, type: string, data: object, recordedAt: string): RecordedEvent {
  position += 3n; // other streams' events in between
  return {
    eventId: `00000000-0000-4000-8000-00000000000${streamVersion}`,
    streamId: `referral-${referralId}`,
    streamVersion,
    hubId: 'hub-a',
    type,
    schemaVersion: 1,
    data: { referralId, ...data },
    metadata: { actor: 'test', agency: 'police', hubId: 'hub-a', correlationId: 'c-1', causationId: null },
    recordedAt: new Date(recordedAt),
    position: { transactionId: position, globalPosition: position },
  };
}

const stream = [
  recorded(
    1,
    'ReferralReceived',
    {
      hubId: 'hub-a',
      receivedAt: '2026-11-20T09:00:00.000Z',
      referrer: { name: 'PC Invented', agency: 'police', email: 'pc@example.invalid' },
      subject: { type: 'child', givenName: 'Sam', familyName: 'Example', dateOfBirth: '2016-05-04' },
      householdMembers: [{ givenName: 'Alex', familyName: 'Example', relationship: 'mother' }],
      concernCategories: ['neglect'],
      immediateRisk: false,
      consent: { status: 'given', familyAware: true },
      narrative: 'Invented for a test.',
    },
    '2026-11-20T09:00:00.000Z',
  ),
  recorded(2, 'TriageAwaited', { since: '2026-11-20T09:00:01.000Z', dueAt: '2026-11-21T09:00:00.000Z' }, '2026-11-20T09:00:01.000Z'),
  recorded(
    3,
    'TriageDecisionRecorded',
    { rag: 'amber', decision: 'gather-information', rationale: 'Sam was seen at school with bruises', by: { userId: 'pat', agency: 'social-care' }, decidedAt: '2026-11-20T11:00:00.000Z', policyVersion: 1 },
    '2026-11-20T11:00:00.000Z',
  ),
];
const [, awaited, decided] = stream;

describe('a referral at a moment', () => {
  describe('events up to a time', () => {
    it('takes the events recorded at or before it', () => {
      expect(eventsUpTo(stream, { at: new Date('2026-11-20T10:00:00Z') }).map((e) => e.streamVersion)).toEqual([1, 2]);
      expect(eventsUpTo(stream, { at: decided.recordedAt })).toHaveLength(3);
    });

    it('takes none before the referral was received', () => {
      expect(eventsUpTo(stream, { at: new Date('2026-11-19T00:00:00Z') })).toEqual([]);
    });
  });

  describe('events up to a global position', () => {
    it('takes the events at or below it, also when the position falls between two of them', () => {
      expect(eventsUpTo(stream, { position: awaited.position.globalPosition })).toHaveLength(2);
      expect(eventsUpTo(stream, { position: awaited.position.globalPosition + 1n })).toHaveLength(2);
      expect(eventsUpTo(stream, { position: 10_000n })).toHaveLength(3);
    });
  });

  describe('the state', () => {
    it('between two events is the state after the earlier one', () => {
      const state = stateOf(eventsUpTo(stream, { at: new Date('2026-11-20T10:00:00Z') }));
      expect(state).toMatchObject({ status: 'AwaitingTriage', rag: null, decision: null, triageClock: { dueAt: '2026-11-21T09:00:00.000Z' } });
    });

    it('is Empty before any event', () => {
      expect(lifecycleView(stateOf([]))).toEqual({ status: 'Empty' });
    });

    it('refuses an event type the decider does not know', () => {
      expect(() => stateOf([...stream, recorded(4, 'SomethingNew', {}, '2026-11-20T12:00:00Z')])).toThrow(/unknown event type SomethingNew/);
    });
  });

  describe('what is printed', () => {
    const state = stateOf(stream);

    it('by default: the lifecycle, with nothing about a person or what was said', () => {
      const view = lifecycleView(state);
      expect(view).toMatchObject({ status: 'AwaitingTriage', rag: 'amber', decision: { source: 'triage', decision: 'gather-information' } });
      const printed = JSON.stringify(view);
      for (const personal of ['Sam', 'Example', 'Alex', 'PC Invented', 'pc@example.invalid', 'bruises', 'Invented for a test', '2016-05-04']) {
        expect(printed).not.toContain(personal);
      }
    });

    it('with personal data: subject, household, narrative, referrer and rationale', () => {
      expect(personalData(state, stream)).toMatchObject({
        subject: { givenName: 'Sam' },
        householdMembers: [{ givenName: 'Alex' }],
        narrative: 'Invented for a test.',
        referrer: { name: 'PC Invented' },
        decisionRationale: 'Sam was seen at school with bruises',
      });
    });
  });
});
