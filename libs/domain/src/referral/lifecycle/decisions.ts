import type { SubjectType } from '../referral-dataset';

/** Triage decisions by subject type (DESIGN.md, "Facts from practice"). */
export const CHILD_TRIAGE_DECISIONS = [
  'no-further-action',
  'advice',
  'signpost',
  'early-help',
  'section-17-assessment',
  'section-47-strategy-discussion',
  'police-action',
  'emergency-protection',
  'mash-enquiry',
] as const;
export const ADULT_TRIAGE_DECISIONS = [
  'section-42-enquiry',
  'other-enquiry',
  'needs-assessment',
  'no-further-action',
  'mash-enquiry',
] as const;
export type TriageDecision = (typeof CHILD_TRIAGE_DECISIONS)[number] | (typeof ADULT_TRIAGE_DECISIONS)[number];

/**
 * Triage decisions that need the agencies' information (and then a strategy discussion) once
 * authorised; every other triage decision is an outcome and closes the referral.
 */
const GATHERING: readonly string[] = ['mash-enquiry', 'section-47-strategy-discussion', 'emergency-protection', 'section-42-enquiry'];

export function triageLeadsToGathering(decision: string): boolean {
  return GATHERING.includes(decision);
}

/** Strategy discussion (MASH) decisions by subject type. */
export const CHILD_STRATEGY_DECISIONS = [
  'section-47-enquiry',
  'section-17-assessment',
  'early-help',
  'police-action',
  'emergency-protection',
  'no-further-action',
] as const;
export const ADULT_STRATEGY_DECISIONS = ['section-42-enquiry', 'other-enquiry', 'needs-assessment', 'no-further-action'] as const;
export type StrategyDecision = (typeof CHILD_STRATEGY_DECISIONS)[number] | (typeof ADULT_STRATEGY_DECISIONS)[number];

export function triageDecisionsFor(subjectType: SubjectType): readonly string[] {
  return subjectType === 'child' ? CHILD_TRIAGE_DECISIONS : ADULT_TRIAGE_DECISIONS;
}

export function strategyDecisionsFor(subjectType: SubjectType): readonly string[] {
  return subjectType === 'child' ? CHILD_STRATEGY_DECISIONS : ADULT_STRATEGY_DECISIONS;
}
