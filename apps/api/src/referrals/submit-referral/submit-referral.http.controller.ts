import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Principal } from '@app/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { maySubmitTo, mustReferForOwnAgency } from '../../http/access-rules';
import { ApiError } from '../../http/api-error';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { IDEMPOTENCY_KEY_SCHEMA, IDEMPOTENT_REPLAYED_HEADER, IdempotencyKey } from '../../http/idempotency-key';
import { RequestPrincipal } from '../../http/request-actor';
import { SubmitReferralHandler } from './submit-referral.handler';
import { SubmitReferralRequest } from './submit-referral.request.dto';
import { referralPath, SubmitReferralResponse, submitReferralResponse } from './submit-referral.response.dto';

@ApiTags('referrals')
@Controller('v1/referrals')
export class SubmitReferralHttpController {
  constructor(private readonly handler: SubmitReferralHandler) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Submit a referral to a hub',
    description:
      "The hub's intake rules decide whether it is in scope and whether the referrer's agency may refer directly. " +
      'A 201 means the referral is stored. Send an Idempotency-Key to retry safely: the same key with the same body ' +
      'returns the same referral (with Idempotent-Replayed: true); with another body it is refused.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, schema: IDEMPOTENCY_KEY_SCHEMA, description: '1 to 200 printable ASCII characters, unique per hub and request.' })
  @ApiCreatedResponse({ type: SubmitReferralResponse, description: 'Stored. Location names the referral.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID or REQUEST.MALFORMED_JSON, with every bad field.' })
  @ApiPayloadTooLargeResponse({ type: ErrorBodyDto, description: 'REQUEST.TOO_LARGE: body over 256 KiB.' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorBodyDto, description: 'REQUEST.UNSUPPORTED_MEDIA_TYPE: body is not application/json.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'HUB.UNKNOWN, REFERRAL.OUT_OF_SCOPE, REFERRAL.SOURCE_NOT_ACCEPTED, REFERRAL.SUBJECT_AGE_MISMATCH or IDEMPOTENCY.KEY_REUSED.',
  })
  @ApiForbiddenResponse({
    type: ErrorBodyDto,
    description: "AUTH.ROLE_NOT_ALLOWED; AUTH.HUB_NOT_ALLOWED: the hub is not among the token's hubs; AUTH.AGENCY_MISMATCH: a referrer names another agency than their own.",
  })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'EVENT_STORE.VERSION_CONFLICT.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE (also when the access cannot be recorded in the audit log): nothing was stored; retry.' })
  async submit(
    @Body() body: SubmitReferralRequest,
    @RequestPrincipal() principal: Principal,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmitReferralResponse> {
    if (!maySubmitTo(principal, body.hubId)) {
      throw new ApiError('AUTH.HUB_NOT_ALLOWED', `your token does not allow referrals to hub ${body.hubId}`, [
        { field: 'hubId', reason: "must be one of the hubs in your token's hubs claim" },
      ]);
    }
    if (mustReferForOwnAgency(principal) && body.referrer.agency !== principal.agency) {
      throw new ApiError('AUTH.AGENCY_MISMATCH', `a referrer refers for their own agency (${principal.agency})`, [
        { field: 'referrer.agency', reason: `must be ${principal.agency}, the agency in your token` },
      ]);
    }
    const { referralId, replayed } = await this.handler.execute(body, {
      actor: principal.userId,
      agency: principal.agency,
      roles: principal.roles,
      correlationId: request.id,
      idempotencyKey,
    });
    // Recorded in the handler's transaction: the audit interceptor must not record it again.
    request.auditRecorded = true;
    void reply.header('location', referralPath(referralId));
    if (replayed) void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return submitReferralResponse(referralId);
  }
}
