import { Body, Controller, HttpCode, Param, Put, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { belongsToHub, type Principal } from '@app/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../http/api-error';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { RequestPrincipal } from '../../http/request-actor';
import { HubPolicyVersionResponse, hubPolicyVersionPath, toHubPolicyVersionResponse, versionTag } from '../hub-policy.response.dto';
import { ExpectedVersion, IF_MATCH_SCHEMA } from './if-match';
import { PublishHubPolicyHandler } from './publish-hub-policy.handler';
import { PublishHubPolicyRequest } from './publish-hub-policy.request.dto';

@ApiTags('hub policy')
@Controller('v1/hubs/:hubId/policy')
export class PublishHubPolicyHttpController {
  constructor(private readonly handler: PublishHubPolicyHandler) {}

  @Put()
  @HttpCode(201)
  @ApiOperation({
    summary: "Publish the next version of a hub's policy",
    description:
      'The body holds what differs from the national template; the resolved document is validated and stored as the next version, ' +
      'recorded as a HubPolicyPublished event. Referrals take it for every decision from then on; deadlines already set keep their due times. ' +
      'The first version may be published by any hub manager of the hub; after that only its accountable manager or a delegate. ' +
      'Send If-Match with the version you read (the ETag of GET .../policy) to publish only over that version; without it, over the version current when the request is read.',
  })
  @ApiParam({ name: 'hubId' })
  @ApiHeader({ name: 'If-Match', required: false, schema: IF_MATCH_SCHEMA, description: 'The version expected to be current, in double quotes: "3" ("0": none yet).' })
  @ApiCreatedResponse({ type: HubPolicyVersionResponse, description: 'Published. Location names the version, ETag is its version.' })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID (overrides not an object, no reason, a malformed If-Match) or REQUEST.MALFORMED_JSON.' })
  @ApiForbiddenResponse({
    type: ErrorBodyDto,
    description: "AUTH.ROLE_NOT_ALLOWED; AUTH.HUB_NOT_ALLOWED: the hub is not among the token's hubs; HUB_POLICY.NOT_ACCOUNTABLE: not the accountable manager or a delegate of the current policy.",
  })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'HUB.NOT_FOUND.' })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyDto,
    description: 'HUB_POLICY.INVALID: one field error per problem, `field` a JSON pointer into the resolved document (e.g. /ragLevels/1/informationRequestTimescale).',
  })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'HUB_POLICY.VERSION_CONFLICT: another version was published first; read the policy again and retry.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE: nothing was published; retry.' })
  async publish(
    @Param('hubId') hubId: string,
    @Body() body: PublishHubPolicyRequest,
    @RequestPrincipal() principal: Principal,
    @ExpectedVersion() expectedVersion: number | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HubPolicyVersionResponse> {
    if (!belongsToHub(principal, hubId)) {
      throw new ApiError('AUTH.HUB_NOT_ALLOWED', `your token does not allow publishing the policy of hub ${hubId}`, [
        { field: 'hubId', reason: "must be one of the hubs in your token's hubs claim" },
      ]);
    }
    const stored = await this.handler.execute(hubId, body, { principal, correlationId: request.id, expectedVersion });
    // Recorded in the handler's transaction: the audit interceptor must not record it again.
    request.auditRecorded = true;
    void reply.header('location', hubPolicyVersionPath(hubId, stored.version)).header('etag', versionTag(stored.version));
    return toHubPolicyVersionResponse(stored);
  }
}
