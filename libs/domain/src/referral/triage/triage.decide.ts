import { Rejection } from '../../shared/rejection';
import { authorisationRequested } from '../lifecycle/authorisation-request';
import { triageDecisionsFor } from '../lifecycle/decisions';
import { climb } from '../lifecycle/escalation';
import { requireRagLevel, requireText, started, wrongStage } from '../lifecycle/guards';
import type { ReferralEvent } from '../referral.events';
import type { ReferralState } from '../referral.state';
import type { EscalateTriage, RecordTriageDecision } from './triage.commands';

/** The practitioner's rating and decision; it takes effect only once a manager authorises it. */
export function recordTriageDecision({ type, data, metadata }: RecordTriageDecision, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (referral.status !== 'AwaitingTriage') throw wrongStage(type, referral);
  const rationale = requireText(data.rationale, 'rationale');
  requireRagLevel(metadata.policy, data.rag);
  const allowed = triageDecisionsFor(referral.subjectType);
  if (!allowed.includes(data.decision)) {
    throw new Rejection(
      'REFERRAL.INVALID_INPUT',
      `${data.decision} is not a triage decision for a referral about ${referral.subjectType === 'child' ? 'a child' : 'an adult'}: ${allowed.join(', ')}`,
      'decision',
    );
  }
  return [
    {
      type: 'TriageDecisionRecorded',
      data: {
        referralId: data.referralId,
        rag: data.rag,
        decision: data.decision,
        rationale,
        by: data.by,
        decidedAt: metadata.now.toISOString(),
        policyVersion: metadata.policy.policyVersion,
      },
    },
    authorisationRequested(data.referralId, 'triage', metadata),
  ];
}

/** Timer-driven: nothing once triage is decided or before the rung is due. */
export function escalateTriage({ data, metadata }: EscalateTriage, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (referral.status !== 'AwaitingTriage' || !referral.triageClock) return [];
  const step = climb(referral.triageClock.escalation, metadata.now, metadata.policy);
  if (!step) return [];
  return [{ type: 'TriageEscalated', data: { referralId: data.referralId, ...step, policyVersion: metadata.policy.policyVersion } }];
}
