import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';

export interface RaiseChallenge {
  type: 'RaiseChallenge';
  data: { referralId: string; by: Actor; reason: string };
  metadata: LifecycleMetadata;
}
