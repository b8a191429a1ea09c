import { Rejection } from '../../shared/rejection';
import { requestInformation } from '../information-gathering/request-information';
import { triageLeadsToGathering } from '../lifecycle/decisions';
import { dueAfter } from '../lifecycle/deadlines';
import { climb } from '../lifecycle/escalation';
import { requireAuthoriser, requireRagLevel, requireText, started, wrongStage } from '../lifecycle/guards';
import type { Actor, LifecycleMetadata } from '../lifecycle/lifecycle.types';
import { outcomeEvents, referrerNotified } from '../outcome/outcome';
import type { ReferralEvent } from '../referral.events';
import { openActions, type ReferralState, type StartedReferral } from '../referral.state';
import type { AuthoriseDecision, EscalateAuthorisation, ReturnDecision } from './authorisation.commands';

type Waiting = Extract<ReferralState, { status: 'AwaitingAuthorisation' }>;

function waiting(command: AuthoriseDecision | ReturnDecision, state: ReferralState): Waiting {
  const referral = started(state, command.data.referralId);
  if (referral.status !== 'AwaitingAuthorisation') throw wrongStage(command.type, referral);
  requireAuthoriser(command.metadata.policy, command.data.by, 'authorise or return decisions');
  requireText(command.data.rationale, 'rationale');
  return referral;
}

/**
 * Oversight is a second pair of eyes: nobody authorises a decision they recorded, nor upholds
 * one of theirs that is challenged. Returning it (withdrawing, or conceding the challenge) is
 * always open to them.
 */
function requireSecondPairOfEyes(referral: Waiting, by: Actor): void {
  if (referral.decision?.by.userId !== by.userId) return;
  throw new Rejection(
    'REFERRAL.NOT_ALLOWED',
    `${by.userId} made this decision; a decision needs someone other than its maker to authorise it`,
    'by.userId',
  );
}

export function authoriseDecision(command: AuthoriseDecision, state: ReferralState): ReferralEvent[] {
  const referral = waiting(command, state);
  const { data, metadata } = command;
  requireSecondPairOfEyes(referral, data.by);
  const { kind } = referral.authorisation;
  const policyVersion = metadata.policy.policyVersion;
  if (kind === 'challenge') {
    const resumes = referral.authorisation.resumeTo ?? 'Closed';
    return [
      {
        type: 'ChallengeResolved',
        data: {
          referralId: data.referralId,
          by: data.by,
          rationale: data.rationale,
          resolvedAt: metadata.now.toISOString(),
          policyVersion,
          upheld: true,
          resumes,
        },
      },
      referrerNotified(referral, 'challenge-upheld', referral.outcome?.decision ?? '', metadata),
    ];
  }
  const decision = referral.decision!;
  const authorised: ReferralEvent = {
    type: 'DecisionAuthorised',
    data: {
      referralId: data.referralId,
      kind,
      decision: decision.decision,
      by: data.by,
      rationale: data.rationale,
      authorisedAt: metadata.now.toISOString(),
      policyVersion,
    },
  };
  if (kind === 'strategy') {
    return [authorised, ...outcomeEvents(referral, 'strategy', decision.decision, data.by, decision.actions.length === 0, metadata)];
  }
  if (!triageLeadsToGathering(decision.decision)) {
    return [authorised, ...outcomeEvents(referral, 'triage', decision.decision, data.by, true, metadata)];
  }
  return [authorised, ...startGathering(referral, metadata)];
}

/** Requests to the rated level's agencies; a level that asks nobody goes straight to the discussion. */
function startGathering(referral: StartedReferral, metadata: LifecycleMetadata): ReferralEvent[] {
  const level = requireRagLevel(metadata.policy, referral.rag ?? '');
  const requests = requestInformation(referral.referralId, level, level.agencies, metadata.now.toISOString(), metadata.policy);
  if (requests.length > 0) return requests;
  return [
    {
      type: 'InformationGatheringClosed',
      data: { referralId: referral.referralId, early: false, unanswered: [], closedAt: metadata.now.toISOString() },
    },
  ];
}

export function returnDecision(command: ReturnDecision, state: ReferralState): ReferralEvent[] {
  const referral = waiting(command, state);
  const { data, metadata } = command;
  const { kind } = referral.authorisation;
  const { policyVersion } = metadata.policy;
  const at = metadata.now.toISOString();
  if (kind !== 'challenge') {
    const decision = referral.decision!.decision;
    return [
      {
        type: 'DecisionReturned',
        data: { referralId: data.referralId, kind, decision, by: data.by, rationale: data.rationale, returnedAt: at, policyVersion },
      },
    ];
  }
  const toTriage = referral.outcome?.source === 'triage';
  const triageDueAt = toTriage ? dueAfter(at, metadata.policy.triageTimescale[referral.subjectType], metadata.policy.calendar) : null;
  return [
    {
      type: 'ChallengeResolved',
      data: {
        referralId: data.referralId,
        by: data.by,
        rationale: data.rationale,
        resolvedAt: at,
        policyVersion,
        upheld: false,
        reopens: toTriage ? 'AwaitingTriage' : 'StrategyDiscussion',
        triageDueAt,
      },
    },
    // Actions agreed under the re-opened decision no longer stand; the new decision agrees its own.
    ...openActions(referral).map(
      (action): ReferralEvent => ({
        type: 'ActionCancelled',
        data: {
          referralId: data.referralId,
          actionId: action.actionId,
          by: data.by,
          reason: `decision re-opened on challenge: ${data.rationale}`,
          cancelledAt: at,
        },
      }),
    ),
    referrerNotified(referral, 'challenge-reopened', referral.outcome?.decision ?? '', metadata),
  ];
}

/** Timer-driven: nothing once the decision has been dealt with or before the rung is due. */
export function escalateAuthorisation({ data, metadata }: EscalateAuthorisation, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (referral.status !== 'AwaitingAuthorisation') return [];
  const step = climb(referral.authorisation.escalation, metadata.now, metadata.policy);
  if (!step) return [];
  const { kind } = referral.authorisation;
  return [
    { type: 'AuthorisationEscalated', data: { referralId: data.referralId, kind, ...step, policyVersion: metadata.policy.policyVersion } },
  ];
}
