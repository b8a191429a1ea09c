import type { Actor } from '../lifecycle/lifecycle.types';
import type { ReferralCommand } from '../referral.commands';
import { decide } from '../referral.decider';
import { evolve } from '../referral.evolve';
import { initialState } from '../referral.state';
import type { RecordDisclosure } from './disclosure.commands';
import type { DisclosureRecorded } from './disclosure.events';
import {
  atStrategyDiscussion,
  atTriage,
  authorise,
  awaitingTriageAuthorisation,
  closedAfterTriage,
  gathering,
  historyOfFrom,
  manager,
  meta,
  policy,
  practitioner,
  referralId,
  spec,
} from '../../testing/referral/lifecycle-fixtures';

const AT = '2026-03-04T10:00:00.000Z';
const school = { organisation: 'Hill Primary School', role: 'designated safeguarding lead', agency: 'education' as const };

function disclose(over: Partial<RecordDisclosure['data']> = {}, now = AT): ReferralCommand {
  return {
    type: 'RecordDisclosure',
    data: {
      referralId,
      recipient: school,
      decision: 'disclosed',
      what: { responseIds: ['police-1'] },
      lawfulBasis: 'children-act-2004-s11',
      reason: 'the school needs to know to keep the child safe in class',
      by: practitioner,
      ...over,
    },
    metadata: meta(now),
  };
}

const recorded = (over: Partial<DisclosureRecorded['data']> = {}): DisclosureRecorded => ({
  type: 'DisclosureRecorded',
  data: {
    referralId,
    recipient: school,
    decision: 'disclosed',
    what: { responseIds: ['police-1'], outcome: false, decision: false },
    lawfulBasis: 'children-act-2004-s11',
    reason: 'the school needs to know to keep the child safe in class',
    by: practitioner,
    disclosedAt: AT,
    policyVersion: 7,
    ...over,
  },
});

/** Police answer with a restricted contribution; social care holds theirs and does not share it. */
function withRestrictedAndHeld() {
  const police: ReferralCommand = {
    type: 'RecordInformationResponse',
    data: {
      referralId,
      agency: 'police',
      responseId: 'police-restricted',
      by: { userId: 'pc-1', agency: 'police' },
      summary: 'intelligence about an adult in the household',
      sharing: { decision: 'shared', sensitivity: 'restricted', lawfulBasis: 'crime-and-disorder-act-1998-s115', purpose: 'risk assessment' },
    },
    metadata: meta('2026-03-02T13:00:00.000Z'),
  };
  const socialCare: ReferralCommand = {
    type: 'RecordInformationResponse',
    data: {
      referralId,
      agency: 'social-care',
      responseId: 'sc-held',
      by: { userId: 'sw-1', agency: 'social-care' },
      sharing: { decision: 'held-not-shared', lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'an open enquiry' },
    },
    metadata: meta('2026-03-02T13:30:00.000Z'),
  };
  return historyOfFrom(gathering(), police, socialCare);
}

const police: Actor = { userId: 'pc-2', agency: 'police' };

