import { REFERRAL_EVENT_TYPES, type ReferralEventType } from './referral.events';

/**
 * Referral event types whose stored shape has changed, at their current schema version. Bump a
 * type here only with an upcaster from the previous version and a fixture of the old shape
 * (docs/event-schema-evolution.md); a type not listed, new ones included, is at version 1.
 */
const CHANGED_SHAPES: { readonly [Type in ReferralEventType]?: number } = {
  /** v2: `dueAt` and `policyVersion` always present, null without the hub policy. */
  TriageAwaited: 2,
  /** v2: `sharing` always present; v1 responses before sharing decisions read as not recorded. */
  InformationProvided: 2,
};

/**
 * The schema version of each referral event type's current shape: appends stamp it, and the
 * event store upcasts older stored versions to it on every read.
 */
export const CURRENT_EVENT_VERSIONS: Readonly<Record<ReferralEventType, number>> = Object.freeze(
  Object.fromEntries(REFERRAL_EVENT_TYPES.map((type) => [type, CHANGED_SHAPES[type] ?? 1])) as Record<ReferralEventType, number>,
);
