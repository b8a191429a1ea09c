import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@app/auth';
import { HubPolicyStore } from '@app/hub-policy-store';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../../http/api-error';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { RequestPrincipal } from '../../http/request-actor';
import { ensureMayReadHubPolicy } from '../hub-policy-reader-check';
import { HubPolicyVersionResponse, toHubPolicyVersionResponse, versionTag } from '../hub-policy.response.dto';
import { KnownHubs } from '../known-hubs';

const VERSION = /^[1-9][0-9]{0,8}$/;

@ApiTags('hub policy')
@Controller('v1/hubs/:hubId/policy')
export class ReadHubPolicyHttpController {
  constructor(
    private readonly store: HubPolicyStore,
    private readonly hubs: KnownHubs,
  ) {}

  @Get()
  @ApiOperation({
    summary: "A hub's policy in force",
    description:
      'The current version, whole (resolved). A hub that has published none answers 404 HUB_POLICY.NOT_SET: it runs under the national default ' +
      '(intake from the hub record, referrals under the national default lifecycle policy) until its first version. ETag is the version.',
  })
  @ApiParam({ name: 'hubId' })
  @ApiOkResponse({ type: HubPolicyVersionResponse })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: "AUTH.ROLE_NOT_ALLOWED; AUTH.HUB_NOT_ALLOWED: the hub is not among the token's hubs." })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'HUB.NOT_FOUND; HUB_POLICY.NOT_SET: no version published yet.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE.' })
  async current(@Param('hubId') hubId: string, @RequestPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<HubPolicyVersionResponse> {
    ensureMayReadHubPolicy(principal, hubId);
    await this.hubs.mustExist(hubId);
    const stored = await this.store.current(hubId);
    if (!stored) throw new ApiError('HUB_POLICY.NOT_SET', `hub ${hubId} has published no policy; it runs under the national default`);
    void reply.header('etag', versionTag(stored.version));
    return toHubPolicyVersionResponse(stored);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: "One version of a hub's policy", description: 'Any version ever published, whole (resolved), as it was published.' })
  @ApiParam({ name: 'hubId' })
  @ApiParam({ name: 'version', type: 'integer', example: 1 })
  @ApiOkResponse({ type: HubPolicyVersionResponse })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID: version is not a positive whole number.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: "AUTH.ROLE_NOT_ALLOWED; AUTH.HUB_NOT_ALLOWED: the hub is not among the token's hubs." })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'HUB.NOT_FOUND; HUB_POLICY.VERSION_NOT_FOUND.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE.' })
  async version(
    @Param('hubId') hubId: string,
    @Param('version') version: string,
    @RequestPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HubPolicyVersionResponse> {
    ensureMayReadHubPolicy(principal, hubId);
    if (!VERSION.test(version)) throw new ApiError('REQUEST.INVALID', 'version must be a positive whole number', [{ field: 'version', reason: 'must be a positive whole number' }]);
    await this.hubs.mustExist(hubId);
    const stored = await this.store.version(hubId, Number(version));
    if (!stored) throw new ApiError('HUB_POLICY.VERSION_NOT_FOUND', `hub ${hubId} has no policy version ${version}`);
    void reply.header('etag', versionTag(stored.version));
    return toHubPolicyVersionResponse(stored);
  }
}
