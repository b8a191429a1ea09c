import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { evolve, initialState } from '@app/domain';
import {
  referralStateQuery,
  stageQuery,
  type ContinuedLifecycle,
  type ReferralActivities,
  type ReferralLifecycleInput,
  type ReferralStage,
} from '@app/workflow-contracts';
import { earliestTimer, timerCommand } from './lifecycle/deadline-timer';
import { LifecycleSession } from './lifecycle/lifecycle-session';
import { stageOf } from './lifecycle/stage';
import { registerCommandUpdates } from './lifecycle/updates';

const { recordTriageAwaited, loadReferral } = proxyActivities<ReferralActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: a database outage delays the referral, it must never fail it.
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['REFERRAL.NOT_FOUND'],
  },
});

/**
 * Past this many events a run hands its state to a fresh one (continue-as-new), far inside
 * Temporal's limits (50k events / 50 MB); the server may suggest it sooner.
 */
const HISTORY_EVENT_LIMIT = 5000;

/** One referral from receipt to closure; the rules are the domain's, this only orchestrates. */
export async function referralLifecycle(input: ReferralLifecycleInput): Promise<void> {
  if (input.continued) return runLifecycle(input, input.continued);
  // lifecycle-v2: BeginLifecycle under the hub policy, updates and deadline timers. Workflows
  // started before it recorded the legacy step and wait on it (docs/workflow-versioning.md).
  if (!patched('lifecycle-v2')) return legacyAwaitTriage(input);
  const loaded = await loadReferral({ referralId: input.referralId, hubId: input.hubId });
  const start: ContinuedLifecycle = {
    state: loaded.events.reduce(evolve, initialState()),
    policy: loaded.policy,
    streamVersion: loaded.streamVersion,
    sequence: 0,
    correlationId: loaded.correlationId,
    lastEventId: loaded.lastEventId,
  };
  return runLifecycle(input, start, true);
}

async function runLifecycle(input: ReferralLifecycleInput, from: ContinuedLifecycle, begin = false): Promise<void> {
  const { referralId, hubId } = input;
  const session = new LifecycleSession(workflowInfo().workflowId, hubId, from);
  setHandler(stageQuery, () => stageOf(session.state));
  setHandler(referralStateQuery, () => session.state);
  registerCommandUpdates(session, referralId);

  if (begin) await session.execute({ type: 'BeginLifecycle', data: { referralId } }, null);

  const limit = input.historyEventLimit ?? HISTORY_EVENT_LIMIT;
  for (;;) {
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > limit) {
      // Hand over only between commands, with no update half-way through.
      await condition(() => session.pending === 0 && allHandlersFinished());
      await continueAsNew<typeof referralLifecycle>({ ...input, continued: session.snapshot });
    }
    const seen = session.changes;
    const changed = () => session.changes !== seen;
    const timer = earliestTimer(session.state);
    if (!timer) {
      const { state } = session;
      // Closed: the referrer may still challenge until the window ends; then the workflow is done.
      if (state.status === 'Closed' && state.closure) {
        const until = Date.parse(state.closure.challengeableUntil) - Date.now();
        if (until <= 0 || !(await condition(changed, until))) {
          if (session.state.status === 'Closed') return;
        }
        continue;
      }
      await condition(changed);
      continue;
    }
    // One timer for the earliest deadline; any change re-reads the deadlines (they may have moved).
    const wait = timer.at - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    await session.execute(timerCommand(referralId, timer.deadline), null);
    if (!changed()) {
      // Nothing was due after all (the rule said not yet): wait for a change rather than spin.
      await condition(changed);
    }
  }
}

/** The path of workflows started before 'lifecycle-v2': triage awaited with no deadline, then waiting. */
async function legacyAwaitTriage({ referralId, hubId }: ReferralLifecycleInput): Promise<void> {
  const state: { stage: ReferralStage } = { stage: 'received' };
  setHandler(stageQuery, () => state.stage);

  await recordTriageAwaited({
    referralId,
    hubId,
    workflowId: workflowInfo().workflowId,
    requestedAt: new Date().toISOString(), // workflow time: replayed, not read again
  });
  state.stage = 'awaiting-triage';
  await condition(() => state.stage === 'closed');
}
