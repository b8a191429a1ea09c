import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../schema/hub-policy.v1.schema.json';
import { pointer, type PolicyProblem } from './policy-problem';

/** The published schema, compiled once. */
export const HUB_POLICY_SCHEMA: object = schema;

const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Where the document breaks the published schema; empty when it keeps to it. */
export function schemaProblems(document: unknown): PolicyProblem[] {
  if (validate(document)) return [];
  const errors = validate.errors ?? [];
  // An anyOf that fails reports each branch too; the anyOf alone says what is missing.
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath);
  return errors
    .filter((e) => !anyOfs.some((path) => e.schemaPath !== path && e.schemaPath.startsWith(path)))
    .map(problem);
}

function problem(error: ErrorObject): PolicyProblem {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: at + pointer(String(params.missingProperty)), reason: 'is required' };
    case 'additionalProperties':
      return { path: at + pointer(String(params.additionalProperty)), reason: 'is not a field here' };
    case 'uniqueItems':
      // ajv scans from the end, so the later of the two is the repeat.
      return { path: at + pointer(Math.max(Number(params.i), Number(params.j))), reason: 'repeats an earlier item of the list' };
    case 'minProperties':
    case 'maxProperties':
      return { path: at, reason: 'must have exactly one of workingHours, workingDays, calendarHours' };
    case 'anyOf': // the schema's one anyOf: an escalation contact's email or phone
      return {
        path: at,
        reason: error.schemaPath.includes('escalationContact') ? 'must give an email or a phone' : 'matches none of the allowed forms',
      };
    default:
      return { path: at, reason: error.message ?? 'is invalid' };
  }
}
