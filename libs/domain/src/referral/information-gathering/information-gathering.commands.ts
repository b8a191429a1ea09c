import type { Agency } from '../referral-dataset';
import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';
import type { SharingDecision } from './sharing-decision';

/**
 * An agency's answer: what it shares (`summary`, required when shared) and its decision to
 * share or not. Commands recorded in workflow histories before sharing decisions carry no
 * `sharing`; the decider still replays them as it did then.
 */
export interface RecordInformationResponse {
  type: 'RecordInformationResponse';
  data: { referralId: string; agency: Agency; responseId: string; by: Actor; summary?: string; sharing: SharingDecision };
  metadata: LifecycleMetadata;
}

/** Timer-driven. */
export interface RemindInformationRequest {
  type: 'RemindInformationRequest';
  data: { referralId: string; agency: Agency };
  metadata: LifecycleMetadata;
}

/** Timer-driven. */
export interface EscalateInformationRequest {
  type: 'EscalateInformationRequest';
  data: { referralId: string; agency: Agency };
  metadata: LifecycleMetadata;
}

export interface CloseInformationGathering {
  type: 'CloseInformationGathering';
  data: { referralId: string; by: Actor; rationale: string };
  metadata: LifecycleMetadata;
}
