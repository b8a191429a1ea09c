import type { PoolClient } from '@app/database';
import type { RecordedEvent } from '@app/event-store';
import { toIntegrationEvent, type IntegrationEvent } from '@app/messaging';
import { REFERRAL_SUMMARY_PROJECTION } from '../../../projector/src/projector';
import { REFERRAL_SUMMARY_TABLE } from '../../../projector/src/referral-summary/referral-summary.table';
import { applyReferralSummaryPage, type PageOutcome } from './referral-summary.rebuild';

/** A projection that can be rebuilt from the event store into a copy of its live table. */
export interface RebuildableProjection {
  /** Its name in projection_checkpoints. */
  name: string;
  /** The table readers read by name; the rebuilt copy takes this name at the switch-over. */
  liveTable: string;
  /** Applies integration events, in log order, to `table` inside the caller's transaction. */
  applyPage(client: PoolClient, table: string, events: readonly IntegrationEvent[]): Promise<PageOutcome>;
}

export const REBUILDABLE_PROJECTIONS: Readonly<Record<string, RebuildableProjection>> = {
  [REFERRAL_SUMMARY_PROJECTION]: { name: REFERRAL_SUMMARY_PROJECTION, liveTable: REFERRAL_SUMMARY_TABLE, applyPage: applyReferralSummaryPage },
};

/**
 * A stored event as the projector receives it: mapped by the relay's `toIntegrationEvent`
 * (undefined for types outside the public contract) and through JSON, as on the wire.
 */
export function asPublished(event: RecordedEvent): IntegrationEvent | undefined {
  const published = toIntegrationEvent(event);
  return published && (JSON.parse(JSON.stringify(published)) as IntegrationEvent);
}
