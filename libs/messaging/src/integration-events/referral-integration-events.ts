import type { Agency, AgeBand, ConcernCategory, ConsentStatus, SubjectType } from '@app/domain';
import type { IntegrationEvent } from './integration-event';

/** Public type names, one per published fact and version. */
export const REFERRAL_INTEGRATION_TYPES = {
  received: 'mash.referral.received.v1',
  triageAwaited: 'mash.referral.triage-awaited.v1',
} as const;

export type ReferralIntegrationType = (typeof REFERRAL_INTEGRATION_TYPES)[keyof typeof REFERRAL_INTEGRATION_TYPES];

/**
 * What a subscriber learns of a new referral: enough to route and count it. The narrative,
 * addresses, contact details and household members' names stay in the platform and are shared
 * case by case under the hub's information sharing agreement.
 */
export interface ReferralReceivedV1Data {
  receivedAt: string;
  referrer: { agency: Agency; role: string | null };
  subject: {
    type: SubjectType;
    givenName: string;
    familyName: string;
    dateOfBirth: string | null;
    ageBand: AgeBand | null;
  };
  concernCategories: ConcernCategory[];
  immediateRisk: boolean;
  /** People in the subject's household, the subject included. */
  householdSize: number;
  consent: { status: ConsentStatus; familyAware: boolean };
}

export interface TriageAwaitedV1Data {
  since: string;
}

export type ReferralReceivedV1 = IntegrationEvent<typeof REFERRAL_INTEGRATION_TYPES.received, ReferralReceivedV1Data>;
export type TriageAwaitedV1 = IntegrationEvent<typeof REFERRAL_INTEGRATION_TYPES.triageAwaited, TriageAwaitedV1Data>;

export type ReferralIntegrationEvent = ReferralReceivedV1 | TriageAwaitedV1;
