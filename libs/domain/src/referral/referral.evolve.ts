import { recordedSharing } from './information-gathering/sharing-decision';
import { triageLeadsToGathering } from './lifecycle/decisions';
import { startClock } from './lifecycle/escalation';
import type { ReferralEvent } from './referral.events';
import { contributionsOf, type ActionState, type InformationRequestState, type ReferralCase, type ReferralState, type StartedReferral } from './referral.state';

type Stage = Exclude<ReferralState['status'], 'Empty' | 'AwaitingAuthorisation'>;

function caseOf(state: StartedReferral): ReferralCase {
  const { status, authorisation, ...rest } = state as StartedReferral & { authorisation?: unknown };
  return rest;
}

const at = (state: StartedReferral, status: Stage, change: Partial<ReferralCase> = {}): ReferralState =>
  ({ ...caseOf(state), ...change, status }) as ReferralState;

const same = (state: StartedReferral, change: Partial<ReferralCase>): ReferralState => ({ ...state, ...change }) as ReferralState;

const withRequest = (state: StartedReferral, agency: string, change: (r: InformationRequestState) => Partial<InformationRequestState>) =>
  same(state, { requests: state.requests.map((r) => (r.agency === agency ? { ...r, ...change(r) } : r)) });

const withAction = (state: StartedReferral, actionId: string, change: Partial<ActionState>) =>
  same(state, { actions: state.actions.map((a) => (a.actionId === actionId ? { ...a, ...change } : a)) });

/** The state after one event. Computes nothing new: every instant was decided into the event. */
export function evolve(state: ReferralState, event: ReferralEvent): ReferralState {
  if (event.type === 'ReferralReceived') {
    const { data } = event;
    return {
      status: 'Received',
      referralId: data.referralId,
      hubId: data.hubId,
      subjectType: data.subject.type,
      immediateRisk: data.immediateRisk,
      receivedAt: data.receivedAt,
      referrer: { name: data.referrer.name, agency: data.referrer.agency, email: data.referrer.email },
      rag: null,
      triageClock: null,
      requests: [],
      contributions: [],
      gathering: 'not-started',
      strategyDiscussionDueAt: null,
      decision: null,
      actions: [],
      outcome: null,
      closure: null,
    };
  }
  if (state.status === 'Empty') return state;
  return evolveStarted(state, event);
}

