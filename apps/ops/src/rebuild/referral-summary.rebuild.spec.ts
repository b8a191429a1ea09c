import type { IntegrationEvent } from '@app/messaging';
import { REFERRAL_INTEGRATION_TYPES } from '@app/messaging';
import type { ReferralSummary } from '../../../projector/src/referral-summary/referral-summary.projection';
import { evolvePage } from './referral-summary.rebuild';

const referralA = '6f1c2a4e-9b7d-4c3e-8a1f-2d5e6b7c8d9e';
const referralB = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function received(referralId: string, id: string): IntegrationEvent {
  return {
    id,
    type: REFERRAL_INTEGRATION_TYPES.received,
    referralId,
    hubId: 'east-mash',
    streamVersion: 1,
    data: {
      subject: { type: 'child', givenName: 'Sam', familyName: 'Example', dateOfBirth: '2016-05-04', ageBand: null },
      referrer: { agency: 'police' },
      concernCategories: ['neglect'],
      immediateRisk: false,
      householdSize: 2,
      receivedAt: '2026-11-20T09:00:00.000Z',
    },
  } as unknown as IntegrationEvent;
}

function triageAwaited(referralId: string, id: string, streamVersion: number): IntegrationEvent {
  return {
    id,
    type: REFERRAL_INTEGRATION_TYPES.triageAwaited,
    referralId,
    hubId: 'east-mash',
    streamVersion,
    data: { since: '2026-11-20T09:00:01.000Z', dueAt: '2026-11-21T09:00:01.000Z' },
  } as unknown as IntegrationEvent;
}

describe('a page of the rebuild', () => {
  it('writes each touched row once, at its last state in the page', () => {
    const { changed, applied, unchanged } = evolvePage(new Map(), [
      received(referralA, 'e1'),
      received(referralB, 'e2'),
      triageAwaited(referralA, 'e3', 2),
    ]);
    expect({ applied, unchanged }).toEqual({ applied: 3, unchanged: 0 });
    expect(changed.map((row) => [row.referralId, row.stage, row.streamVersion, row.lastEventId])).toEqual([
      [referralA, 'awaiting-triage', 2, 'e3'],
      [referralB, 'received', 1, 'e2'],
    ]);
  });

  it('starts from the rows already rebuilt, and leaves out what changes nothing', () => {
    const first = evolvePage(new Map(), [received(referralA, 'e1')]).changed[0];
    const rows = new Map<string, ReferralSummary>([[referralA, first]]);
    const next = evolvePage(rows, [received(referralA, 'e1'), triageAwaited(referralB, 'e9', 2), triageAwaited(referralA, 'e3', 2)]);
    // A redelivered version and a referral never received change nothing.
    expect({ applied: next.applied, unchanged: next.unchanged }).toEqual({ applied: 1, unchanged: 2 });
    expect(next.changed.map((row) => [row.referralId, row.stage])).toEqual([[referralA, 'awaiting-triage']]);
    expect(rows.get(referralA)).toBe(first);
  });
});
