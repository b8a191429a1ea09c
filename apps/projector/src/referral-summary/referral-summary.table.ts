import type { PoolClient } from '@app/database';
import type { ReferralStage, ReferralSummary } from './referral-summary.projection';

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
  triage_awaited_since: Date | null;
  stream_version: number;
  last_event_id: string;
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
    triageAwaitedSince: row.triage_awaited_since?.toISOString() ?? null,
    streamVersion: row.stream_version,
    lastEventId: row.last_event_id,
  };
}

/** The referral's summary, locked until the transaction ends, or null when there is none yet. */
export async function loadSummaryForUpdate(client: PoolClient, referralId: string): Promise<ReferralSummary | null> {
  // The date as text: node-postgres would turn it into a local-midnight Date and shift the day.
  const { rows } = await client.query<SummaryRow>(
    `SELECT referral_id, hub_id, stage, subject_type, subject_display_name,
            subject_date_of_birth::text AS subject_date_of_birth, subject_age_band, referrer_agency,
            concern_categories, immediate_risk, household_size, received_at, triage_awaited_since,
            stream_version, last_event_id
       FROM referral_summary WHERE referral_id = $1 FOR UPDATE`,
    [referralId],
  );
  return rows.length === 0 ? null : toSummary(rows[0]);
}

export async function saveSummary(client: PoolClient, summary: ReferralSummary): Promise<void> {
  await client.query(
    `INSERT INTO referral_summary (referral_id, hub_id, stage, subject_type, subject_display_name,
       subject_date_of_birth, subject_age_band, referrer_agency, concern_categories, immediate_risk,
       household_size, received_at, triage_awaited_since, stream_version, last_event_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now())
     ON CONFLICT (referral_id) DO UPDATE SET
       hub_id = excluded.hub_id, stage = excluded.stage, subject_type = excluded.subject_type,
       subject_display_name = excluded.subject_display_name,
       subject_date_of_birth = excluded.subject_date_of_birth, subject_age_band = excluded.subject_age_band,
       referrer_agency = excluded.referrer_agency, concern_categories = excluded.concern_categories,
       immediate_risk = excluded.immediate_risk, household_size = excluded.household_size,
       received_at = excluded.received_at, triage_awaited_since = excluded.triage_awaited_since,
       stream_version = excluded.stream_version, last_event_id = excluded.last_event_id, updated_at = now()`,
    [
      summary.referralId,
      summary.hubId,
      summary.stage,
      summary.subjectType,
      summary.subjectDisplayName,
      summary.subjectDateOfBirth,
      summary.subjectAgeBand,
      summary.referrerAgency,
      summary.concernCategories,
      summary.immediateRisk,
      summary.householdSize,
      summary.receivedAt,
      summary.triageAwaitedSince,
      summary.streamVersion,
      summary.lastEventId,
    ],
  );
}
