import { Rejection } from '../../shared/rejection';
import { requireText } from '../lifecycle/guards';
import type { RecordInformationResponse } from './information-gathering.commands';
import {
  isLawfulBasis,
  isSensitivity,
  LAWFUL_BASES,
  SENSITIVITIES,
  SHARING_NOT_RECORDED,
  type LawfulBasis,
  type RecordedSharing,
  type SharingDecision,
} from './sharing-decision';

/**
 * What a response records: the summary and the decision to share it, or the decision not to
 * share with its reason and no summary. A command recorded before sharing decisions (replayed
 * from an older workflow history) has none: its summary, sharing not recorded (as such a
 * response reads once stored).
 */
export function sharingAnswer(data: RecordInformationResponse['data']): { summary?: string; sharing: RecordedSharing } {
  const sharing = data.sharing as SharingDecision | undefined;
  if (sharing === undefined) return { summary: requireText(data.summary, 'summary'), sharing: { ...SHARING_NOT_RECORDED } };
  const lawfulBasis = requireLawfulBasis(sharing.lawfulBasis);
  if (sharing.decision === 'held-not-shared') {
    if (data.summary !== undefined && data.summary.trim() !== '') {
      throw new Rejection('REFERRAL.INVALID_INPUT', 'an answer that holds information but does not share it carries no summary', 'summary');
    }
    return { sharing: { decision: 'held-not-shared', lawfulBasis, reason: requireText(sharing.reason, 'sharing.reason') } };
  }
  if (sharing.decision !== 'shared') {
    throw new Rejection('REFERRAL.INVALID_INPUT', "sharing.decision must be 'shared' or 'held-not-shared'", 'sharing.decision');
  }
  if (!isSensitivity(sharing.sensitivity)) {
    throw new Rejection('REFERRAL.INVALID_INPUT', `sharing.sensitivity must be one of ${SENSITIVITIES.join(', ')}`, 'sharing.sensitivity');
  }
  return {
    summary: requireText(data.summary, 'summary'),
    sharing: { decision: 'shared', sensitivity: sharing.sensitivity, lawfulBasis, purpose: requireText(sharing.purpose, 'sharing.purpose') },
  };
}

function requireLawfulBasis(value: unknown): LawfulBasis {
  if (isLawfulBasis(value)) return value;
  throw new Rejection('REFERRAL.INVALID_INPUT', `sharing.lawfulBasis must be one of ${Object.keys(LAWFUL_BASES).join(', ')}`, 'sharing.lawfulBasis');
}
