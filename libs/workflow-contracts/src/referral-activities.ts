import type { Actor, LifecyclePolicy, Notified, ReferralEvent } from '@app/domain';

/** Input of the legacy first step (histories started before 'lifecycle-v2'); kept for them. */
export interface ReferralStepInput {
  referralId: string;
  hubId: string;
  /** With `step`, makes the appended event's id: a retried activity never appends twice. */
  workflowId: string;
  /**
   * Workflow time, not the activity's clock: every retry then decides the same event, and
   * the event store recognises it as already appended.
   */
  requestedAt: string;
}

export interface LoadReferralInput {
  referralId: string;
  hubId: string;
}

/** The referral's stream as stored, and the hub lifecycle policy the workflow runs under. */
export interface LoadedReferral {
  events: ReferralEvent[];
  streamVersion: number;
  /** The intake's correlation id, carried onto every event the workflow appends. */
  correlationId: string;
  lastEventId: string;
  policy: LifecyclePolicy;
}

export interface CurrentPolicyInput {
  hubId: string;
}

export interface AppendEventsInput {
  referralId: string;
  hubId: string;
  workflowId: string;
  /** The workflow's command count: with the workflow id, the events' ids (a retry repeats them). */
  sequence: number;
  expectedVersion: number;
  events: ReferralEvent[];
  /** The person whose command it was; null for a timer. */
  actor: Actor | null;
  correlationId: string;
  causationId: string;
  policyVersion: number;
}

export interface AppendedEvents {
  streamVersion: number;
  eventIds: string[];
}

/** A notice for the notification port: ids and roles only, never the subject's details. */
export interface ReferralNotice {
  referralId: string;
  hubId: string;
  /** The event the notice tells of: its id makes a repeated notice recognisable. */
  eventId: string;
  eventType: ReferralEvent['type'];
  kind: 'reminder' | 'escalation' | 'referrer-notice';
  /** Who is told: escalation roles (with their agency), the agency reminded, or the referrer's agency. */
  recipients: Notified[];
  level?: number;
}

/**
 * The activities the referral workflow calls; workflow code imports this type only, the
 * worker implements it (apps/worker/src/activities).
 */
export interface ReferralActivities {
  /** Legacy first step, for workflows started before the patch 'lifecycle-v2'. */
  recordTriageAwaited(input: ReferralStepInput): Promise<void>;
  loadReferral(input: LoadReferralInput): Promise<LoadedReferral>;
  /**
   * The hub's lifecycle policy in force now (its current published version, or the national
   * default while it has none): a command is decided under it (patch 'policy-in-force-per-command').
   */
  currentPolicy(input: CurrentPolicyInput): Promise<LifecyclePolicy>;
  /** Idempotent: events whose ids are already stored are not written again. */
  appendEvents(input: AppendEventsInput): Promise<AppendedEvents>;
  notify(notice: ReferralNotice): Promise<void>;
}
