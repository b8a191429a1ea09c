import { deciderSpec } from '../testing/decider-spec';
import { decide } from './referral.decider';
import type { HubIntakeRules, SubmitReferral } from './referral.commands';
import type { ReferralDataset } from './referral-dataset';
import type { ReferralEvent } from './referral.events';
import { evolve } from './referral.evolve';
import { initialState } from './referral.state';

const spec = deciderSpec({ decide, evolve, initialState });
const now = new Date('2026-03-02T10:15:00Z');
const referralId = '7d1b5a8e-2f7c-4b0a-9a55-3f1c2e4d5b6a';

const dataset = (over: Partial<ReferralDataset> = {}): ReferralDataset => ({
  referrer: { name: 'A Teacher', agency: 'education' },
  subject: { type: 'child', givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2018-06-01' },
  householdMembers: [{ givenName: 'Jo', familyName: 'Lee', relationship: 'mother' }],
  concernCategories: ['neglect'],
  immediateRisk: false,
  consent: { status: 'not-sought', familyAware: false, reason: 'would place the child at risk' },
  narrative: 'Arrives hungry most days.',
  ...over,
});
const intake = (over: Partial<HubIntakeRules> = {}): HubIntakeRules => ({
  hubId: 'northshire',
  scope: 'both',
  directReferrers: 'any',
  policyVersion: 3,
  ...over,
});
const submit = (d = dataset(), rules = intake()): SubmitReferral => ({
  type: 'SubmitReferral',
  data: { referralId, dataset: d, intake: rules },
  metadata: { now },
});
const received = (d = dataset()): ReferralEvent => ({
  type: 'ReferralReceived',
  data: { ...d, referralId, hubId: 'northshire', receivedAt: now.toISOString() },
});

describe('referral decider', () => {
  describe('when no referral exists yet', () => {
    it('receives a referral about a child in a hub that takes both', () => {
      spec.given([]).when(submit()).then([received()]);
    });

    it('receives a referral about an adult in an adults-only hub', () => {
      const adult = dataset({ subject: { type: 'adult', givenName: 'Ann', familyName: 'Roe', ageBand: '75+' } });
      spec.given([]).when(submit(adult, intake({ scope: 'adults' }))).then([received(adult)]);
    });

    it('refuses a child in an adults-only hub, naming the subject type', () => {
      spec.given([]).when(submit(dataset(), intake({ scope: 'adults' }))).thenRejects('REFERRAL.OUT_OF_SCOPE', 'subject.type');
    });

    it('refuses an adult in a children-only hub', () => {
      const adult = dataset({ subject: { type: 'adult', givenName: 'Ann', familyName: 'Roe', dateOfBirth: '1950-01-01' } });
      spec.given([]).when(submit(adult, intake({ scope: 'children' }))).thenRejects('REFERRAL.OUT_OF_SCOPE');
    });

    it('refuses a source the hub does not take direct referrals from', () => {
      spec
        .given([])
        .when(submit(dataset(), intake({ directReferrers: ['police'] })))
        .thenRejects('REFERRAL.SOURCE_NOT_ACCEPTED', 'referrer.agency');
    });

    it('accepts a listed source', () => {
      spec.given([]).when(submit(dataset(), intake({ directReferrers: ['police', 'education'] }))).then([received()]);
    });

    it('refuses a "child" who is 18 by date of birth', () => {
      const d = dataset({ subject: { type: 'child', givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2008-03-02' } });
      spec.given([]).when(submit(d)).thenRejects('REFERRAL.SUBJECT_AGE_MISMATCH', 'subject.dateOfBirth');
    });

    it('accepts a child the day before their 18th birthday', () => {
      const d = dataset({ subject: { type: 'child', givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2008-03-03' } });
      spec.given([]).when(submit(d)).then([received(d)]);
    });

    it('refuses an adult age band for a child', () => {
      const d = dataset({ subject: { type: 'child', givenName: 'Sam', familyName: 'Lee', ageBand: '25-64' } });
      spec.given([]).when(submit(d)).thenRejects('REFERRAL.SUBJECT_AGE_MISMATCH', 'subject.ageBand');
    });

    it('refuses a date of birth in the future', () => {
      const d = dataset({ subject: { type: 'child', givenName: 'Sam', familyName: 'Lee', dateOfBirth: '2026-03-03' } });
      spec.given([]).when(submit(d)).thenRejects('REFERRAL.SUBJECT_AGE_MISMATCH', 'subject.dateOfBirth');
    });

    it('cannot record triage awaited for a referral never received', () => {
      spec.given([]).when({ type: 'RecordTriageAwaited', data: { referralId }, metadata: { now } }).thenRejects('REFERRAL.NOT_FOUND');
    });
  });

  describe('when the referral was received', () => {
    it('refuses the same referral a second time', () => {
      spec.given([received()]).when(submit()).thenRejects('REFERRAL.ALREADY_RECEIVED');
    });

    it('records that triage is awaited', () => {
      spec
        .given([received()])
        .when({ type: 'RecordTriageAwaited', data: { referralId }, metadata: { now } })
        .then([{ type: 'TriageAwaited', data: { referralId, since: now.toISOString(), dueAt: null, policyVersion: null } }]);
    });
  });

  describe('when triage is awaited', () => {
    const awaiting: ReferralEvent = { type: 'TriageAwaited', data: { referralId, since: now.toISOString(), dueAt: null, policyVersion: null } };

    it('records nothing more for a repeated "triage awaited" (a retried step)', () => {
      spec.given([received(), awaiting]).when({ type: 'RecordTriageAwaited', data: { referralId }, metadata: { now } }).then([]);
    });

    it('still refuses a second submission', () => {
      spec.given([received(), awaiting]).when(submit()).thenRejects('REFERRAL.ALREADY_RECEIVED');
    });
  });
});
