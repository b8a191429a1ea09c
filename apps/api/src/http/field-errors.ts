import type { ValidationError } from 'class-validator';
import type { FieldError } from './api-error';

/** Reasons for class-validator's own constraints, whose default wording names the property. */
const REASON_BY_CONSTRAINT: Record<string, string> = {
  whitelistValidation: 'is not a field of this request',
  nestedValidation: 'must be an object',
  unknownValue: 'must be an object',
};

function childPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** Flattens class-validator's error tree into one entry per bad field, named by its full path. */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = childPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      reason: REASON_BY_CONSTRAINT[constraint] ?? message,
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}
