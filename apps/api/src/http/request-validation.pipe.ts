import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';
import { ApiError } from './api-error';
import { fieldErrorsOf } from './field-errors';

export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  // One reason per field: "is required" says it all, "must be a string" after it is noise.
  stopAtFirstError: true,
  validationError: { target: false, value: false },
};

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a body against its DTO class; any bad field gives a 400 naming every bad field. */
export async function validateRequest<T extends object>(type: new () => T, body: unknown): Promise<T> {
  if (!isJsonObject(body)) {
    throw new ApiError('REQUEST.INVALID', 'request body must be a JSON object', [{ field: '', reason: 'must be a JSON object' }]);
  }
  // No implicit conversion: "true" is not a boolean and "3" is not a number.
  const request = plainToInstance(type, body, { enableImplicitConversion: false });
  const errors = await validate(request, VALIDATOR_OPTIONS);
  if (errors.length > 0) {
    const fieldErrors = fieldErrorsOf(errors);
    const count = fieldErrors.length;
    throw new ApiError('REQUEST.INVALID', `${count} field${count === 1 ? ' is' : 's are'} invalid`, fieldErrors);
  }
  return request;
}

/** Applies validateRequest to every `@Body()` typed with a DTO class. */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const type = metadata.metatype;
    if (metadata.type !== 'body' || !type || type === Object) return value;
    return validateRequest(type as new () => object, value);
  }
}
