import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';

/** Timer-driven. */
export interface RemindAction {
  type: 'RemindAction';
  data: { referralId: string; actionId: string };
  metadata: LifecycleMetadata;
}

/** Timer-driven. */
export interface EscalateAction {
  type: 'EscalateAction';
  data: { referralId: string; actionId: string };
  metadata: LifecycleMetadata;
}

export interface CompleteAction {
  type: 'CompleteAction';
  data: { referralId: string; actionId: string; by: Actor; note: string };
  metadata: LifecycleMetadata;
}

export interface CancelAction {
  type: 'CancelAction';
  data: { referralId: string; actionId: string; by: Actor; reason: string };
  metadata: LifecycleMetadata;
}
