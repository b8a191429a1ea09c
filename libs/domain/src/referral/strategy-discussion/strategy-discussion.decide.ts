import { Rejection } from '../../shared/rejection';
import { authorisationRequested } from '../lifecycle/authorisation-request';
import { dueAfter, reminderAt } from '../lifecycle/deadlines';
import { strategyDecisionsFor } from '../lifecycle/decisions';
import { requireText, started, wrongStage } from '../lifecycle/guards';
import type { LifecycleMetadata } from '../lifecycle/lifecycle.types';
import type { ReferralEvent } from '../referral.events';
import { openRequests, type ReferralState, type StartedReferral } from '../referral.state';
import type { RecordStrategyDiscussion } from './strategy-discussion.commands';
import type { AgreedAction } from './strategy-discussion.events';

type Discussion = RecordStrategyDiscussion['data'];

function requireCoreAgencies({ attendees, absences }: Discussion, { policy }: LifecycleMetadata): void {
  for (const agency of policy.coreAgencies) {
    const attended = attendees.some((a) => a.agency === agency);
    const excused = absences.some((a) => a.agency === agency && a.reason.trim() !== '');
    if (!attended && !excused) {
      throw new Rejection(
        'REFERRAL.CORE_AGENCY_MISSING',
        `${agency} has a required place: record its attendance or the reason for its absence`,
        'attendees',
      );
    }
  }
}

function heldAt(discussion: Discussion, referral: StartedReferral, now: Date): number {
  const held = Date.parse(discussion.heldAt);
  if (Number.isNaN(held) || held > now.getTime() || held < Date.parse(referral.receivedAt)) {
    throw new Rejection('REFERRAL.INVALID_INPUT', 'heldAt must be an instant between receipt of the referral and now', 'heldAt');
  }
  return held;
}

/** Each action with its due time (given, or the policy's default from the discussion) and reminder. */
function agreedActions(discussion: Discussion, { policy }: LifecycleMetadata): AgreedAction[] {
  const seen = new Set<string>();
  return discussion.actions.map((action, i) => {
    requireText(action.actionId, `actions[${i}].actionId`);
    requireText(action.description, `actions[${i}].description`);
    if (seen.has(action.actionId))
      throw new Rejection('REFERRAL.INVALID_INPUT', `action ${action.actionId} appears twice`, `actions[${i}].actionId`);
    seen.add(action.actionId);
    if (!policy.memberAgencies.includes(action.owningAgency)) {
      throw new Rejection(
        'REFERRAL.UNKNOWN_AGENCY',
        `${action.owningAgency} is not a member agency of the hub`,
        `actions[${i}].owningAgency`,
      );
    }
    if (action.dueAt !== undefined && !(Date.parse(action.dueAt) > Date.parse(discussion.heldAt))) {
      throw new Rejection('REFERRAL.INVALID_INPUT', 'an action is due after the discussion', `actions[${i}].dueAt`);
    }
    const dueAt = action.dueAt
      ? new Date(action.dueAt).toISOString()
      : dueAfter(discussion.heldAt, policy.actionDefaultTimescale, policy.calendar);
    const remindAt = reminderAt(discussion.heldAt, dueAt, policy.actionReminderLeadTime, policy.calendar);
    return { actionId: action.actionId, description: action.description, owningAgency: action.owningAgency, dueAt, remindAt };
  });
}

/**
 * The discussion and its decision, which then waits for authorisation. Holding it ends any
 * gathering still open (the unanswered agencies are recorded); responses stop being accepted.
 */
export function recordStrategyDiscussion({ type, data, metadata }: RecordStrategyDiscussion, state: ReferralState): ReferralEvent[] {
  const referral = started(state, data.referralId);
  if (referral.status !== 'StrategyDiscussion') throw wrongStage(type, referral);
  const rationale = requireText(data.rationale, 'rationale');
  const allowed = strategyDecisionsFor(referral.subjectType);
  if (!allowed.includes(data.decision)) {
    throw new Rejection(
      'REFERRAL.INVALID_INPUT',
      `${data.decision} is not a strategy decision for a ${referral.subjectType}: ${allowed.join(', ')}`,
      'decision',
    );
  }
  const held = heldAt(data, referral, metadata.now);
  requireCoreAgencies(data, metadata);
  const actions = agreedActions(data, metadata);
  const recordedAt = metadata.now.toISOString();
  const open = openRequests(referral);
  const closing: ReferralEvent[] =
    open.length === 0
      ? []
      : [
          {
            type: 'InformationGatheringClosed',
            data: {
              referralId: data.referralId,
              early: true,
              unanswered: open.map((r) => r.agency),
              closedAt: recordedAt,
              by: data.by,
              rationale: 'strategy discussion held',
            },
          },
        ];
  return [
    ...closing,
    {
      type: 'StrategyDiscussionHeld',
      data: {
        referralId: data.referralId,
        heldAt: new Date(held).toISOString(),
        minutesSinceReferral: Math.floor((held - Date.parse(referral.receivedAt)) / 60_000),
        attendees: data.attendees,
        absences: data.absences,
        decision: data.decision,
        rationale,
        actions,
        by: data.by,
        recordedAt,
        policyVersion: metadata.policy.policyVersion,
      },
    },
    authorisationRequested(data.referralId, 'strategy', metadata),
  ];
}
