import { ApplicationFailure, patched, proxyActivities } from '@temporalio/workflow';
import {
  decide,
  evolve,
  initialState,
  Rejection,
  type Actor,
  type LifecycleMetadata,
  type LifecyclePolicy,
  type ReferralCommand,
  type ReferralEvent,
  type ReferralState,
} from '@app/domain';
import type { AppendedEvents, ContinuedLifecycle, ReferralActivities } from '@app/workflow-contracts';
import { noticesFor } from './notices';
import { isVersionConflict, VERSION_CONFLICT } from './version-conflict';

const { appendEvents, notify } = proxyActivities<ReferralActivities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: a database outage delays the referral, it must never fail it.
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [VERSION_CONFLICT, 'EVENT_STORE.EVENT_ID_REUSED'],
  },
});

const { loadReferral, currentPolicy } = proxyActivities<ReferralActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: ['REFERRAL.NOT_FOUND'] },
});

/**
 * Runs from before this patch failed the command on a conflict (an update's caller got the
 * failure and the run went on): their histories have no re-read, so their replay keeps failing
 * it. Only the conflict path asks, so histories without a conflict replay unchanged.
 */
const REREAD_ON_CONFLICT = 'lifecycle-reread-on-version-conflict';

/**
 * Runs from before this patch decided every command under the policy loaded at start, so a
 * decision after the hub published a new version was stamped with the old one. Now each command
 * (sent by a person or by a timer) is decided under the version in force when it runs.
 */
const POLICY_IN_FORCE = 'policy-in-force-per-command';

/** Appends a command may meet a conflict on (each time re-read and decided again) before it fails. */
const MAX_ATTEMPTS = 4;

/** A command as the workflow builds it, before it adds the time and the policy. */
export type UnstampedCommand = { [Type in ReferralCommand['type']]: Omit<Extract<ReferralCommand, { type: Type }>, 'metadata'> }[ReferralCommand['type']];

/** A Rejection as a Temporal failure: its code is the failure's type, so callers can map it. */
export function rejectionFailure(rejection: Rejection): ApplicationFailure {
  return ApplicationFailure.create({ type: rejection.code, message: rejection.message, nonRetryable: true, details: [rejection.field ?? null] });
}

/**
 * The referral as this workflow knows it: the decider's state over every event in its stream,
 * and what it needs to append the next ones. Commands run one at a time (a promise chain), so
 * two appends never interleave and each is decided against the state the previous one left.
 */
export class LifecycleSession {
  private tail: Promise<unknown> = Promise.resolve();
  /** Commands queued or running: continue-as-new waits for none. */
  pending = 0;
  /** Bumped on every change: the deadline loop re-reads the deadlines when it moves. */
  changes = 0;

  constructor(
    private readonly workflowId: string,
    private readonly hubId: string,
    private current: ContinuedLifecycle,
  ) {}

  get state(): ReferralState {
    return this.current.state;
  }

  get policy(): LifecyclePolicy {
    return this.current.policy;
  }

  /** What a continued run starts from. */
  get snapshot(): ContinuedLifecycle {
    return this.current;
  }

  metadata(): LifecycleMetadata {
    return { now: new Date(), policy: this.current.policy }; // workflow time: replayed, not read again
  }

  /** Decides against the present state and throws the Rejection as a failure (update validators). */
  validate(command: UnstampedCommand): void {
    try {
      decide({ ...command, metadata: this.metadata() } as ReferralCommand, this.state);
    } catch (error) {
      if (error instanceof Rejection) throw rejectionFailure(error);
      throw error;
    }
  }

  /** Queues the command behind any in progress; resolves with the events it appended. */
  execute(command: UnstampedCommand, actor: Actor | null): Promise<ReferralEvent[]> {
    this.pending += 1;
    const run = this.tail.then(() => this.decideAndAppend(command, actor)).finally(() => (this.pending -= 1));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async decideAndAppend(command: UnstampedCommand, actor: Actor | null): Promise<ReferralEvent[]> {
    // Deadlines already set keep their due times (they are in the state, decided under the
    // version then in force); what this command decides takes the version in force now.
    if (patched(POLICY_IN_FORCE)) await this.refreshPolicy();
    for (let attempt = 1; ; attempt += 1) {
      const events = this.decide(command);
      if (events.length === 0) return events;
      const sequence = this.current.sequence + 1;
      let appended: AppendedEvents;
      try {
        appended = await this.append(command, actor, events, sequence);
      } catch (error) {
        // Another writer appended first: what was decided may no longer hold, so re-read and decide again.
        if (!isVersionConflict(error) || !patched(REREAD_ON_CONFLICT)) throw error;
        await this.reread(command.data.referralId, sequence);
        // Re-read even then, so the state (queries, deadlines, the next command) is the stream's.
        if (attempt === MAX_ATTEMPTS) throw gaveUp(command, error as Error);
        continue;
      }
      const { streamVersion, eventIds } = appended;
      this.current = {
        ...this.current,
        state: events.reduce(evolve, this.current.state),
        streamVersion,
        sequence,
        lastEventId: eventIds[eventIds.length - 1],
      };
      this.changes += 1;
      // The event is the fact; the notices follow it, each named by the event's id.
      for (const notice of noticesFor(command.data.referralId, this.hubId, events, eventIds)) await notify(notice);
      return events;
    }
  }

  private async refreshPolicy(): Promise<void> {
    this.current = { ...this.current, policy: await currentPolicy({ hubId: this.hubId }) };
  }

  private append(command: UnstampedCommand, actor: Actor | null, events: ReferralEvent[], sequence: number): Promise<AppendedEvents> {
    return appendEvents({
      referralId: command.data.referralId,
      hubId: this.hubId,
      workflowId: this.workflowId,
      sequence,
      expectedVersion: this.current.streamVersion,
      events,
      actor,
      correlationId: this.current.correlationId,
      causationId: this.current.lastEventId,
      policyVersion: this.current.policy.policyVersion,
    });
  }

  private decide(command: UnstampedCommand): ReferralEvent[] {
    try {
      return decide({ ...command, metadata: this.metadata() } as ReferralCommand, this.state);
    } catch (error) {
      // The state moved between the validator and this turn (another command went first, or another writer).
      if (error instanceof Rejection) throw rejectionFailure(error);
      throw error;
    }
  }

  /**
   * The state rebuilt from the stream as stored. The refused append's sequence stays spent, so
   * event ids never repeat. The policy is refreshed per command (POLICY_IN_FORCE), not here.
   */
  private async reread(referralId: string, spentSequence: number): Promise<void> {
    const loaded = await loadReferral({ referralId, hubId: this.hubId });
    this.current = {
      ...this.current,
      state: loaded.events.reduce(evolve, initialState()),
      streamVersion: loaded.streamVersion,
      sequence: spentSequence,
      lastEventId: loaded.lastEventId,
    };
    this.changes += 1;
  }
}

/** A stream that moves on every re-read is not a race but another writer gone wrong: stop. */
function gaveUp(command: UnstampedCommand, conflict: Error): ApplicationFailure {
  return ApplicationFailure.create({
    type: VERSION_CONFLICT,
    message: `${command.type} for referral ${command.data.referralId}: the stream moved on before each of ${MAX_ATTEMPTS} appends`,
    nonRetryable: true,
    cause: conflict,
  });
}
