import type { EscalationClock } from './lifecycle/lifecycle.types';
import { openActions, openRequests, type ReferralState } from './referral.state';

/** The timer-driven command the workflow sends when `at` arrives. */
export type DeadlineCommand =
  | 'EscalateTriage'
  | 'EscalateAuthorisation'
  | 'RemindInformationRequest'
  | 'EscalateInformationRequest'
  | 'RemindAction'
  | 'EscalateAction';

export interface OpenDeadline {
  kind: 'triage' | 'authorisation' | 'information-request' | 'strategy-discussion' | 'action';
  /** 'triage', the authorisation kind, the agency asked, 'strategy-discussion' or the actionId. */
  key: string;
  dueAt: string;
  /** The escalation rung reached so far (0: none). */
  escalationLevel: number;
  /** The next timer: null when nothing more will be sent (the ladder has run out, or no command chases it). */
  next: { command: DeadlineCommand; at: string } | null;
}

function nextStep(
  clock: EscalationClock,
  escalate: DeadlineCommand,
  reminder?: { command: DeadlineCommand; remindAt: string | null; reminded: boolean },
): OpenDeadline['next'] {
  if (reminder && !reminder.reminded && reminder.remindAt && clock.level === 0) return { command: reminder.command, at: reminder.remindAt };
  return clock.nextAt ? { command: escalate, at: clock.nextAt } : null;
}

/**
 * Every deadline still running, for the workflow to set its timers from after each event.
 * A timer that fires after its deadline moved or closed gives no events, so stale ones are harmless.
 */
export function openDeadlines(state: ReferralState): OpenDeadline[] {
  if (state.status === 'Empty') return [];
  const deadlines: OpenDeadline[] = [];
  if (state.status === 'AwaitingTriage' && state.triageClock) {
    const { dueAt, escalation } = state.triageClock;
    deadlines.push({
      kind: 'triage',
      key: 'triage',
      dueAt,
      escalationLevel: escalation.level,
      next: nextStep(escalation, 'EscalateTriage'),
    });
  }
  if (state.status === 'AwaitingAuthorisation') {
    const { kind, dueAt, escalation } = state.authorisation;
    deadlines.push({
      kind: 'authorisation',
      key: kind,
      dueAt,
      escalationLevel: escalation.level,
      next: nextStep(escalation, 'EscalateAuthorisation'),
    });
  }
  if (state.status === 'StrategyDiscussion' && state.strategyDiscussionDueAt) {
    deadlines.push({
      kind: 'strategy-discussion',
      key: 'strategy-discussion',
      dueAt: state.strategyDiscussionDueAt,
      escalationLevel: 0,
      next: null,
    });
  }
  for (const r of openRequests(state)) {
    const reminder = { command: 'RemindInformationRequest' as const, remindAt: r.remindAt, reminded: r.reminded };
    deadlines.push({
      kind: 'information-request',
      key: r.agency,
      dueAt: r.dueAt,
      escalationLevel: r.escalation.level,
      next: nextStep(r.escalation, 'EscalateInformationRequest', reminder),
    });
  }
  for (const a of openActions(state)) {
    const reminder = { command: 'RemindAction' as const, remindAt: a.remindAt, reminded: a.reminded };
    deadlines.push({
      kind: 'action',
      key: a.actionId,
      dueAt: a.dueAt,
      escalationLevel: a.escalation.level,
      next: nextStep(a.escalation, 'EscalateAction', reminder),
    });
  }
  return deadlines;
}
