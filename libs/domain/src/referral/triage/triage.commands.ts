import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';

export interface RecordTriageDecision {
  type: 'RecordTriageDecision';
  data: { referralId: string; rag: string; decision: string; rationale: string; by: Actor };
  metadata: LifecycleMetadata;
}

/** Timer-driven: the triage deadline (or the next rung) has passed. */
export interface EscalateTriage {
  type: 'EscalateTriage';
  data: { referralId: string };
  metadata: LifecycleMetadata;
}
