import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';

export interface ReRate {
  type: 'ReRate';
  data: { referralId: string; rag: string; rationale: string; by: Actor };
  metadata: LifecycleMetadata;
}
