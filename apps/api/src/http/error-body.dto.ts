import { ApiProperty } from '@nestjs/swagger';
import type { RejectionCode } from '@app/domain';
import { REJECTION_CODES } from '@app/domain';
import { TOKEN_FAILURE_REASONS, type TokenFailureReason } from '@app/auth';
import { API_ERROR_CODES, type ErrorBody, type ErrorCode, type FieldError } from './api-error';

/** OpenAPI description of the error body built by error-body.ts. */
export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'subject.dateOfBirth', description: 'Dotted path of the field; array entries as householdMembers[0].givenName.' })
  field!: string;

  @ApiProperty({ example: 'must be a real calendar date written YYYY-MM-DD, from 1900 on' })
  reason!: string;
}

export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'Bad Request' })
  error!: string;

  @ApiProperty({ enum: [...API_ERROR_CODES, ...REJECTION_CODES] satisfies (ErrorCode | RejectionCode)[], enumName: 'ErrorCode', example: 'REQUEST.INVALID' })
  code!: ErrorCode;

  @ApiProperty({ example: '1 field is invalid' })
  message!: string;

  @ApiProperty({ type: [FieldErrorDto], required: false })
  fieldErrors?: FieldErrorDto[];

  @ApiProperty({ enum: [...TOKEN_FAILURE_REASONS], enumName: 'TokenFailureReason', required: false, description: 'Why the bearer token was refused (401 only).' })
  reason?: TokenFailureReason;
}
