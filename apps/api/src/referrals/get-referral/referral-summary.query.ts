import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from '@app/database';
import { type AgeBand, type Agency, type ConcernCategory, referralStreamId, type SubjectType } from '@app/domain';
import { PG_POOL } from '../../platform/tokens';
import type { ReferralStage } from '@app/workflow-contracts';
import type { ActionView, ActorView, DecisionView, InformationRequestView } from './referral-lifecycle-view.response.dto';
import type { ReferralStatusView, ReferralView } from './referral-view.response.dto';

type Instant = Date | null;

interface ReferralSummaryRow {
  referral_id: string;
  hub_id: string;
  stage: ReferralStage;
  subject_type: SubjectType;
  subject_display_name: string;
  subject_date_of_birth: string | null;
  subject_age_band: AgeBand | null;
  referrer_agency: Agency;
  concern_categories: ConcernCategory[];
  immediate_risk: boolean;
  household_size: number;
  received_at: Date;
  triage_awaited_since: Instant;
  rag: string | null;
  triage_due_at: Instant;
  triage_escalation_level: number;
  triage_next_escalation_at: Instant;
  decision_source: DecisionView['source'] | null;
  decision_code: string | null;
  decision_status: DecisionView['status'] | null;
  decision_decided_at: Instant;
  decision_decided_by_user_id: string | null;
  decision_decided_by_agency: Agency | null;
  decision_authorised_at: Instant;
  decision_authorised_by_user_id: string | null;
  decision_authorised_by_agency: Agency | null;
  decision_returned_at: Instant;
  decision_returned_by_user_id: string | null;
  decision_returned_by_agency: Agency | null;
  authorisation_kind: 'triage' | 'strategy' | 'challenge' | null;
  authorisation_requested_at: Instant;
  authorisation_due_at: Instant;
  authorisation_escalation_level: number | null;
  authorisation_next_escalation_at: Instant;
  /** jsonb, written by the projector in the view's own shape. */
  information_requests: InformationRequestView[];
  actions: ActionView[];
  strategy_discussion_due_at: Instant;
  strategy_discussion_held_at: Instant;
  strategy_discussion_minutes_since_referral: number | null;
  outcome_decision: string | null;
  outcome_source: 'triage' | 'strategy' | null;
  outcome_decided_at: Instant;
  closed_at: Instant;
  challengeable_until: Instant;
  challenge_raised_at: Instant;
  challenge_resolved_at: Instant;
  challenge_upheld: boolean | null;
  submitted_by: string | null;
}

const iso = (instant: Instant): string | null => instant?.toISOString() ?? null;

const actor = (userId: string | null, agency: Agency | null): ActorView | null => (userId && agency ? { userId, agency } : null);

function decisionOf(row: ReferralSummaryRow): DecisionView | null {
  if (!row.decision_source || !row.decision_code || !row.decision_status || !row.decision_decided_at) return null;
  return {
    source: row.decision_source,
    decision: row.decision_code,
    status: row.decision_status,
    decidedAt: row.decision_decided_at.toISOString(),
    decidedBy: actor(row.decision_decided_by_user_id, row.decision_decided_by_agency)!,
    authorisedAt: iso(row.decision_authorised_at),
    authorisedBy: actor(row.decision_authorised_by_user_id, row.decision_authorised_by_agency),
    returnedAt: iso(row.decision_returned_at),
    returnedBy: actor(row.decision_returned_by_user_id, row.decision_returned_by_agency),
  };
}

/** The jsonb entries field by field, so a key the projector adds later does not leak into the API. */
const requestView = (r: InformationRequestView): InformationRequestView => ({
  agency: r.agency,
  rag: r.rag,
  requestedAt: r.requestedAt,
  dueAt: r.dueAt,
  status: r.status,
  answeredAt: r.answeredAt,
  late: r.late,
  escalationLevel: r.escalationLevel,
  nextEscalationAt: r.nextEscalationAt,
  remindedAt: r.remindedAt,
});

const actionView = (a: ActionView): ActionView => ({
  actionId: a.actionId,
  description: a.description,
  owningAgency: a.owningAgency,
  dueAt: a.dueAt,
  status: a.status,
  completedAt: a.completedAt,
  cancelledAt: a.cancelledAt,
  late: a.late,
  escalationLevel: a.escalationLevel,
  nextEscalationAt: a.nextEscalationAt,
  remindedAt: a.remindedAt,
});

/** A referral as read for a caller: its view, and what the access rules need to decide who sees it. */
export interface FoundReferral {
  view: ReferralView;
  hubId: string;
  /** User id of whoever submitted it (the actor of its first event); null if that event is not at hand. */
  submittedBy: string | null;
}

