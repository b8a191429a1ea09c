import {
  REFERRAL_INTEGRATION_TYPES,
  type IntegrationEvent,
  type ReferralIntegrationEvent,
  type ReferralReceivedV1,
} from '@app/messaging';
import type { ReferralStage, ReferralSummary, SummaryAction, SummaryInformationRequest } from './referral-summary.row';

export type { ReferralStage, ReferralSummary } from './referral-summary.row';

/** The integration event types this projection reads: every lifecycle type. Others pass by. */
export const REFERRAL_SUMMARY_HANDLES: readonly string[] = Object.values(REFERRAL_INTEGRATION_TYPES);

type LifecycleEvent = Exclude<ReferralIntegrationEvent, ReferralReceivedV1>;
type Change = Partial<Omit<ReferralSummary, 'streamVersion' | 'lastEventId'>>;

function received(event: ReferralReceivedV1): ReferralSummary {
  const { data } = event;
  return {
    referralId: event.referralId,
    hubId: event.hubId,
    stage: 'received',
    subjectType: data.subject.type,
    subjectDisplayName: `${data.subject.givenName} ${data.subject.familyName}`.trim(),
    subjectDateOfBirth: data.subject.dateOfBirth,
    subjectAgeBand: data.subject.ageBand,
    referrerAgency: data.referrer.agency,
    concernCategories: [...data.concernCategories],
    immediateRisk: data.immediateRisk,
    householdSize: data.householdSize,
    receivedAt: data.receivedAt,
    rag: null,
    triage: { awaitedSince: null, dueAt: null, escalationLevel: 0, nextEscalationAt: null },
    decision: null,
    agreedActions: [],
    authorisation: null,
    informationRequests: [],
    strategyDiscussion: null,
    outcome: null,
    actions: [],
    closedAt: null,
    challengeableUntil: null,
    challenge: null,
    streamVersion: event.streamVersion,
    lastEventId: event.id,
  };
}

const withRequest = (row: ReferralSummary, agency: string, change: (r: SummaryInformationRequest) => Partial<SummaryInformationRequest>): Change => ({
  informationRequests: row.informationRequests.map((r) => (r.agency === agency ? { ...r, ...change(r) } : r)),
});

const withAction = (row: ReferralSummary, actionId: string, change: Partial<SummaryAction>): Change => ({
  actions: row.actions.map((a) => (a.actionId === actionId ? { ...a, ...change } : a)),
});

/** Authorised strategy decisions bring their agreed actions into follow-up. */
function agreedActionsInForce(row: ReferralSummary): SummaryAction[] {
  const agreed = row.agreedActions.map(
    (a): SummaryAction => ({
      ...a,
      status: 'open',
      completedAt: null,
      cancelledAt: null,
      late: null,
      escalationLevel: 0,
      nextEscalationAt: a.dueAt,
      remindedAt: null,
    }),
  );
  const ids = new Set(agreed.map((a) => a.actionId));
  return [...row.actions.filter((a) => !ids.has(a.actionId)), ...agreed];
}

/**
 * What one lifecycle event changes. Stages follow the decider (libs/domain/src/referral): each
 * command's events arrive together, so a stage the next event of the same command settles
 * (after DecisionAuthorised: requests, gathering closed, or the outcome) is left as it was.
 */
