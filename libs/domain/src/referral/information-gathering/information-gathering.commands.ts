import type { Agency } from '../referral-dataset';
import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';

export interface RecordInformationResponse {
  type: 'RecordInformationResponse';
  data: { referralId: string; agency: Agency; responseId: string; by: Actor; summary: string };
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
