import type { Actor } from '../lifecycle/lifecycle.types';

export interface ChallengeRaised {
  type: 'ChallengeRaised';
  data: { referralId: string; by: Actor; reason: string; outcome: string; raisedAt: string; policyVersion: number };
}

/**
 * The manager's answer. Upheld: the referral resumes where it was. Re-opened: the decision
 * goes back to whoever made it (triage, with a fresh triage deadline, or the strategy discussion).
 */
export type ChallengeResolved = {
  type: 'ChallengeResolved';
  data: { referralId: string; by: Actor; rationale: string; resolvedAt: string; policyVersion: number } & (
    | { upheld: true; resumes: 'ActionFollowUp' | 'Closed' }
    | { upheld: false; reopens: 'AwaitingTriage' | 'StrategyDiscussion'; triageDueAt: string | null }
  );
};
