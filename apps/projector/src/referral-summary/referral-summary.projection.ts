import {
  REFERRAL_INTEGRATION_TYPES,
  type IntegrationEvent,
  type ReferralIntegrationEvent,
  type ReferralReceivedV1,
} from '@app/messaging';

/** Where a referral stands, as the hub's lists and dashboards show it. */
export type ReferralStage = 'received' | 'awaiting-triage';

/** One row of referral_summary, in the projection's own words. */
export interface ReferralSummary {
  referralId: string;
  hubId: string;
  stage: ReferralStage;
  subjectType: 'child' | 'adult';
  subjectDisplayName: string;
  subjectDateOfBirth: string | null;
  subjectAgeBand: string | null;
  referrerAgency: string;
  concernCategories: string[];
  immediateRisk: boolean;
  householdSize: number;
  receivedAt: string;
  triageAwaitedSince: string | null;
  /** Highest stream version applied; anything at or below it is a redelivery. */
  streamVersion: number;
  lastEventId: string;
}

/** The integration event types this projection reads; every other type passes by. */
export const REFERRAL_SUMMARY_HANDLES: readonly string[] = [
  REFERRAL_INTEGRATION_TYPES.received,
  REFERRAL_INTEGRATION_TYPES.triageAwaited,
];

function received(event: ReferralReceivedV1): ReferralSummary {
  const { data } = event;
  return {
    referralId: event.referralId,
    hubId: event.hubId,
    stage: 'received',
    subjectType: data.subject.type,
    subjectDisplayName: `${data.subject.givenName} ${data.subject.familyName}`.trim(),
    subjectDateOfBirth: data.subject.dateOfBirth,
    subjectAgeBand: data.subject.ageBand,
    referrerAgency: data.referrer.agency,
    concernCategories: [...data.concernCategories],
    immediateRisk: data.immediateRisk,
    householdSize: data.householdSize,
    receivedAt: data.receivedAt,
    triageAwaitedSince: null,
    streamVersion: event.streamVersion,
    lastEventId: event.id,
  };
}

/**
 * The summary after one more event. Pure: the same row and event always give the same result,
 * so a replay from Kafka or the event store rebuilds the table. Returns the very same row
 * object when the event changes nothing (a redelivery or a type it does not handle).
 */
export function evolve(row: ReferralSummary | null, event: IntegrationEvent): ReferralSummary | null {
  if (!REFERRAL_SUMMARY_HANDLES.includes(event.type)) return row;
  if (row && event.streamVersion <= row.streamVersion) return row;
  const known = event as ReferralIntegrationEvent;
  switch (known.type) {
    case REFERRAL_INTEGRATION_TYPES.received:
      return received(known);
    case REFERRAL_INTEGRATION_TYPES.triageAwaited:
      // Per-referral order means the referral was seen first; without it there is no row to move.
      if (!row) return null;
      return {
        ...row,
        stage: 'awaiting-triage',
        triageAwaitedSince: known.data.since,
        streamVersion: known.streamVersion,
        lastEventId: known.id,
      };
    default: {
      const unhandled: never = known;
      return unhandled;
    }
  }
}
