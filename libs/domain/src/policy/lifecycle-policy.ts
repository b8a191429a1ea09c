import type { WorkingCalendar, WorkingDuration } from '../calendar/working-time.types';
import type { LawfulBasis } from '../referral/information-gathering/sharing-decision';
import type { Agency } from '../referral/referral-dataset';

/**
 * The part of a hub's policy the referral lifecycle needs. The full versioned hub policy
 * document (issue 5) embeds this; every decision taken under it records `policyVersion`.
 */
export interface LifecyclePolicy {
  hubId: string;
  policyVersion: number;
  scope: 'children' | 'adults' | 'both';
  /** The hub's own RAG levels, in any order; `severity` ranks them (highest = most severe). */
  ragLevels: readonly RagLevel[];
  triageTimescale: { child: WorkingDuration; adult: WorkingDuration };
  /** How long a decision may wait in the authorisation queue before it escalates. */
  authorisationTimescale: WorkingDuration;
  /** From receipt to the strategy discussion when the referral reports immediate risk. */
  immediateRiskStrategyDiscussionTimescale: WorkingDuration;
  actionDefaultTimescale: WorkingDuration;
  actionReminderLeadTime: WorkingDuration | null;
  /** How long after closure the referrer may still challenge the outcome. */
  challengeWindow: WorkingDuration;
  escalationLadder: readonly EscalationRung[];
  /** Agencies with a required place at every strategy discussion. */
  coreAgencies: readonly Agency[];
  authorisers: { accountableManager: string; delegates: readonly string[] };
  memberAgencies: readonly Agency[];
  /**
   * The hub's information sharing agreement: an agency that has not signed it is never asked
   * for information. `version` null: no agreement document (the national default, where every
   * member agency counts as signed).
   */
  sharingAgreement: { version: string | null; signatories: readonly Agency[] };
  /**
   * The lawful basis of the outcome notice to the referrer, itself a disclosure. Absent from
   * policies recorded in workflow histories before it: those read the national default.
   */
  outcomeNoticeLawfulBasis?: LawfulBasis;
  calendar: WorkingCalendar;
}

export interface RagLevel {
  code: string;
  label: string;
  /** The hub's own threshold wording, shown to practitioners at triage. */
  wording: string;
  severity: number;
  /** Null: nobody is asked and there is no target (e.g. 'blue'). */
  informationRequestTimescale: WorkingDuration | null;
  /** A reminder is sent this much working time before the due time; null: no reminder. */
  reminderLeadTime: WorkingDuration | null;
  agencies: readonly Agency[];
}

/** Who is told at a rung; `agencyContact`: the escalation contact of the agency concerned. */
export interface EscalationRecipient {
  role: string;
  agencyContact?: boolean;
}

export interface EscalationRung {
  level: number;
  notify: readonly EscalationRecipient[];
  /** Time until the next rung; on the top rung, the interval at which it repeats. Absent: stop. */
  nextRungAfter?: WorkingDuration;
}

export function ragLevel(policy: LifecyclePolicy, code: string): RagLevel | undefined {
  return policy.ragLevels.find((level) => level.code === code);
}

export function mostSevereLevel(policy: LifecyclePolicy): RagLevel {
  return [...policy.ragLevels].sort((a, b) => b.severity - a.severity)[0];
}

export function isAuthoriser(policy: LifecyclePolicy, userId: string): boolean {
  return policy.authorisers.accountableManager === userId || policy.authorisers.delegates.includes(userId);
}

/**
 * Whether an agency may be asked for information under the hub's agreement. A policy recorded in
 * a workflow history before agreements were part of it has none: every agency counted as signed
 * then, and still does when that history replays.
 */
export function hasSignedSharingAgreement(policy: LifecyclePolicy, agency: Agency): boolean {
  const agreement = policy.sharingAgreement as LifecyclePolicy['sharingAgreement'] | undefined;
  return agreement === undefined || agreement.signatories.includes(agency);
}

/** The national default basis of the outcome notice: public task (UK GDPR Article 6(1)(e)). */
export const NATIONAL_OUTCOME_NOTICE_LAWFUL_BASIS: LawfulBasis = 'uk-gdpr-art-6-1-e';

/** Why the referrer is told the outcome, recorded on every notice. */
export const OUTCOME_NOTICE_REASON = 'outcome feedback to the referrer';

export function outcomeNoticeLawfulBasis(policy: LifecyclePolicy): LawfulBasis {
  return policy.outcomeNoticeLawfulBasis ?? NATIONAL_OUTCOME_NOTICE_LAWFUL_BASIS;
}
