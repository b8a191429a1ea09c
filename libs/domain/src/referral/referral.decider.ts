import { cancelAction, completeAction, escalateAction, remindAction } from './actions/actions.decide';
import { authoriseDecision, escalateAuthorisation, returnDecision } from './authorisation/authorisation.decide';
import { raiseChallenge } from './challenge/challenge.decide';
import { recordDisclosure } from './disclosure/disclosure.decide';
import {
  closeInformationGathering,
  escalateInformationRequest,
  recordInformationResponse,
  remindInformationRequest,
} from './information-gathering/information-gathering.decide';
import { beginLifecycle, recordTriageAwaited, submit } from './intake/intake.decide';
import { reRate } from './rating/rating.decide';
import type { ReferralCommand } from './referral.commands';
import type { ReferralEvent } from './referral.events';
import type { ReferralState } from './referral.state';
import { recordStrategyDiscussion } from './strategy-discussion/strategy-discussion.decide';
import { escalateTriage, recordTriageDecision } from './triage/triage.decide';

/** Decides a command against the referral's state: the events it gives, or a Rejection thrown. */
export function decide(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  switch (command.type) {
    case 'SubmitReferral':
      return submit(command, state);
    case 'RecordTriageAwaited':
      return recordTriageAwaited(command, state);
    case 'BeginLifecycle':
      return beginLifecycle(command, state);
    case 'RecordTriageDecision':
      return recordTriageDecision(command, state);
    case 'EscalateTriage':
      return escalateTriage(command, state);
    case 'ReRate':
      return reRate(command, state);
    case 'AuthoriseDecision':
      return authoriseDecision(command, state);
    case 'ReturnDecision':
      return returnDecision(command, state);
    case 'EscalateAuthorisation':
      return escalateAuthorisation(command, state);
    case 'RecordInformationResponse':
      return recordInformationResponse(command, state);
    case 'RemindInformationRequest':
      return remindInformationRequest(command, state);
    case 'EscalateInformationRequest':
      return escalateInformationRequest(command, state);
    case 'CloseInformationGathering':
      return closeInformationGathering(command, state);
    case 'RecordStrategyDiscussion':
      return recordStrategyDiscussion(command, state);
    case 'RemindAction':
      return remindAction(command, state);
    case 'EscalateAction':
      return escalateAction(command, state);
    case 'CompleteAction':
      return completeAction(command, state);
    case 'CancelAction':
      return cancelAction(command, state);
    case 'RaiseChallenge':
      return raiseChallenge(command, state);
    case 'RecordDisclosure':
      return recordDisclosure(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
