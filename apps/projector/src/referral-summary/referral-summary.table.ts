import type { PoolClient } from '@app/database';
import type { ActorV1, AuthorisationKindV1 } from '@app/messaging';
import type {
  DecisionSource,
  ReferralStage,
  ReferralSummary,
  SummaryAction,
  SummaryAgreedAction,
  SummaryDecision,
  SummaryInformationRequest,
} from './referral-summary.row';

type Instant = Date | null;

/** The live table, by the name the API reads; a rebuild swaps another table in under it. */
export const REFERRAL_SUMMARY_TABLE = 'referral_summary';

/** referral_summary as node-postgres reads it (timestamptz as Date, jsonb parsed). */
interface SummaryRow {
  referral_id: string;
  hub_id: string;
  stage: ReferralStage;
  subject_type: 'child' | 'adult';
  subject_display_name: string;
  subject_date_of_birth: string | null;
  subject_age_band: string | null;
  referrer_agency: string;
  concern_categories: string[];
  immediate_risk: boolean;
  household_size: number;
  received_at: Date;
  rag: string | null;
  triage_awaited_since: Instant;
  triage_due_at: Instant;
  triage_escalation_level: number;
  triage_next_escalation_at: Instant;
  decision_source: DecisionSource | null;
  decision_code: string | null;
  decision_status: SummaryDecision['status'] | null;
  decision_decided_at: Instant;
  decision_decided_by_user_id: string | null;
  decision_decided_by_agency: string | null;
  decision_authorised_at: Instant;
  decision_authorised_by_user_id: string | null;
  decision_authorised_by_agency: string | null;
  decision_returned_at: Instant;
  decision_returned_by_user_id: string | null;
  decision_returned_by_agency: string | null;
  decision_agreed_actions: SummaryAgreedAction[];
  authorisation_kind: AuthorisationKindV1 | null;
  authorisation_requested_at: Instant;
  authorisation_due_at: Instant;
  authorisation_escalation_level: number | null;
  authorisation_next_escalation_at: Instant;
  information_requests: SummaryInformationRequest[];
  actions: SummaryAction[];
  strategy_discussion_due_at: Instant;
  strategy_discussion_held_at: Instant;
  strategy_discussion_minutes_since_referral: number | null;
  outcome_decision: string | null;
  outcome_source: DecisionSource | null;
  outcome_decided_at: Instant;
  closed_at: Instant;
  challengeable_until: Instant;
  challenge_raised_at: Instant;
  challenge_resolved_at: Instant;
  challenge_upheld: boolean | null;
  stream_version: number;
  last_event_id: string;
}

const iso = (instant: Instant): string | null => instant?.toISOString() ?? null;

// Actors come from published events, whose agency is one of the platform's agencies.
const actor = (userId: string | null, agency: string | null): ActorV1 | null =>
  userId && agency ? ({ userId, agency } as ActorV1) : null;

