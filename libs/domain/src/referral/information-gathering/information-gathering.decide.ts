import type { Agency } from '../referral-dataset';
import { Rejection } from '../../shared/rejection';
import { climb } from '../lifecycle/escalation';
import { requireAuthoriser, requireText, started, wrongStage } from '../lifecycle/guards';
import type { ReferralEvent } from '../referral.events';
import { openRequests, type InformationRequestState, type ReferralState, type StartedReferral } from '../referral.state';
import type {
  CloseInformationGathering,
  EscalateInformationRequest,
  RecordInformationResponse,
  RemindInformationRequest,
} from './information-gathering.commands';
import { sharingAnswer } from './sharing-answer';

function requestTo(referral: StartedReferral, agency: Agency): InformationRequestState {
  const request = referral.requests.find((r) => r.agency === agency);
  if (!request) throw new Rejection('REFERRAL.UNKNOWN_AGENCY', `${agency} was not asked for information about this referral`, 'agency');
  return request;
}

/**
 * An agency's answer, accepted until the strategy discussion is held (late after its due time,
 * or after gathering closed without it). "Held, not shared" is an answer like any other: on
 * time before the due time, and it stops the reminders and escalation. The same responseId again records nothing; a different
 * one from an agency that already answered is kept as an addition. The last open answer
 * completes gathering.
 */
export function recordInformationResponse({ type, data, metadata }: RecordInformationResponse, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (referral.status !== 'InformationGathering' && referral.status !== 'StrategyDiscussion') throw wrongStage(type, referral);
  const request = requestTo(referral, data.agency);
  if (data.by.agency !== data.agency) {
    throw new Rejection('REFERRAL.NOT_ALLOWED', `a member of ${data.by.agency} cannot answer for ${data.agency}`, 'by.agency');
  }
  if (request.responseIds.includes(data.responseId)) return [];
  const answer = sharingAnswer(data);
  const providedAt = metadata.now.toISOString();
  const provided: ReferralEvent = {
    type: 'InformationProvided',
    data: {
      referralId: data.referralId,
      agency: data.agency,
      responseId: data.responseId,
      by: data.by,
      ...answer,
      providedAt,
      dueAt: request.dueAt,
      late: metadata.now.getTime() > Date.parse(request.dueAt),
      addition: request.status === 'answered',
    },
  };
  const stillOpen = openRequests(referral).filter((r) => r.agency !== data.agency);
  if (request.status !== 'open' || stillOpen.length > 0) return [provided];
  return [
    provided,
    { type: 'InformationGatheringClosed', data: { referralId: data.referralId, early: false, unanswered: [], closedAt: providedAt } },
  ];
}

/** Timer-driven: once per request, only while it is open and once its reminder time has come. */
export function remindInformationRequest({ data, metadata }: RemindInformationRequest, state: ReferralState): ReferralEvent[] {
  const request = requestTo(started(state, data.referralId), data.agency);
  if (request.status !== 'open' || request.reminded || !request.remindAt) return [];
  if (metadata.now.getTime() < Date.parse(request.remindAt)) return [];
  return [
    {
      type: 'InformationRequestReminded',
      data: {
        referralId: data.referralId,
        agency: data.agency,
        remindedAt: metadata.now.toISOString(),
        dueAt: request.dueAt,
        policyVersion: metadata.policy.policyVersion,
      },
    },
  ];
}

/** Timer-driven: one rung up the ladder while the request is open. */
export function escalateInformationRequest({ data, metadata }: EscalateInformationRequest, state: ReferralState): ReferralEvent[] {
  const request = requestTo(started(state, data.referralId), data.agency);
  if (request.status !== 'open') return [];
  const step = climb(request.escalation, metadata.now, metadata.policy, data.agency);
  if (!step) return [];
  return [
    {
      type: 'InformationRequestEscalated',
      data: { referralId: data.referralId, agency: data.agency, ...step, policyVersion: metadata.policy.policyVersion },
    },
  ];
}

/** The manager stops waiting; the agencies that never answered are named for the record. */
export function closeInformationGathering({ type, data, metadata }: CloseInformationGathering, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  const open = openRequests(referral);
  const gathering = referral.status === 'InformationGathering' || (referral.status === 'StrategyDiscussion' && open.length > 0);
  if (!gathering) throw wrongStage(type, referral);
  requireAuthoriser(metadata.policy, data.by, 'close information gathering');
  const rationale = requireText(data.rationale, 'rationale');
  return [
    {
      type: 'InformationGatheringClosed',
      data: {
        referralId: data.referralId,
        early: true,
        unanswered: open.map((r) => r.agency),
        closedAt: metadata.now.toISOString(),
        by: data.by,
        rationale,
      },
    },
  ];
}
