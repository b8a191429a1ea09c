import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
  registerDecorator,
} from 'class-validator';

/**
 * Field decorators that declare a rule once for both class-validator and the OpenAPI schema,
 * so the published schema cannot drift from what the API enforces. Reasons are written to
 * follow the field's path ("subject.givenName: must not be blank").
 */

export interface Presence {
  optional?: boolean;
  /** Optional in general, but required when the rest of the object says so. */
  requiredWhen?: { test: (object: any) => boolean; reason: string };
}

function presence({ optional, requiredWhen }: Presence): PropertyDecorator[] {
  if (requiredWhen) {
    return [
      ValidateIf((object: object, value: unknown) => value != null || requiredWhen.test(object)),
      IsDefined({ message: requiredWhen.reason }),
    ];
  }
  return optional ? [IsOptional()] : [IsDefined({ message: 'is required' })];
}

const isOptional = (p: Presence): boolean => Boolean(p.optional || p.requiredWhen);

const NOT_BLANK = /\S/;
/** No control characters (newline, tab, NUL...) in one-line fields such as names. */
const SINGLE_LINE = /^[^\p{Cc}]*$/u;

export interface TextFieldOptions extends Presence {
  maxLength: number;
  /** Free text such as the narrative: line breaks allowed. */
  multiline?: boolean;
  pattern?: { regex: RegExp; reason: string };
  description?: string;
  example?: string;
  format?: string;
}

export function TextField(options: TextFieldOptions): PropertyDecorator {
  const { maxLength, multiline, pattern } = options;
  const optional = isOptional(options);
  return applyDecorators(
    ...presence(options),
    IsString({ message: 'must be a string' }),
    Matches(NOT_BLANK, { message: 'must not be blank' }),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
    ...(multiline ? [] : [Matches(SINGLE_LINE, { message: 'must be a single line without control characters' })]),
    ...(pattern ? [Matches(pattern.regex, { message: pattern.reason })] : []),
    ApiProperty({
      type: String,
      required: !optional,
      nullable: optional || undefined,
      minLength: 1,
      maxLength,
      pattern: pattern?.regex.source,
      format: options.format,
      description: options.description,
      example: options.example,
    }),
  );
}

export function EnumField(
  values: readonly string[],
  options: Presence & { enumName: string; description?: string },
): PropertyDecorator {
  const optional = isOptional(options);
  return applyDecorators(
    ...presence(options),
    IsIn(values, { message: `must be one of: ${values.join(', ')}` }),
    ApiProperty({
      enum: [...values],
      enumName: options.enumName,
      required: !optional,
      nullable: optional || undefined,
      description: options.description,
    }),
  );
}

export function BooleanField(options: { description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    IsDefined({ message: 'is required' }),
    IsBoolean({ message: 'must be true or false' }),
    ApiProperty({ type: Boolean, required: true, description: options.description }),
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Earliest year accepted in a date: anything before is a typing error, not a person's birth. */
export const EARLIEST_YEAR = 1900;

/** A real calendar date written YYYY-MM-DD (2024-02-30 is refused, so is 24-2-3). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= EARLIEST_YEAR &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** The date rule alone, for fields whose presence depends on other fields. */
export function CalendarDate(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `must be a real calendar date written YYYY-MM-DD, from ${EARLIEST_YEAR} on` },
      validator: { validate: isCalendarDate },
    });
}

export function CalendarDateField(options: Presence & { description?: string; example?: string } = {}): PropertyDecorator {
  const optional = isOptional(options);
  return applyDecorators(
    ...presence(options),
    CalendarDate(),
    ApiProperty({
      type: String,
      format: 'date',
      required: !optional,
      nullable: optional || undefined,
      description: options.description,
      example: options.example,
    }),
  );
}

/** A field that does not belong in some cases (e.g. a summary when nothing is shared): present then, it is refused. */
export function RefusedWhen(test: (object: any) => boolean, reason: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'refusedWhen',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: reason },
      validator: { validate: (value: unknown, args) => value == null || !test(args?.object) },
    });
}

export function NestedField(type: () => new () => object, options: { optional?: boolean; description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsObject({ message: 'must be an object' }),
    ValidateNested(),
    Type(type),
    // An inline arrow named `type`: that is how @nestjs/swagger recognises a lazy type.
    ApiProperty({ type: () => type(), required: !options.optional, nullable: options.optional || undefined, description: options.description }),
  );
}

export function NestedArrayField(
  type: () => new () => object,
  options: { maxItems: number; optional?: boolean; description?: string },
): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    IsArray({ message: 'must be an array' }),
    ArrayMaxSize(options.maxItems, { message: `must have at most ${options.maxItems} entries` }),
    ValidateNested({ each: true }),
    Type(type),
    ApiProperty({
      type: () => [type()],
      required: !options.optional,
      nullable: options.optional || undefined,
      maxItems: options.maxItems,
      description: options.description,
    }),
  );
}

export function EnumArrayField(
  values: readonly string[],
  options: { enumName: string; minItems: number; minItemsReason: string; description?: string },
): PropertyDecorator {
  return applyDecorators(
    IsDefined({ message: 'is required' }),
    IsArray({ message: 'must be an array' }),
    ArrayMinSize(options.minItems, { message: options.minItemsReason }),
    ArrayMaxSize(values.length, { message: `must have at most ${values.length} entries` }),
    IsIn(values, { each: true, message: `each entry must be one of: ${values.join(', ')}` }),
    ArrayUnique({ message: 'must not name an entry twice' }),
    ApiProperty({
      enum: [...values],
      enumName: options.enumName,
      isArray: true,
      required: true,
      minItems: options.minItems,
      maxItems: values.length,
      uniqueItems: true,
      description: options.description,
    }),
  );
}

/** An instant with its offset, as the domain records times: 2026-03-02T10:30:00Z or 2026-03-02T10:30:00+01:00. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isInstant(value: unknown): boolean {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && isCalendarDate(value.slice(0, 10));
}

export function InstantField(options: { optional?: boolean; description?: string; example?: string } = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(options),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isInstant',
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: 'must be a date and time with its offset, e.g. 2026-03-02T10:30:00Z' },
        validator: { validate: isInstant },
      }),
    ApiProperty({
      type: String,
      format: 'date-time',
      required: !options.optional,
      nullable: options.optional || undefined,
      description: options.description,
      example: options.example,
    }),
  );
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function UuidField(options: { description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    IsDefined({ message: 'is required' }),
    IsString({ message: 'must be a string' }),
    Matches(UUID_PATTERN, { message: 'must be a UUID' }),
    ApiProperty({ type: String, format: 'uuid', required: true, description: options.description }),
  );
}
