import { Rejection } from '../../shared/rejection';
import { requestInformation } from '../information-gathering/request-information';
import { dueAfter, reminderAt } from '../lifecycle/deadlines';
import { requireRagLevel, requireText, started, wrongStage } from '../lifecycle/guards';
import type { ReferralEvent } from '../referral.events';
import { openRequests, type ReferralState } from '../referral.state';
import type { ReRate } from './rating.commands';

const RATED_STAGES: readonly string[] = ['AwaitingAuthorisation', 'InformationGathering', 'StrategyDiscussion', 'ActionFollowUp'];

/**
 * A change of RAG with its rationale. Each open request is re-timed from when it was asked,
 * at the new level's timescale (unless that level has none: then it keeps its due time);
 * a ladder already climbed keeps its own clock. Agencies the new level adds are asked now,
 * while the referral is still gathering or awaiting its discussion.
 */
export function reRate({ type, data, metadata }: ReRate, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (!RATED_STAGES.includes(referral.status) || !referral.rag) throw wrongStage(type, referral);
  const rationale = requireText(data.rationale, 'rationale');
  const { policy, now } = metadata;
  const level = requireRagLevel(policy, data.rag);
  if (data.rag === referral.rag) throw new Rejection('REFERRAL.INVALID_INPUT', `the referral is already rated ${data.rag}`, 'rag');
  const at = now.toISOString();
  const events: ReferralEvent[] = [
    {
      type: 'RagReRated',
      data: {
        referralId: data.referralId,
        from: referral.rag,
        to: data.rag,
        rationale,
        by: data.by,
        reRatedAt: at,
        policyVersion: policy.policyVersion,
      },
    },
  ];
  const timescale = level.informationRequestTimescale;
  for (const request of timescale ? openRequests(referral) : []) {
    const dueAt = dueAfter(request.requestedAt, timescale!, policy.calendar);
    if (dueAt === request.dueAt) continue;
    events.push({
      type: 'InformationRequestDueTimeMoved',
      data: {
        referralId: data.referralId,
        agency: request.agency,
        rag: level.code,
        dueAt,
        remindAt: request.reminded ? null : reminderAt(request.requestedAt, dueAt, level.reminderLeadTime, policy.calendar),
        nextEscalationAt: request.escalation.level === 0 ? dueAt : request.escalation.nextAt,
        movedAt: at,
        policyVersion: policy.policyVersion,
      },
    });
  }
  if (referral.status === 'InformationGathering' || referral.status === 'StrategyDiscussion') {
    const asked = referral.requests.map((r) => r.agency);
    events.push(
      ...requestInformation(
        data.referralId,
        level,
        level.agencies.filter((a) => !asked.includes(a)),
        at,
        policy,
      ),
    );
  }
  return events;
}
