import type { TriageAwaited } from '@app/domain';

/**
 * v1: stored before schema versions were stamped. Before the hub policy applied it had only
 * `referralId` and `since`; later ones (and the legacy first step) may or may not carry
 * `dueAt` and `policyVersion`.
 */
export interface TriageAwaitedV1 {
  referralId: string;
  since: string;
  dueAt?: string;
  policyVersion?: number;
}

/** v1 → v2: both fields present, null where none was recorded (no triage deadline was set). */
export function triageAwaitedV1ToV2(data: TriageAwaitedV1): TriageAwaited['data'] {
  return { ...data, dueAt: data.dueAt ?? null, policyVersion: data.policyVersion ?? null };
}