function evolveStarted(state: StartedReferral, event: Exclude<ReferralEvent, { type: 'ReferralReceived' }>): ReferralState {
  switch (event.type) {
    case 'TriageAwaited': {
      const { dueAt } = event.data;
      return at(state, 'AwaitingTriage', { triageClock: dueAt ? { dueAt, escalation: startClock(dueAt) } : null });
    }
    case 'TriageEscalated':
      return state.triageClock
        ? same(state, {
            triageClock: { ...state.triageClock, escalation: { level: event.data.level, nextAt: event.data.nextEscalationAt } },
          })
        : state;
    case 'TriageDecisionRecorded': {
      const { rag, decision, rationale, by } = event.data;
      return same(state, { rag, decision: { source: 'triage', decision, rationale, by, actions: [] } });
    }
    case 'AuthorisationRequested': {
      const { kind, requestedAt, dueAt } = event.data;
      const resumeTo = kind !== 'challenge' ? null : state.status === 'Closed' ? 'Closed' : 'ActionFollowUp';
      return {
        ...caseOf(state),
        status: 'AwaitingAuthorisation',
        authorisation: { kind, requestedAt, dueAt, escalation: startClock(dueAt), resumeTo },
      };
    }
    case 'AuthorisationEscalated':
      return state.status === 'AwaitingAuthorisation'
        ? {
            ...state,
            authorisation: { ...state.authorisation, escalation: { level: event.data.level, nextAt: event.data.nextEscalationAt } },
          }
        : state;
    case 'DecisionAuthorised':
      return event.data.kind === 'triage' && triageLeadsToGathering(event.data.decision) ? at(state, 'InformationGathering') : state;
    case 'DecisionReturned':
      return at(state, event.data.kind === 'triage' ? 'AwaitingTriage' : 'StrategyDiscussion', { decision: null });
    case 'RagReRated':
      return same(state, { rag: event.data.to });
    case 'InformationRequestDueTimeMoved': {
      const { rag, dueAt, remindAt, nextEscalationAt } = event.data;
      return withRequest(state, event.data.agency, (r) => ({
        rag,
        dueAt,
        remindAt,
        escalation: { ...r.escalation, nextAt: nextEscalationAt },
      }));
    }
    case 'InformationRequested': {
      const { agency, rag, requestedAt, dueAt, remindAt } = event.data;
      const request: InformationRequestState = {
        agency,
        rag,
        requestedAt,
        dueAt,
        remindAt,
        reminded: false,
        escalation: startClock(dueAt),
        status: 'open',
        responseIds: [],
      };
      return same(state, { requests: [...state.requests.filter((r) => r.agency !== agency), request], gathering: 'open' });
    }
    case 'InformationRequestReminded':
      return withRequest(state, event.data.agency, () => ({ reminded: true }));
    case 'InformationRequestEscalated':
      return withRequest(state, event.data.agency, () => ({
        escalation: { level: event.data.level, nextAt: event.data.nextEscalationAt },
      }));
    case 'InformationProvided': {
      const { agency, responseId } = event.data;
      // Not data.sharing alone: responses loaded into workflow histories before schema v2 have none.
      const sharing = recordedSharing(event.data);
      const contribution = { responseId, agency, sensitivity: sharing.decision === 'shared' ? sharing.sensitivity : null };
      return same(state, {
        requests: state.requests.map((r) => (r.agency === agency ? { ...r, status: 'answered', responseIds: [...r.responseIds, responseId] } : r)),
        contributions: [...contributionsOf(state), contribution],
      });
    }
    case 'InformationGatheringClosed': {
      const requests = state.requests.map((r) => (r.status === 'open' ? { ...r, status: 'closed-unanswered' as const } : r));
      const change = { requests, gathering: 'closed' as const };
      return state.status === 'InformationGathering' ? at(state, 'StrategyDiscussion', change) : same(state, change);
    }
    case 'StrategyDiscussionScheduled':
      return at(state, 'StrategyDiscussion', { rag: event.data.rag, strategyDiscussionDueAt: event.data.dueAt });
    case 'StrategyDiscussionHeld': {
      const { decision, rationale, by, actions } = event.data;
      return same(state, { decision: { source: 'strategy', decision, rationale, by, actions }, strategyDiscussionDueAt: null });
    }
    case 'OutcomeDecided': {
      const outcome = { decision: event.data.decision, source: event.data.source, challenged: false };
      const agreed = event.data.source === 'strategy' ? (state.decision?.actions ?? []) : [];
      if (agreed.length === 0) return same(state, { outcome });
      const actions = agreed.map((a): ActionState => ({ ...a, reminded: false, escalation: startClock(a.dueAt), status: 'open' }));
      return at(state, 'ActionFollowUp', { outcome, actions });
    }
    case 'ReferrerNotified':
    case 'DisclosureRecorded':
      return state;
    case 'ReferralClosed':
      return at(state, 'Closed', { closure: { closedAt: event.data.closedAt, challengeableUntil: event.data.challengeableUntil } });
    case 'ActionReminded':
      return withAction(state, event.data.actionId, { reminded: true });
    case 'ActionEscalated':
      return withAction(state, event.data.actionId, { escalation: { level: event.data.level, nextAt: event.data.nextEscalationAt } });
    case 'ActionCompleted':
      return withAction(state, event.data.actionId, { status: 'completed' });
    case 'ActionCancelled':
      return withAction(state, event.data.actionId, { status: 'cancelled' });
    case 'ChallengeRaised':
      return state.outcome ? same(state, { outcome: { ...state.outcome, challenged: true } }) : state;
    case 'ChallengeResolved': {
      const { data } = event;
      if (data.upheld) return at(state, data.resumes);
      const triageClock = data.triageDueAt ? { dueAt: data.triageDueAt, escalation: startClock(data.triageDueAt) } : state.triageClock;
      return at(state, data.reopens, { outcome: null, closure: null, decision: null, triageClock });
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
