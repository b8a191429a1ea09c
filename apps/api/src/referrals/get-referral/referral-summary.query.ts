import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from '@app/database';
import type { AgeBand, Agency, ConcernCategory, SubjectType } from '@app/domain';
import { PG_POOL } from '../../platform/tokens';
import type { ReferralView } from './referral-view.response.dto';

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

/** Reads the referral_summary read model that the projector keeps. */
@Injectable()
export class ReferralSummaryQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async byId(referralId: string): Promise<ReferralView | undefined> {
    // The date as text: a `date` column parsed into a JS Date would shift by the time zone.
    const { rows } = await this.pool.query<ReferralSummaryRow>(
      `SELECT referral_id, hub_id, stage, subject_type, subject_display_name,
              to_char(subject_date_of_birth, 'YYYY-MM-DD') AS subject_date_of_birth, subject_age_band,
              referrer_agency, concern_categories, immediate_risk, household_size, received_at, triage_awaited_since
         FROM referral_summary WHERE referral_id = $1`,
      [referralId],
    );
    return rows.length === 0 ? undefined : toReferralView(rows[0]);
  }
}
