import type { HubPolicyDocument } from '../hub-policy.types';
import { agencyProblems, agreementProblems, fundingProblems } from './agency-rules';
import { calendarProblems } from './calendar-rules';
import { escalationLadderProblems, managementProblems } from './management-rules';
import type { PolicyProblem } from './policy-problem';
import { ragLevelProblems } from './rag-level-rules';
import { schemaProblems } from './schema-problems';
import { timescaleProblems } from './timescale-rules';

export type HubPolicyValidation = { valid: true; policy: HubPolicyDocument } | { valid: false; problems: PolicyProblem[] };

/** The rules the schema cannot express, each over a document already of the schema's shape. */
const SEMANTIC_RULES: ((policy: HubPolicyDocument) => PolicyProblem[])[] = [
  managementProblems,
  agencyProblems,
  agreementProblems,
  ragLevelProblems,
  timescaleProblems,
  escalationLadderProblems,
  calendarProblems,
  fundingProblems,
];

/**
 * Checks a whole policy (resolvePolicy's output, or a stored version). The schema first: a
 * document of the wrong shape gets only its schema problems, since the other rules read fields
 * the schema guarantees. Then every semantic rule, all problems at once.
 */
export function validateHubPolicy(document: unknown): HubPolicyValidation {
  const shape = schemaProblems(document);
  if (shape.length > 0) return { valid: false, problems: shape };
  const policy = document as HubPolicyDocument;
  const problems = SEMANTIC_RULES.flatMap((rule) => rule(policy));
  return problems.length === 0 ? { valid: true, policy } : { valid: false, problems };
}
