import type { Admin } from 'kafkajs';
import type { Pool } from '@app/database';

/** True once the projection's stored offsets reach the end of every partition of the topic. */
export async function projectionCaughtUp(admin: Admin, pool: Pool, topic: string): Promise<true | undefined> {
  const ends = await admin.fetchTopicOffsets(topic);
  const { rows } = await pool.query<{ partition: number; next_offset: string }>(
    'SELECT partition, next_offset FROM projection_checkpoints WHERE topic = $1',
    [topic],
  );
  const stored = new Map(rows.map((r) => [r.partition, r.next_offset]));
  const behind = ends.filter((end) => end.high !== '0' && stored.get(end.partition) !== end.high);
  return behind.length === 0 ? true : undefined;
}

export interface SummaryRow {
  referral_id: string;
  hub_id: string;
  stage: string;
  subject_display_name: string;
  subject_date_of_birth: string | null;
  household_size: number;
  received_at: Date;
  triage_awaited_since: Date | null;
  stream_version: number;
  last_event_id: string;
  updated_at: Date;
}

export async function summaryRows(pool: Pool): Promise<SummaryRow[]> {
  const { rows } = await pool.query<SummaryRow>(
    `SELECT referral_id, hub_id, stage, subject_display_name, subject_date_of_birth::text AS subject_date_of_birth,
            household_size, received_at, triage_awaited_since, stream_version, last_event_id, updated_at
       FROM referral_summary ORDER BY referral_id`,
  );
  return rows;
}