function decisionOf(row: SummaryRow): SummaryDecision | null {
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

function toSummary(row: SummaryRow): ReferralSummary {
  return {
    referralId: row.referral_id,
    hubId: row.hub_id,
    stage: row.stage,
    subjectType: row.subject_type,
    subjectDisplayName: row.subject_display_name,
    subjectDateOfBirth: row.subject_date_of_birth,
    subjectAgeBand: row.subject_age_band,
    referrerAgency: row.referrer_agency,
    concernCategories: row.concern_categories,
    immediateRisk: row.immediate_risk,
    householdSize: row.household_size,
    receivedAt: row.received_at.toISOString(),
    rag: row.rag,
    triage: {
      awaitedSince: iso(row.triage_awaited_since),
      dueAt: iso(row.triage_due_at),
      escalationLevel: row.triage_escalation_level,
      nextEscalationAt: iso(row.triage_next_escalation_at),
    },
    decision: decisionOf(row),
    agreedActions: row.decision_agreed_actions,
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
    informationRequests: row.information_requests,
    strategyDiscussion:
      row.strategy_discussion_due_at || row.strategy_discussion_held_at
        ? {
            dueAt: iso(row.strategy_discussion_due_at),
            heldAt: iso(row.strategy_discussion_held_at),
            minutesSinceReferral: row.strategy_discussion_minutes_since_referral,
          }
        : null,
    outcome:
      row.outcome_decision !== null && row.outcome_source && row.outcome_decided_at
        ? { decision: row.outcome_decision, source: row.outcome_source, decidedAt: row.outcome_decided_at.toISOString() }
        : null,
    actions: row.actions,
    closedAt: iso(row.closed_at),
    challengeableUntil: iso(row.challengeable_until),
    challenge: row.challenge_raised_at
      ? { raisedAt: row.challenge_raised_at.toISOString(), resolvedAt: iso(row.challenge_resolved_at), upheld: row.challenge_upheld }
      : null,
    streamVersion: row.stream_version,
    lastEventId: row.last_event_id,
  };
}

/** The columns of one summary, as parameters (jsonb as JSON text, instants as ISO strings). */
function toColumns(s: ReferralSummary): Record<keyof SummaryRow, unknown> {
  const { decision: d, authorisation: a, strategyDiscussion: sd, outcome: o, challenge: c } = s;
  return {
    referral_id: s.referralId,
    hub_id: s.hubId,
    stage: s.stage,
    subject_type: s.subjectType,
    subject_display_name: s.subjectDisplayName,
    subject_date_of_birth: s.subjectDateOfBirth,
    subject_age_band: s.subjectAgeBand,
    referrer_agency: s.referrerAgency,
    concern_categories: s.concernCategories,
    immediate_risk: s.immediateRisk,
    household_size: s.householdSize,
    received_at: s.receivedAt,
    rag: s.rag,
    triage_awaited_since: s.triage.awaitedSince,
    triage_due_at: s.triage.dueAt,
    triage_escalation_level: s.triage.escalationLevel,
    triage_next_escalation_at: s.triage.nextEscalationAt,
    decision_source: d?.source ?? null,
    decision_code: d?.decision ?? null,
    decision_status: d?.status ?? null,
    decision_decided_at: d?.decidedAt ?? null,
    decision_decided_by_user_id: d?.decidedBy.userId ?? null,
    decision_decided_by_agency: d?.decidedBy.agency ?? null,
    decision_authorised_at: d?.authorisedAt ?? null,
    decision_authorised_by_user_id: d?.authorisedBy?.userId ?? null,
    decision_authorised_by_agency: d?.authorisedBy?.agency ?? null,
    decision_returned_at: d?.returnedAt ?? null,
    decision_returned_by_user_id: d?.returnedBy?.userId ?? null,
    decision_returned_by_agency: d?.returnedBy?.agency ?? null,
    decision_agreed_actions: JSON.stringify(s.agreedActions),
    authorisation_kind: a?.kind ?? null,
    authorisation_requested_at: a?.requestedAt ?? null,
    authorisation_due_at: a?.dueAt ?? null,
    authorisation_escalation_level: a?.escalationLevel ?? null,
    authorisation_next_escalation_at: a?.nextEscalationAt ?? null,
    information_requests: JSON.stringify(s.informationRequests),
    actions: JSON.stringify(s.actions),
    strategy_discussion_due_at: sd?.dueAt ?? null,
    strategy_discussion_held_at: sd?.heldAt ?? null,
    strategy_discussion_minutes_since_referral: sd?.minutesSinceReferral ?? null,
    outcome_decision: o?.decision ?? null,
    outcome_source: o?.source ?? null,
    outcome_decided_at: o?.decidedAt ?? null,
    closed_at: s.closedAt,
    challengeable_until: s.challengeableUntil,
    challenge_raised_at: c?.raisedAt ?? null,
    challenge_resolved_at: c?.resolvedAt ?? null,
    challenge_upheld: c?.upheld ?? null,
    stream_version: s.streamVersion,
    last_event_id: s.lastEventId,
  };
}

/** The referral's summary, locked until the transaction ends, or null when there is none yet. */
export async function loadSummaryForUpdate(client: PoolClient, referralId: string): Promise<ReferralSummary | null> {
  // The date as text: node-postgres would turn it into a local-midnight Date and shift the day.
  const { rows } = await client.query<Omit<SummaryRow, 'subject_date_of_birth'> & { date_of_birth_text: string | null }>(
    'SELECT *, subject_date_of_birth::text AS date_of_birth_text FROM referral_summary WHERE referral_id = $1 FOR UPDATE',
    [referralId],
  );
  return rows.length === 0 ? null : toSummary({ ...rows[0], subject_date_of_birth: rows[0].date_of_birth_text });
}

/**
 * Summaries of many referrals from `table` (the live one, or a rebuild's copy of it created
 * LIKE it), keyed by referral id. For the rebuild, which loads a page's rows in one query.
 */
export async function loadSummaries(client: PoolClient, table: string, referralIds: readonly string[]): Promise<Map<string, ReferralSummary>> {
  const { rows } = await client.query<Omit<SummaryRow, 'subject_date_of_birth'> & { date_of_birth_text: string | null }>(
    `SELECT *, subject_date_of_birth::text AS date_of_birth_text FROM ${identifier(table)} WHERE referral_id = ANY($1::uuid[])`,
    [referralIds],
  );
  return new Map(rows.map((row) => [row.referral_id, toSummary({ ...row, subject_date_of_birth: row.date_of_birth_text })]));
}

/** Upserts many summaries into `table`, a few hundred rows per statement (PostgreSQL takes at most 65535 parameters). */
export async function saveSummaries(client: PoolClient, table: string, summaries: readonly ReferralSummary[]): Promise<void> {
  if (summaries.length === 0) return;
  const names = Object.keys(toColumns(summaries[0]));
  const perStatement = Math.floor(60_000 / names.length);
  for (let start = 0; start < summaries.length; start += perStatement) {
    const chunk = summaries.slice(start, start + perStatement);
    const values = chunk.map((_, row) => `(${names.map((__, column) => `$${row * names.length + column + 1}`).join(', ')}, now())`);
    await client.query(
      `INSERT INTO ${identifier(table)} (${names.join(', ')}, updated_at) VALUES ${values.join(', ')}
       ON CONFLICT (referral_id) DO UPDATE SET ${names.map((name) => `${name} = excluded.${name}`).join(', ')}, updated_at = now()`,
      chunk.flatMap((summary) => Object.values(toColumns(summary))),
    );
  }
}

/** A table name goes into SQL as text: only plain lower-case identifiers pass. */
function identifier(table: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new Error(`not a plain table name: ${table}`);
  return table;
}

export async function saveSummary(client: PoolClient, summary: ReferralSummary): Promise<void> {
  const columns = toColumns(summary);
  const names = Object.keys(columns);
  await client.query(
    `INSERT INTO referral_summary (${names.join(', ')}, updated_at)
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}, now())
     ON CONFLICT (referral_id) DO UPDATE SET
       ${names.map((name) => `${name} = excluded.${name}`).join(', ')}, updated_at = now()`,
    Object.values(columns),
  );
}