export function toReferralView(row: ReferralSummaryRow): ReferralView {
  return {
    referralId: row.referral_id,
    hubId: row.hub_id,
    stage: row.stage,
    subject: {
      type: row.subject_type,
      displayName: row.subject_display_name,
      ...(row.subject_date_of_birth ? { dateOfBirth: row.subject_date_of_birth } : {}),
      ...(row.subject_age_band ? { ageBand: row.subject_age_band } : {}),
    },
    referrerAgency: row.referrer_agency,
    concernCategories: row.concern_categories,
    immediateRisk: row.immediate_risk,
    householdSize: row.household_size,
    receivedAt: row.received_at.toISOString(),
    triageAwaitedSince: iso(row.triage_awaited_since),
    rag: row.rag,
    triage: {
      awaitedSince: iso(row.triage_awaited_since),
      dueAt: iso(row.triage_due_at),
      escalationLevel: row.triage_escalation_level,
      nextEscalationAt: iso(row.triage_next_escalation_at),
    },
    decision: decisionOf(row),
    authorisation:
      row.authorisation_kind && row.authorisation_requested_at && row.authorisation_due_at
        ? {
            kind: row.authorisation_kind,
            requestedAt: row.authorisation_requested_at.toISOString(),
            dueAt: row.authorisation_due_at.toISOString(),
            escalationLevel: row.authorisation_escalation_level ?? 0,
            nextEscalationAt: iso(row.authorisation_next_escalation_at),
          }
        : null,
    requests: row.information_requests.map(requestView),
    strategyDiscussion:
      row.strategy_discussion_due_at || row.strategy_discussion_held_at
        ? {
            dueAt: iso(row.strategy_discussion_due_at),
            heldAt: iso(row.strategy_discussion_held_at),
            minutesSinceReferral: row.strategy_discussion_minutes_since_referral,
          }
        : null,
    actions: row.actions.map(actionView),
    outcome:
      row.outcome_decision !== null && row.outcome_source && row.outcome_decided_at
        ? { decision: row.outcome_decision, source: row.outcome_source, decidedAt: row.outcome_decided_at.toISOString() }
        : null,
    closedAt: iso(row.closed_at),
    challengeableUntil: iso(row.challengeable_until),
    challenge: row.challenge_raised_at
      ? { raisedAt: row.challenge_raised_at.toISOString(), resolvedAt: iso(row.challenge_resolved_at), upheld: row.challenge_upheld }
      : null,
  };
}

/** What a referrer sees of their own referral: where it stands, not what it holds. */
export function toReferralStatusView(view: ReferralView): ReferralStatusView {
  return {
    referralId: view.referralId,
    hubId: view.hubId,
    stage: view.stage,
    receivedAt: view.receivedAt,
    outcome: view.outcome?.decision ?? null,
    closedAt: view.closedAt,
  };
}

/** Reads the referral_summary read model that the projector keeps. */
@Injectable()
export class ReferralSummaryQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async byId(referralId: string): Promise<FoundReferral | undefined> {
    // The date as text: a `date` column parsed into a JS Date would shift by the time zone.
    // The submitter comes from the event store (the first event's actor), the source of truth,
    // so it is never published on Kafka nor copied into the read model.
    const { rows } = await this.pool.query<ReferralSummaryRow>(
      `SELECT s.referral_id, s.hub_id, s.stage, s.subject_type, s.subject_display_name,
              to_char(s.subject_date_of_birth, 'YYYY-MM-DD') AS subject_date_of_birth, s.subject_age_band,
              s.referrer_agency, s.concern_categories, s.immediate_risk, s.household_size, s.received_at,
              s.triage_awaited_since, s.rag, s.triage_due_at, s.triage_escalation_level, s.triage_next_escalation_at,
              s.decision_source, s.decision_code, s.decision_status, s.decision_decided_at,
              s.decision_decided_by_user_id, s.decision_decided_by_agency, s.decision_authorised_at,
              s.decision_authorised_by_user_id, s.decision_authorised_by_agency, s.decision_returned_at,
              s.decision_returned_by_user_id, s.decision_returned_by_agency, s.authorisation_kind,
              s.authorisation_requested_at, s.authorisation_due_at, s.authorisation_escalation_level,
              s.authorisation_next_escalation_at, s.information_requests, s.actions, s.strategy_discussion_due_at,
              s.strategy_discussion_held_at, s.strategy_discussion_minutes_since_referral, s.outcome_decision,
              s.outcome_source, s.outcome_decided_at, s.closed_at, s.challengeable_until, s.challenge_raised_at,
              s.challenge_resolved_at, s.challenge_upheld, e.metadata->>'actor' AS submitted_by
         FROM referral_summary s
         LEFT JOIN events e ON e.stream_id = $2 AND e.stream_version = 1
        WHERE s.referral_id = $1`,
      [referralId, referralStreamId(referralId)],
    );
    if (rows.length === 0) return undefined;
    return { view: toReferralView(rows[0]), hubId: rows[0].hub_id, submittedBy: rows[0].submitted_by };
  }
}
