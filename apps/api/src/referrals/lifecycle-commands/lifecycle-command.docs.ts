import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { IDEMPOTENCY_KEY_SCHEMA } from '../../http/idempotency-key';
import { LifecycleCommandResponse } from './lifecycle-command.response.dto';

/** The OpenAPI description every lifecycle command shares, with the command's own summary and rules. */
export function LifecycleCommandDocs(summary: string, rules: string): MethodDecorator & ClassDecorator {
  return applyDecorators(
    HttpCode(200),
    ApiTags('referral lifecycle'),
    ApiOperation({
      summary,
      description:
        `${rules} The command goes to the referral's workflow as a Temporal update; the actor is the token's user and agency, never the body. ` +
        'Send an Idempotency-Key to retry safely: a retry with the same key answers the first outcome and is recorded once.',
    }),
    ApiParam({ name: 'id', format: 'uuid', description: 'The referral.' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, schema: IDEMPOTENCY_KEY_SCHEMA, description: '1 to 200 printable ASCII characters; the same key for a retry of the same command.' }),
    ApiOkResponse({ type: LifecycleCommandResponse, description: 'Applied: the stage after it and the events appended.' }),
    ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID with every bad field (body or path), or REQUEST.MALFORMED_JSON.' }),
    ApiForbiddenResponse({ type: ErrorBodyDto, description: 'AUTH.ROLE_NOT_ALLOWED; REFERRAL.NOT_ALLOWED: the rules do not let this person do it (e.g. not an authoriser, another agency).' }),
    ApiNotFoundResponse({ type: ErrorBodyDto, description: "REFERRAL.NOT_FOUND: unknown, or of a hub not in the token; REFERRAL.UNKNOWN_ACTION." }),
    ApiConflictResponse({
      type: ErrorBodyDto,
      description:
        'REFERRAL.WRONG_STAGE (the message says why), REFERRAL.ACTION_CLOSED, REFERRAL.CHALLENGE_CLOSED, EVENT_STORE.VERSION_CONFLICT; ' +
        "REFERRAL.WORKFLOW_NOT_READY: the referral's workflow has not started or not yet loaded the referral, retry in a moment; " +
        'REFERRAL.LEGACY_WORKFLOW: the referral runs on a workflow from before the lifecycle commands and takes none.',
    }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'REFERRAL.INVALID_INPUT (e.g. a RAG level the hub does not use), REFERRAL.UNKNOWN_AGENCY, REFERRAL.CORE_AGENCY_MISSING.' }),
    ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE: the database or the workflow service did not answer; retry with the same Idempotency-Key.' }),
  );
}