describe('a disclosure onward', () => {
  describe('when agencies have answered', () => {
    it('records a contribution passed on, with its basis, reason and the policy version', () => {
      spec.given(atStrategyDiscussion()).when(disclose()).then([recorded()]);
    });

    it('records a decision not to disclose the same way, with its basis and reason', () => {
      spec
        .given(atStrategyDiscussion())
        .when(disclose({ decision: 'not-disclosed', reason: 'the recipient has no need to know' }))
        .then([recorded({ decision: 'not-disclosed', reason: 'the recipient has no need to know' })]);
    });

    it('keeps a recipient outside the platform agencies without an agency', () => {
      const gp = { organisation: 'Riverside Surgery', role: 'GP' };
      spec.given(atStrategyDiscussion()).when(disclose({ recipient: gp })).then([recorded({ recipient: gp })]);
    });

    it('names each contribution once', () => {
      spec
        .given(atStrategyDiscussion())
        .when(disclose({ what: { responseIds: ['police-1', 'police-1', 'social-care-1'] } }))
        .then([recorded({ what: { responseIds: ['police-1', 'social-care-1'], outcome: false, decision: false } })]);
    });

    it('refuses a response id the referral never received', () => {
      spec.given(atStrategyDiscussion()).when(disclose({ what: { responseIds: ['nope'] } })).thenRejects('REFERRAL.UNKNOWN_RESPONSE', 'what.responseIds');
    });

    it('refuses an empty what', () => {
      spec.given(atStrategyDiscussion()).when(disclose({ what: {} })).thenRejects('REFERRAL.INVALID_INPUT', 'what');
    });

    it('refuses the outcome before there is one', () => {
      spec.given(atStrategyDiscussion()).when(disclose({ what: { outcome: true } })).thenRejects('REFERRAL.INVALID_INPUT', 'what.outcome');
    });

    it('refuses a lawful basis outside the closed list', () => {
      spec
        .given(atStrategyDiscussion())
        .when(disclose({ lawfulBasis: 'consent' as never }))
        .thenRejects('REFERRAL.INVALID_INPUT', 'lawfulBasis');
    });

    it('refuses a disclosure without a reason, and a decision not to disclose without one', () => {
      spec.given(atStrategyDiscussion()).when(disclose({ reason: ' ' })).thenRejects('REFERRAL.INVALID_INPUT', 'reason');
      spec.given(atStrategyDiscussion()).when(disclose({ decision: 'not-disclosed', reason: '' })).thenRejects('REFERRAL.INVALID_INPUT', 'reason');
    });

    it('refuses a recipient without organisation or role', () => {
      spec.given(atStrategyDiscussion()).when(disclose({ recipient: { organisation: '', role: 'GP' } })).thenRejects('REFERRAL.INVALID_INPUT', 'recipient.organisation');
      spec.given(atStrategyDiscussion()).when(disclose({ recipient: { organisation: 'Surgery', role: '' } })).thenRejects('REFERRAL.INVALID_INPUT', 'recipient.role');
    });

    it('refuses an unknown decision', () => {
      spec.given(atStrategyDiscussion()).when(disclose({ decision: 'maybe' as never })).thenRejects('REFERRAL.INVALID_INPUT', 'decision');
    });
  });

  describe('of a restricted contribution', () => {
    it('is refused to anyone but the contributing agency', () => {
      spec
        .given(withRestrictedAndHeld())
        .when(disclose({ what: { responseIds: ['police-restricted'] } }))
        .thenRejects('REFERRAL.NOT_ALLOWED', 'what.responseIds');
    });

    it('is recorded when the contributing agency discloses it', () => {
      spec
        .given(withRestrictedAndHeld())
        .when(disclose({ what: { responseIds: ['police-restricted'] }, by: police }))
        .then([recorded({ what: { responseIds: ['police-restricted'], outcome: false, decision: false }, by: police })]);
    });

    it('may always be recorded as not disclosed', () => {
      spec
        .given(withRestrictedAndHeld())
        .when(disclose({ decision: 'not-disclosed', what: { responseIds: ['police-restricted'] } }))
        .then([recorded({ decision: 'not-disclosed', what: { responseIds: ['police-restricted'], outcome: false, decision: false } })]);
    });
  });

  describe('of a held-not-shared answer', () => {
    it('is refused: the hub holds nothing of it to pass on', () => {
      spec.given(withRestrictedAndHeld()).when(disclose({ what: { responseIds: ['sc-held'] } })).thenRejects('REFERRAL.INVALID_INPUT', 'what.responseIds');
    });

    it('may be recorded as not disclosed', () => {
      spec
        .given(withRestrictedAndHeld())
        .when(disclose({ decision: 'not-disclosed', what: { responseIds: ['sc-held'] } }))
        .then([recorded({ decision: 'not-disclosed', what: { responseIds: ['sc-held'], outcome: false, decision: false } })]);
    });
  });

  describe('when a workflow run carried over a state from before contributions were kept', () => {
    it('reads its responses as restricted: only the contributing agency may pass them on', () => {
      const events = atStrategyDiscussion();
      const command = disclose();
      const state = events.reduce(evolve, initialState());
      const carried = { ...state, contributions: undefined };
      expect(() => decide(command, carried)).toThrow(expect.objectContaining({ code: 'REFERRAL.NOT_ALLOWED' }));
      expect(decide({ ...command, data: { ...(command as RecordDisclosure).data, by: police } } as ReferralCommand, carried)).toHaveLength(1);
    });
  });

  describe('at any stage once received', () => {
    it('records the decision (the triage decision awaiting authorisation is recorded)', () => {
      spec
        .given(historyOfFrom(atTriage(), { type: 'RecordTriageDecision', data: { referralId, rag: 'amber', decision: 'mash-enquiry', rationale: 'r', by: practitioner }, metadata: meta('2026-03-02T11:00:00.000Z') }))
        .when(disclose({ what: { decision: true } }))
        .then([recorded({ what: { responseIds: [], outcome: false, decision: true } })]);
    });

    it('records the outcome after closure, long after the challenge window', () => {
      spec
        .given(closedAfterTriage())
        .when(disclose({ what: { outcome: true } }, '2026-09-01T10:00:00.000Z'))
        .then([recorded({ what: { responseIds: [], outcome: true, decision: false }, disclosedAt: '2026-09-01T10:00:00.000Z' })]);
    });

    it('stamps the policy version in force', () => {
      const command = disclose({ what: { outcome: true } });
      spec
        .given(closedAfterTriage())
        .when({ ...command, metadata: meta(AT, policy({ policyVersion: 9 })) } as ReferralCommand)
        .then([recorded({ what: { responseIds: [], outcome: true, decision: false }, policyVersion: 9 })]);
    });

    it('refuses a referral never received', () => {
      spec.given([]).when(disclose()).thenRejects('REFERRAL.NOT_FOUND');
    });
  });
});

describe('the outcome notice to the referrer, itself a disclosure', () => {
  const notice = (events: ReturnType<typeof historyOfFrom>) => events.find((e) => e.type === 'ReferrerNotified');

  it('records the national default basis (public task) and the reason', () => {
    const events = historyOfFrom(awaitingTriageAuthorisation({ decision: 'early-help', rag: 'green' }), authorise());
    expect(notice(events)?.data).toMatchObject({ lawfulBasis: 'uk-gdpr-art-6-1-e', reason: 'outcome feedback to the referrer' });
  });

  it("records the hub policy's basis where it names one", () => {
    const p = policy({ outcomeNoticeLawfulBasis: 'children-act-2004-s11' });
    const events = historyOfFrom(awaitingTriageAuthorisation({ decision: 'early-help', rag: 'green' }), authorise(undefined, manager, p));
    expect(notice(events)?.data).toMatchObject({ lawfulBasis: 'children-act-2004-s11', reason: 'outcome feedback to the referrer' });
  });

  it('old notices without a basis still evolve', () => {
    const events = closedAfterTriage().map((e) =>
      e.type === 'ReferrerNotified' ? { ...e, data: { ...e.data, lawfulBasis: undefined, reason: undefined } } : e,
    );
    expect(events.reduce(evolve, initialState()).status).toBe('Closed');
  });
});
