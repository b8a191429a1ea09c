import { Controller, Get, Param } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@app/auth';
import { HubPolicyStore } from '@app/hub-policy-store';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { RequestPrincipal } from '../../http/request-actor';
import { ensureMayReadHubPolicy } from '../hub-policy-reader-check';
import { HubPolicyVersionsResponse, toHubPolicyVersionsResponse } from '../hub-policy.response.dto';
import { KnownHubs } from '../known-hubs';

@ApiTags('hub policy')
@Controller('v1/hubs/:hubId/policy/versions')
export class ListHubPolicyVersionsHttpController {
  constructor(
    private readonly store: HubPolicyStore,
    private readonly hubs: KnownHubs,
  ) {}

  @Get()
  @ApiOperation({ summary: "A hub's policy version history", description: 'Every version published, oldest first: when, by whom, and why. Empty when none was.' })
  @ApiParam({ name: 'hubId' })
  @ApiOkResponse({ type: HubPolicyVersionsResponse })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: "AUTH.ROLE_NOT_ALLOWED; AUTH.HUB_NOT_ALLOWED: the hub is not among the token's hubs." })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'HUB.NOT_FOUND.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE.' })
  async list(@Param('hubId') hubId: string, @RequestPrincipal() principal: Principal): Promise<HubPolicyVersionsResponse> {
    ensureMayReadHubPolicy(principal, hubId);
    await this.hubs.mustExist(hubId);
    return toHubPolicyVersionsResponse(hubId, await this.store.versions(hubId));
  }
}
