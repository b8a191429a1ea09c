import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { belongsToHub, type Principal } from '@app/auth';
import { ApiError } from '../../http/api-error';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { validateRequest } from '../../http/request-validation.pipe';
import { RequestPrincipal } from '../../http/request-actor';
import { AuditTrail } from '../audit-trail';
import { AuditRecordsQuery, toAuditQuery } from './audit-records.query.dto';
import { AuditRecordsPage, toAuditRecordsPage } from './audit-records.response.dto';

@ApiTags('audit')
@Controller('v1/hubs/:hubId/audit-records')
export class AuditRecordsHttpController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({
    summary: "Query a hub's access audit log",
    description:
      'For auditors of the hub. Records in sequence order, a page at a time: pass nextAfterSequence as afterSequence ' +
      'for the next page. Filters combine (AND). Ids and codes only, no case data. This query is itself recorded (audit.query).',
  })
  @ApiParam({ name: 'hubId' })
  @ApiOkResponse({ type: AuditRecordsPage })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID, naming every bad query parameter.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: "AUTH.ROLE_NOT_ALLOWED; AUTH.HUB_NOT_ALLOWED: the hub is not among the token's hubs." })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE, also when the query itself cannot be recorded.' })
  async query(@Param('hubId') hubId: string, @Query() raw: Record<string, unknown>, @RequestPrincipal() principal: Principal): Promise<AuditRecordsPage> {
    if (!belongsToHub(principal, hubId)) {
      throw new ApiError('AUTH.HUB_NOT_ALLOWED', `your token does not allow reading the audit log of hub ${hubId}`, [
        { field: 'hubId', reason: "must be one of the hubs in your token's hubs claim" },
      ]);
    }
    const query = await validateRequest(AuditRecordsQuery, { ...raw });
    return toAuditRecordsPage(await this.trail.log.query(toAuditQuery(hubId, query)));
  }
}
