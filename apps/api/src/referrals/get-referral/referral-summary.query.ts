import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from '@app/database';
import { type AgeBand, type Agency, type ConcernCategory, referralStreamId, type SubjectType } from '@app/domain';
import { PG_POOL } from '../../platform/tokens';
import type { ReferralStatusView, ReferralView } from './referral-view.response.dto';

interface ReferralSummaryRow {
  referral_id: string;
  hub_id: string;
  stage: string;
  subject_type: SubjectType;
  subject_display_name: string;
  subject_date_of_birth: string | null;
  subject_age_band: AgeBand | null;
  referrer_agency: Agency;
  concern_categories: ConcernCategory[];
  immediate_risk: boolean;
  household_size: number;
  received_at: Date;
  triage_awaited_since: Date | null;
  submitted_by: string | null;
}

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
    triageAwaitedSince: row.triage_awaited_since?.toISOString() ?? null,
  };
}

/** What a referrer sees of their own referral: where it stands, not what it holds. */
export function toReferralStatusView(view: ReferralView): ReferralStatusView {
  return { referralId: view.referralId, hubId: view.hubId, stage: view.stage, receivedAt: view.receivedAt };
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
              s.triage_awaited_since, e.metadata->>'actor' AS submitted_by
         FROM referral_summary s
         LEFT JOIN events e ON e.stream_id = $2 AND e.stream_version = 1
        WHERE s.referral_id = $1`,
      [referralId, referralStreamId(referralId)],
    );
    if (rows.length === 0) return undefined;
    return { view: toReferralView(rows[0]), hubId: rows[0].hub_id, submittedBy: rows[0].submitted_by };
  }
}
