import { openDeadlines, type Agency, type OpenDeadline, type ReferralState } from '@app/domain';
import type { UnstampedCommand } from './lifecycle-session';

export interface NextTimer {
  deadline: OpenDeadline;
  at: number;
}

/** The earliest timer among the open deadlines (one timer for the whole referral), or null. */
export function earliestTimer(state: ReferralState): NextTimer | null {
  let earliest: NextTimer | null = null;
  for (const deadline of openDeadlines(state)) {
    if (!deadline.next) continue;
    const at = Date.parse(deadline.next.at);
    if (!earliest || at < earliest.at) earliest = { deadline, at };
  }
  return earliest;
}


/** The timer-driven command for a deadline whose `next.at` has come, without its metadata. */
export function timerCommand(referralId: string, { key, next }: OpenDeadline): UnstampedCommand {
  const command = next!.command;
  switch (command) {
    case 'EscalateTriage':
    case 'EscalateAuthorisation':
      return { type: command, data: { referralId } };
    case 'RemindInformationRequest':
    case 'EscalateInformationRequest':
      return { type: command, data: { referralId, agency: key as Agency } };
    case 'RemindAction':
    case 'EscalateAction':
      return { type: command, data: { referralId, actionId: key } };
    default: {
      const unknown: never = command;
      throw new Error(`unknown deadline command ${String(unknown)}`);
    }
  }
}
