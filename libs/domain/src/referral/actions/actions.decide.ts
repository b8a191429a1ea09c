import { Rejection } from '../../shared/rejection';
import { climb } from '../lifecycle/escalation';
import { requireText, started, wrongStage } from '../lifecycle/guards';
import type { LifecycleMetadata } from '../lifecycle/lifecycle.types';
import { referralClosed } from '../outcome/outcome';
import type { ReferralEvent } from '../referral.events';
import { openActions, type ActionState, type ReferralState, type StartedReferral } from '../referral.state';
import type { CancelAction, CompleteAction, EscalateAction, RemindAction } from './actions.commands';

function actionOf(referral: StartedReferral, actionId: string): ActionState {
  const action = referral.actions.find((a) => a.actionId === actionId);
  if (!action) throw new Rejection('REFERRAL.UNKNOWN_ACTION', `there is no action ${actionId} on this referral`, 'actionId');
  return action;
}

function openActionOf(command: CompleteAction | CancelAction, state: ReferralState): { referral: StartedReferral; action: ActionState } {
  const referral = started(state, command.data.referralId);
  if (referral.status !== 'ActionFollowUp') throw wrongStage(command.type, referral);
  const action = actionOf(referral, command.data.actionId);
  if (action.status !== 'open')
    throw new Rejection('REFERRAL.ACTION_CLOSED', `action ${action.actionId} is already ${action.status}`, 'actionId');
  return { referral, action };
}

/** When the last open action is done, the referral closes with its outcome. */
function closingIfLast(referral: StartedReferral, actionId: string, metadata: LifecycleMetadata): ReferralEvent[] {
  const remaining = openActions(referral).filter((a) => a.actionId !== actionId);
  return remaining.length > 0 ? [] : [referralClosed(referral, referral.outcome?.decision ?? '', metadata)];
}

export function completeAction(command: CompleteAction, state: ReferralState): ReferralEvent[] {
  const { referral, action } = openActionOf(command, state);
  const { data, metadata } = command;
  const note = requireText(data.note, 'note');
  return [
    {
      type: 'ActionCompleted',
      data: {
        referralId: data.referralId,
        actionId: data.actionId,
        by: data.by,
        note,
        completedAt: metadata.now.toISOString(),
        late: metadata.now.getTime() > Date.parse(action.dueAt),
      },
    },
    ...closingIfLast(referral, data.actionId, metadata),
  ];
}

export function cancelAction(command: CancelAction, state: ReferralState): ReferralEvent[] {
  const { referral } = openActionOf(command, state);
  const { data, metadata } = command;
  const reason = requireText(data.reason, 'reason');
  return [
    {
      type: 'ActionCancelled',
      data: { referralId: data.referralId, actionId: data.actionId, by: data.by, reason, cancelledAt: metadata.now.toISOString() },
    },
    ...closingIfLast(referral, data.actionId, metadata),
  ];
}

/** Timer-driven: once, while the action is open and its reminder time has come. */
export function remindAction({ data, metadata }: RemindAction, state: ReferralState): ReferralEvent[] {
  const action = actionOf(started(state, data.referralId), data.actionId);
  if (action.status !== 'open' || action.reminded || !action.remindAt) return [];
  if (metadata.now.getTime() < Date.parse(action.remindAt)) return [];
  const { policyVersion } = metadata.policy;
  return [
    {
      type: 'ActionReminded',
      data: {
        referralId: data.referralId,
        actionId: data.actionId,
        owningAgency: action.owningAgency,
        remindedAt: metadata.now.toISOString(),
        dueAt: action.dueAt,
        policyVersion,
      },
    },
  ];
}

/** Timer-driven: one rung up the ladder while the action is open and overdue. */
export function escalateAction({ data, metadata }: EscalateAction, state: ReferralState): ReferralEvent[] {
  const action = actionOf(started(state, data.referralId), data.actionId);
  if (action.status !== 'open') return [];
  const step = climb(action.escalation, metadata.now, metadata.policy, action.owningAgency);
  if (!step) return [];
  const { policyVersion } = metadata.policy;
  return [
    {
      type: 'ActionEscalated',
      data: { referralId: data.referralId, actionId: data.actionId, owningAgency: action.owningAgency, ...step, policyVersion },
    },
  ];
}
