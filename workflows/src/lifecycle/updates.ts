import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import type { Actor } from '@app/domain';
import {
  authoriseDecisionUpdate,
  cancelActionUpdate,
  closeInformationGatheringUpdate,
  completeActionUpdate,
  raiseChallengeUpdate,
  recordDisclosureUpdate,
  recordInformationResponseUpdate,
  recordStrategyDiscussionUpdate,
  recordTriageDecisionUpdate,
  reRateUpdate,
  returnDecisionUpdate,
  type CommandResult,
} from '@app/workflow-contracts';
import type { LifecycleSession, UnstampedCommand } from './lifecycle-session';

/**
 * One update per command a person sends. The validator decides it against the present state
 * (synchronously) and throws the Rejection, so a refused command never enters the history;
 * the handler queues it, decides it again in its turn and appends what it gives.
 */
export function registerCommandUpdates(session: LifecycleSession, referralId: string): void {
  const on = <Fields extends { by: Actor }>(
    update: UpdateDefinition<CommandResult, [Fields]>,
    type: UnstampedCommand['type'],
  ) => {
    const command = (fields: Fields) => ({ type, data: { ...fields, referralId } }) as UnstampedCommand;
    setHandler(update, (fields) => session.execute(command(fields), fields.by), {
      validator: (fields) => session.validate(command(fields)),
    });
  };
  on(recordTriageDecisionUpdate, 'RecordTriageDecision');
  on(authoriseDecisionUpdate, 'AuthoriseDecision');
  on(returnDecisionUpdate, 'ReturnDecision');
  on(reRateUpdate, 'ReRate');
  on(recordInformationResponseUpdate, 'RecordInformationResponse');
  on(closeInformationGatheringUpdate, 'CloseInformationGathering');
  on(recordStrategyDiscussionUpdate, 'RecordStrategyDiscussion');
  on(completeActionUpdate, 'CompleteAction');
  on(cancelActionUpdate, 'CancelAction');
  on(raiseChallengeUpdate, 'RaiseChallenge');
  on(recordDisclosureUpdate, 'RecordDisclosure');
}
