import { isAuthoriser, ragLevel, type LifecyclePolicy, type RagLevel } from '../../policy/lifecycle-policy';
import { Rejection } from '../../shared/rejection';
import type { ReferralState, StartedReferral } from '../referral.state';
import type { Actor } from './lifecycle.types';

export function wrongStage(command: string, state: ReferralState): Rejection {
  return new Rejection('REFERRAL.WRONG_STAGE', `${command} is not allowed while the referral is at stage ${state.status}`);
}

/** The referral as received, or NOT_FOUND for one never received. */
export function started(state: ReferralState, referralId: string): StartedReferral {
  if (state.status === 'Empty') throw new Rejection('REFERRAL.NOT_FOUND', `referral ${referralId} has not been received`);
  return state;
}

export function requireText(value: string | undefined, field: string): string {
  if (!value || value.trim() === '') throw new Rejection('REFERRAL.INVALID_INPUT', `${field} is required`, field);
  return value;
}

export function requireAuthoriser(policy: LifecyclePolicy, by: Actor, what: string): void {
  if (!isAuthoriser(policy, by.userId)) {
    throw new Rejection(
      'REFERRAL.NOT_ALLOWED',
      `${by.userId} is not the accountable manager or a delegate and cannot ${what}`,
      'by.userId',
    );
  }
}

export function requireRagLevel(policy: LifecyclePolicy, code: string): RagLevel {
  const level = ragLevel(policy, code);
  if (!level) {
    const known = policy.ragLevels.map((l) => l.code).join(', ');
    throw new Rejection('REFERRAL.INVALID_INPUT', `RAG level ${code} is not one of hub policy ${policy.policyVersion}: ${known}`, 'rag');
  }
  return level;
}
