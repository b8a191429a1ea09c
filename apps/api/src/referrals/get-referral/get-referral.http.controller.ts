import { Controller, Get, Param, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Principal } from '@app/auth';
import type { FastifyRequest } from 'fastify';
import '../../audit/audit-trail';
import { Rejection } from '@app/domain';
import { referralVisibility } from '../../http/access-rules';
import { ApiError } from '../../http/api-error';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { RequestPrincipal } from '../../http/request-actor';
import { ReferralSummaryQuery, toReferralStatusView } from './referral-summary.query';
import { ReferralStatusView, ReferralView } from './referral-view.response.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('referrals')
@ApiExtraModels(ReferralView, ReferralStatusView)
@Controller('v1/referrals')
export class GetReferralHttpController {
  constructor(private readonly summaries: ReferralSummaryQuery) {}

  @Get(':id')
  @ApiOperation({
    summary: 'Read a referral',
    description:
      'Reads the referral summary read model, which the projector builds from the event stream. It lags the ' +
      'write by a moment: a referral just answered 201 can give 404 until it is projected, so poll briefly. ' +
      "Practitioners and hub managers get the full view of their hubs' referrals; a referrer gets the status of " +
      'the referrals they submitted. Any other referral answers 404, exactly as one that does not exist.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  // anyOf, not oneOf: the status view's fields are a subset of the full view's, so a full view
  // matches both schemas and oneOf would call it invalid.
  @ApiOkResponse({
    description: 'The full view (practitioners, hub managers) or the status view (the referrer who submitted it).',
    schema: { anyOf: [{ $ref: getSchemaPath(ReferralView) }, { $ref: getSchemaPath(ReferralStatusView) }] },
  })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID: the id is not a UUID.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REFERRAL.NOT_FOUND: unknown, not projected yet, or not yours to see.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE, also when the read cannot be recorded in the audit log (then nothing is sent).' })
  async get(@Param('id') id: string, @RequestPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<ReferralView | ReferralStatusView> {
    if (!UUID.test(id)) {
      throw new ApiError('REQUEST.INVALID', 'the referral id must be a UUID', [{ field: 'id', reason: 'must be a UUID' }]);
    }
    const found = await this.summaries.byId(id);
    // Recorded in the referral's own hub, also when this caller is answered 404: its auditor sees the probe.
    if (found) request.auditTarget = { hubId: found.hubId, resourceId: id };
    const visibility = found ? referralVisibility(principal, found) : 'none';
    // One answer for "missing" and "not yours": the caller learns nothing about other hubs' referrals.
    if (!found || visibility === 'none') {
      throw new Rejection('REFERRAL.NOT_FOUND', `referral ${id} is not known (one submitted a moment ago may not be projected yet)`);
    }
    return visibility === 'full' ? found.view : toReferralStatusView(found.view);
  }
}
