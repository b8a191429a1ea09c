import {
  evolve,
  initialState,
  REFERRAL_EVENT_TYPES,
  type ReferralEvent,
  type ReferralReceived,
  type ReferralState,
  type StartedReferral,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** Up to an instant (events recorded at or before it) or a global log position (at or below it). */
export type Cutoff = { at: Date } | { position: bigint };

/**
 * The stream's events up to the cutoff: the leading run of them, so the state is always one the
 * referral was really in (a stream's versions and positions rise together; times do too).
 */
export function eventsUpTo(stream: readonly RecordedEvent[], cutoff: Cutoff): RecordedEvent[] {
  const within = (event: RecordedEvent) =>
    'at' in cutoff ? event.recordedAt.getTime() <= cutoff.at.getTime() : event.position.globalPosition <= cutoff.position;
  const end = stream.findIndex((event) => !within(event));
  return end === -1 ? [...stream] : stream.slice(0, end);
}

/** The decider's state after the events, as the workflow's loadReferral folds them. */
export function stateOf(events: readonly RecordedEvent[]): ReferralState {
  return events.reduce<ReferralState>((state, event) => {
    if (!(REFERRAL_EVENT_TYPES as readonly string[]).includes(event.type)) {
      throw new Error(`unknown event type ${event.type} in stream ${event.streamId}`);
    }
    return evolve(state, { type: event.type, data: event.data } as ReferralEvent);
  }, initialState());
}

/**
 * The lifecycle of the state without anything about a person: ids, codes, instants, counts.
 * Built field by field (never by removing fields), so a field added to the state later stays
 * out until someone decides it is not personal.
 */
export function lifecycleView(state: ReferralState): Record<string, unknown> {
  if (state.status === 'Empty') return { status: 'Empty' };
  const s: StartedReferral = state;
  return {
    status: s.status,
    hubId: s.hubId,
    subjectType: s.subjectType,
    immediateRisk: s.immediateRisk,
    receivedAt: s.receivedAt,
    referrerAgency: s.referrer.agency,
    rag: s.rag,
    triageClock: s.triageClock,
    authorisation: s.status === 'AwaitingAuthorisation' ? s.authorisation : null,
    requests: s.requests.map((r) => ({
      agency: r.agency,
      rag: r.rag,
      status: r.status,
      requestedAt: r.requestedAt,
      dueAt: r.dueAt,
      remindAt: r.remindAt,
      reminded: r.reminded,
      escalation: r.escalation,
      responses: r.responseIds.length,
    })),
    gathering: s.gathering,
    strategyDiscussionDueAt: s.strategyDiscussionDueAt,
    decision: s.decision && {
      source: s.decision.source,
      decision: s.decision.decision,
      by: s.decision.by,
      actions: s.decision.actions.map((a) => a.actionId),
    },
    actions: s.actions.map((a) => ({
      actionId: a.actionId,
      owningAgency: a.owningAgency,
      status: a.status,
      dueAt: a.dueAt,
      remindAt: a.remindAt,
      reminded: a.reminded,
      escalation: a.escalation,
    })),
    outcome: s.outcome,
    closure: s.closure,
  };
}

/**
 * What lifecycleView leaves out: who the referral is about (subject, household), what was said
 * (narrative, consent reason, decision rationale, action descriptions) and who referred.
 */
export function personalData(state: ReferralState, events: readonly RecordedEvent[]): Record<string, unknown> | null {
  const received = events.find((e): e is RecordedEvent<'ReferralReceived', ReferralReceived['data']> => e.type === 'ReferralReceived');
  if (!received || state.status === 'Empty') return null;
  const { referrer, subject, householdMembers, concernCategories, consent, narrative } = received.data;
  return {
    referrer,
    subject,
    householdMembers,
    concernCategories,
    consent,
    narrative,
    decisionRationale: state.decision?.rationale ?? null,
    actionDescriptions: state.actions.map((a) => ({ actionId: a.actionId, description: a.description })),
  };
}
