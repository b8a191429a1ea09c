import { Controller, Get, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Rejection } from '@app/domain';
import { ApiError } from '../../http/api-error';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { ReferralSummaryQuery } from './referral-summary.query';
import { ReferralView } from './referral-view.response.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('referrals')
@Controller('v1/referrals')
export class GetReferralHttpController {
  constructor(private readonly summaries: ReferralSummaryQuery) {}

  @Get(':id')
  @ApiOperation({
    summary: 'Read a referral',
    description:
      'Reads the referral summary read model, which the projector builds from the event stream. It lags the ' +
      'write by a moment: a referral just answered 201 can give 404 until it is projected, so poll briefly.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReferralView })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID: the id is not a UUID.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REFERRAL.NOT_FOUND: unknown, or not projected yet.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE.' })
  async get(@Param('id') id: string): Promise<ReferralView> {
    if (!UUID.test(id)) {
      throw new ApiError('REQUEST.INVALID', 'the referral id must be a UUID', [{ field: 'id', reason: 'must be a UUID' }]);
    }
    const view = await this.summaries.byId(id);
    if (!view) throw new Rejection('REFERRAL.NOT_FOUND', `referral ${id} is not known (one submitted a moment ago may not be projected yet)`);
    return view;
  }
}
