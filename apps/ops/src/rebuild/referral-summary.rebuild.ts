import type { PoolClient } from '@app/database';
import type { IntegrationEvent } from '@app/messaging';
import { evolve, REFERRAL_SUMMARY_HANDLES, type ReferralSummary } from '../../../projector/src/referral-summary/referral-summary.projection';
import { loadSummaries, saveSummaries } from '../../../projector/src/referral-summary/referral-summary.table';

export interface PageOutcome {
  /** Events that changed a row. */
  applied: number;
  /** Handled events that changed nothing (a lifecycle event before its referral was received). */
  unchanged: number;
}

/**
 * Folds one page of integration events, in log order, over the rows they touch: the projector's
 * own `evolve`, so the rebuilt table is what the live projection would have made of the same
 * events. Pure; returns the rows to write, each once, at its last state in the page.
 */
export function evolvePage(
  rows: ReadonlyMap<string, ReferralSummary>,
  events: readonly IntegrationEvent[],
): PageOutcome & { changed: ReferralSummary[] } {
  const working = new Map(rows);
  const changed = new Set<string>();
  let applied = 0;
  for (const event of events) {
    const row = working.get(event.referralId) ?? null;
    const next = evolve(row, event);
    if (next === row || next === null) continue;
    working.set(event.referralId, next);
    changed.add(event.referralId);
    applied += 1;
  }
  return { applied, unchanged: events.length - applied, changed: [...changed].map((id) => working.get(id)!) };
}

/** Applies a page to `table` (the rebuild's table) inside the caller's transaction. */
export async function applyReferralSummaryPage(client: PoolClient, table: string, events: readonly IntegrationEvent[]): Promise<PageOutcome> {
  const handled = events.filter((event) => REFERRAL_SUMMARY_HANDLES.includes(event.type));
  if (handled.length === 0) return { applied: 0, unchanged: 0 };
  const rows = await loadSummaries(client, table, [...new Set(handled.map((event) => event.referralId))]);
  const { changed, ...outcome } = evolvePage(rows, handled);
  await saveSummaries(client, table, changed);
  return outcome;
}
