import { CURRENT_EVENT_VERSIONS, type ReferralEventType } from '@app/domain';
import { EventUpcasters, type EventTypeSchema, type Upcaster } from '../event-upcasters';
import { informationProvidedV1ToV2 } from './information-provided.upcasters';
import { triageAwaitedV1ToV2 } from './triage-awaited.upcasters';

/** Per type, the upcasters from version 1 in order; a type with none is still at version 1. */
export const REFERRAL_UPCASTERS: { readonly [Type in ReferralEventType]?: readonly Upcaster[] } = {
  TriageAwaited: [triageAwaitedV1ToV2],
  InformationProvided: [informationProvidedV1ToV2],
};

function referralSchemas(): Record<string, EventTypeSchema> {
  const entries = Object.entries(CURRENT_EVENT_VERSIONS) as [ReferralEventType, number][];
  return Object.fromEntries(entries.map(([type, current]) => [type, { current, upcasters: REFERRAL_UPCASTERS[type] ?? [] }]));
}

/** What every PostgresEventStore applies unless given others (checked when the module loads). */
export const referralEventUpcasters = new EventUpcasters(referralSchemas());