function change(row: ReferralSummary, event: LifecycleEvent): Change {
  switch (event.type) {
    case REFERRAL_INTEGRATION_TYPES.triageAwaited:
      return {
        stage: 'awaiting-triage',
        triage: { ...row.triage, awaitedSince: event.data.since, dueAt: event.data.dueAt, nextEscalationAt: event.data.dueAt },
      };
    case REFERRAL_INTEGRATION_TYPES.triageEscalated:
      return { triage: { ...row.triage, escalationLevel: event.data.level, nextEscalationAt: event.data.nextEscalationAt } };
    case REFERRAL_INTEGRATION_TYPES.triageDecided: {
      const { rag, decision, decidedAt, by } = event.data;
      return {
        stage: 'awaiting-authorisation',
        rag,
        decision: {
          source: 'triage',
          decision,
          status: 'waiting-authorisation',
          decidedAt,
          decidedBy: by,
          authorisedAt: null,
          authorisedBy: null,
          returnedAt: null,
          returnedBy: null,
        },
        agreedActions: [],
      };
    }
    case REFERRAL_INTEGRATION_TYPES.authorisationRequested: {
      const { kind, requestedAt, dueAt } = event.data;
      return { stage: 'awaiting-authorisation', authorisation: { kind, requestedAt, dueAt, escalationLevel: 0, nextEscalationAt: dueAt } };
    }
    case REFERRAL_INTEGRATION_TYPES.authorisationEscalated:
      return row.authorisation
        ? { authorisation: { ...row.authorisation, escalationLevel: event.data.level, nextEscalationAt: event.data.nextEscalationAt } }
        : {};
    case REFERRAL_INTEGRATION_TYPES.decisionAuthorised: {
      const { authorisedAt, by } = event.data;
      return { authorisation: null, decision: row.decision && { ...row.decision, status: 'authorised', authorisedAt, authorisedBy: by } };
    }
    case REFERRAL_INTEGRATION_TYPES.decisionReturned: {
      const { kind, returnedAt, by } = event.data;
      return {
        stage: kind === 'triage' ? 'awaiting-triage' : 'strategy-discussion',
        authorisation: null,
        decision: row.decision && { ...row.decision, status: 'returned', returnedAt, returnedBy: by },
        agreedActions: [],
      };
    }
    case REFERRAL_INTEGRATION_TYPES.ragReRated:
      return { rag: event.data.to };
    case REFERRAL_INTEGRATION_TYPES.informationRequested: {
      const { agency, rag, requestedAt, dueAt } = event.data;
      const request: SummaryInformationRequest = {
        agency,
        rag,
        requestedAt,
        dueAt,
        status: 'open',
        answeredAt: null,
        late: null,
        escalationLevel: 0,
        nextEscalationAt: dueAt,
        remindedAt: null,
      };
      return {
        // Requests after an authorised triage start gathering; those asked alongside a scheduled
        // discussion (immediate risk) or after a re-rating leave the stage where it is.
        stage: row.stage === 'awaiting-authorisation' ? 'information-gathering' : row.stage,
        informationRequests: [...row.informationRequests.filter((r) => r.agency !== agency), request],
      };
    }
    case REFERRAL_INTEGRATION_TYPES.informationRequestDueTimeMoved: {
      const { rag, dueAt, nextEscalationAt } = event.data;
      return withRequest(row, event.data.agency, () => ({ rag, dueAt, nextEscalationAt }));
    }
    case REFERRAL_INTEGRATION_TYPES.informationRequestReminded:
      return withRequest(row, event.data.agency, () => ({ remindedAt: event.data.remindedAt }));
    case REFERRAL_INTEGRATION_TYPES.informationRequestEscalated:
      return withRequest(row, event.data.agency, () => ({ escalationLevel: event.data.level, nextEscalationAt: event.data.nextEscalationAt }));
    case REFERRAL_INTEGRATION_TYPES.informationProvided: {
      const { providedAt, late } = event.data;
      return withRequest(row, event.data.agency, (r) =>
        r.answeredAt ? { status: 'answered' } : { status: 'answered', answeredAt: providedAt, late },
      );
    }
    case REFERRAL_INTEGRATION_TYPES.informationGatheringClosed:
      return {
        stage: 'strategy-discussion',
        informationRequests: row.informationRequests.map((r) => (r.status === 'open' ? { ...r, status: 'closed-unanswered' } : r)),
      };
    case REFERRAL_INTEGRATION_TYPES.strategyDiscussionScheduled:
      return {
        stage: 'strategy-discussion',
        rag: event.data.rag,
        strategyDiscussion: { dueAt: event.data.dueAt, heldAt: null, minutesSinceReferral: null },
      };
    case REFERRAL_INTEGRATION_TYPES.strategyDiscussionHeld: {
      const { heldAt, minutesSinceReferral, decision, actions, by } = event.data;
      return {
        strategyDiscussion: { dueAt: row.strategyDiscussion?.dueAt ?? null, heldAt, minutesSinceReferral },
        decision: {
          source: 'strategy',
          decision,
          status: 'waiting-authorisation',
          decidedAt: heldAt,
          decidedBy: by,
          authorisedAt: null,
          authorisedBy: null,
          returnedAt: null,
          returnedBy: null,
        },
        agreedActions: actions.map(({ actionId, description, owningAgency, dueAt }) => ({ actionId, description, owningAgency, dueAt })),
      };
    }
    case REFERRAL_INTEGRATION_TYPES.outcomeDecided: {
      const { source, decision, decidedAt, rag } = event.data;
      return {
        // With nothing to follow up, ReferralClosed comes next and closes it.
        stage: 'action-follow-up',
        rag: rag || row.rag,
        outcome: { decision, source, decidedAt },
        actions: source === 'strategy' ? agreedActionsInForce(row) : row.actions,
        agreedActions: [],
      };
    }
    case REFERRAL_INTEGRATION_TYPES.referrerNotified:
    // A disclosure onward changes nothing the summary shows (who got what is read from the stream).
    case REFERRAL_INTEGRATION_TYPES.disclosureRecorded:
      return {};
    case REFERRAL_INTEGRATION_TYPES.closed:
      return { stage: 'closed', closedAt: event.data.closedAt, challengeableUntil: event.data.challengeableUntil };
    case REFERRAL_INTEGRATION_TYPES.actionReminded:
      return withAction(row, event.data.actionId, { remindedAt: event.data.remindedAt });
    case REFERRAL_INTEGRATION_TYPES.actionEscalated:
      return withAction(row, event.data.actionId, { escalationLevel: event.data.level, nextEscalationAt: event.data.nextEscalationAt });
    case REFERRAL_INTEGRATION_TYPES.actionCompleted:
      return withAction(row, event.data.actionId, { status: 'completed', completedAt: event.data.completedAt, late: event.data.late });
    case REFERRAL_INTEGRATION_TYPES.actionCancelled:
      return withAction(row, event.data.actionId, { status: 'cancelled', cancelledAt: event.data.cancelledAt });
    case REFERRAL_INTEGRATION_TYPES.challengeRaised:
      return { stage: 'awaiting-authorisation', challenge: { raisedAt: event.data.raisedAt, resolvedAt: null, upheld: null } };
    case REFERRAL_INTEGRATION_TYPES.challengeResolved:
      return challengeResolved(row, event.data);
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

const RESUMED: Record<'ActionFollowUp' | 'Closed', ReferralStage> = { ActionFollowUp: 'action-follow-up', Closed: 'closed' };
const REOPENED: Record<'AwaitingTriage' | 'StrategyDiscussion', ReferralStage> = {
  AwaitingTriage: 'awaiting-triage',
  StrategyDiscussion: 'strategy-discussion',
};

type ChallengeResolution = Extract<LifecycleEvent, { type: typeof REFERRAL_INTEGRATION_TYPES.challengeResolved }>['data'];

/** Upheld: the referral resumes where it was. Not upheld: the decision is taken again. */
function challengeResolved(row: ReferralSummary, data: ChallengeResolution): Change {
  const challenge = { raisedAt: row.challenge?.raisedAt ?? data.resolvedAt, resolvedAt: data.resolvedAt, upheld: data.upheld };
  if (data.upheld) return { stage: data.resumes ? RESUMED[data.resumes] : row.stage, authorisation: null, challenge };
  const triage = data.triageDueAt
    ? { awaitedSince: data.resolvedAt, dueAt: data.triageDueAt, escalationLevel: 0, nextEscalationAt: data.triageDueAt }
    : row.triage;
  return {
    stage: data.reopens ? REOPENED[data.reopens] : row.stage,
    authorisation: null,
    challenge,
    triage,
    decision: null,
    agreedActions: [],
    outcome: null,
    closedAt: null,
    challengeableUntil: null,
  };
}

/**
 * The summary after one more event. Pure: the same row and event always give the same result,
 * so a replay from Kafka or the event store rebuilds the table. Returns the very same row
 * object when the event changes nothing (a redelivery or a type it does not handle).
 */
export function evolve(row: ReferralSummary | null, event: IntegrationEvent): ReferralSummary | null {
  if (!REFERRAL_SUMMARY_HANDLES.includes(event.type)) return row;
  if (row && event.streamVersion <= row.streamVersion) return row;
  const known = event as ReferralIntegrationEvent;
  if (known.type === REFERRAL_INTEGRATION_TYPES.received) return received(known);
  // Per-referral order means the referral was seen first; without it there is no row to move.
  if (!row) return null;
  return { ...row, ...change(row, known), streamVersion: known.streamVersion, lastEventId: known.id };
}
