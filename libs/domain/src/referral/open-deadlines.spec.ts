import {
  atTriage,
  awaitingTriageAuthorisation,
  begin,
  closedAfterTriage,
  dataset,
  followingUpActions,
  gathering,
  historyOfFrom,
  meta,
  received,
  referralId,
  respond,
} from '../testing/referral/lifecycle-fixtures';
import { openDeadlines } from './open-deadlines';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import { evolve } from './referral.evolve';
import { initialState, isClosed } from './referral.state';

const stateOf = (events: ReferralEvent[]) => events.reduce(evolve, initialState());
const deadlinesOf = (events: ReferralEvent[]) => openDeadlines(stateOf(events));
const escalatePolice = (now: string): ReferralCommand => ({
  type: 'EscalateInformationRequest',
  data: { referralId, agency: 'police' },
  metadata: meta(now),
});

describe('openDeadlines and isClosed', () => {
  it('has nothing for a referral never received, or received but not begun', () => {
    expect(deadlinesOf([])).toEqual([]);
    expect(deadlinesOf([received()])).toEqual([]);
  });

  it('has nothing for triage awaited under the legacy step, which set no deadline', () => {
    expect(deadlinesOf([received(), { type: 'TriageAwaited', data: { referralId, since: '2026-03-02T10:16:00.000Z', dueAt: null, policyVersion: null } }])).toEqual([]);
  });

  it('gives the triage deadline, escalated when it passes', () => {
    expect(deadlinesOf(atTriage())).toEqual([
      {
        kind: 'triage',
        key: 'triage',
        dueAt: '2026-03-03T10:15:00.000Z',
        escalationLevel: 0,
        next: { command: 'EscalateTriage', at: '2026-03-03T10:15:00.000Z' },
      },
    ]);
  });

  it('gives the next rung once triage has escalated', () => {
    const escalated = historyOfFrom(atTriage(), {
      type: 'EscalateTriage',
      data: { referralId },
      metadata: meta('2026-03-03T10:15:00.000Z'),
    });
    expect(deadlinesOf(escalated)).toEqual([
      {
        kind: 'triage',
        key: 'triage',
        dueAt: '2026-03-03T10:15:00.000Z',
        escalationLevel: 1,
        next: { command: 'EscalateTriage', at: '2026-03-03T14:15:00.000Z' },
      },
    ]);
  });

  it('gives the authorisation deadline while a decision waits', () => {
    expect(deadlinesOf(awaitingTriageAuthorisation())).toEqual([
      {
        kind: 'authorisation',
        key: 'triage',
        dueAt: '2026-03-02T15:00:00.000Z',
        escalationLevel: 0,
        next: { command: 'EscalateAuthorisation', at: '2026-03-02T15:00:00.000Z' },
      },
    ]);
  });

  it('gives each open request with its reminder first, then its escalation', () => {
    const reminded = historyOfFrom(gathering(), {
      type: 'RemindInformationRequest',
      data: { referralId, agency: 'police' },
      metadata: meta('2026-03-03T09:30:00.000Z'),
    });
    expect(deadlinesOf(reminded)).toEqual([
      {
        kind: 'information-request',
        key: 'police',
        dueAt: '2026-03-03T11:30:00.000Z',
        escalationLevel: 0,
        next: { command: 'EscalateInformationRequest', at: '2026-03-03T11:30:00.000Z' },
      },
      {
        kind: 'information-request',
        key: 'social-care',
        dueAt: '2026-03-03T11:30:00.000Z',
        escalationLevel: 0,
        next: { command: 'RemindInformationRequest', at: '2026-03-03T09:30:00.000Z' },
      },
    ]);
  });

  it('drops a request once answered, and has no next timer once the ladder has run out', () => {
    const history = historyOfFrom(
      gathering(),
      respond('social-care'),
      escalatePolice('2026-03-03T11:30:00.000Z'),
      escalatePolice('2026-03-03T15:30:00.000Z'),
      escalatePolice('2026-03-04T15:30:00.000Z'),
    );
    expect(deadlinesOf(history)).toEqual([
      { kind: 'information-request', key: 'police', dueAt: '2026-03-03T11:30:00.000Z', escalationLevel: 3, next: null },
    ]);
  });

  it('gives the strategy discussion deadline and the requests for immediate risk', () => {
    const immediate = historyOfFrom([received(dataset({ immediateRisk: true }))], begin());
    expect(deadlinesOf(immediate).map((d) => [d.kind, d.key, d.dueAt])).toEqual([
      ['strategy-discussion', 'strategy-discussion', '2026-03-02T12:15:00.000Z'],
      ['information-request', 'police', '2026-03-02T14:16:00.000Z'],
      ['information-request', 'social-care', '2026-03-02T14:16:00.000Z'],
      ['information-request', 'health', '2026-03-02T14:16:00.000Z'],
    ]);
  });

  it('gives each open action with its reminder', () => {
    expect(deadlinesOf(followingUpActions())).toEqual([
      {
        kind: 'action',
        key: 'a1',
        dueAt: '2026-03-10T12:00:00.000Z',
        escalationLevel: 0,
        next: { command: 'RemindAction', at: '2026-03-09T12:00:00.000Z' },
      },
      {
        kind: 'action',
        key: 'a2',
        dueAt: '2026-03-10T14:00:00.000Z',
        escalationLevel: 0,
        next: { command: 'RemindAction', at: '2026-03-09T14:00:00.000Z' },
      },
    ]);
  });

  it('has nothing once the referral is closed, which isClosed reports', () => {
    expect(deadlinesOf(closedAfterTriage())).toEqual([]);
    expect(isClosed(stateOf(closedAfterTriage()))).toBe(true);
    expect(isClosed(stateOf(followingUpActions()))).toBe(false);
  });
});
