import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { ACCESS_PURPOSES } from '@app/audit';
import type { Principal } from '@app/auth';
import { AGENCIES, Rejection } from '@app/domain';
import { hasSignedAgreement, visibleSensitivities } from '@app/hub-policy';
import type { FastifyRequest } from 'fastify';
import '../../audit/audit-trail';
import { referralVisibility } from '../../http/access-rules';
import { ApiError } from '../../http/api-error';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { RequestPrincipal } from '../../http/request-actor';
import { AgencyContributionsView } from './agency-contributions.response.dto';
import { visibleContributions } from './contribution-visibility';
import { HubSharingAgreementQuery } from './hub-sharing-agreement';
import { ReferralContributionsQuery } from './referral-contributions.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('referrals')
@Controller('v1/referrals')
export class AgencyContributionsHttpController {
  constructor(
    private readonly contributions: ReferralContributionsQuery,
    private readonly agreements: HubSharingAgreementQuery,
  ) {}

  @Get(':id/information')
  @ApiOperation({
    summary: 'Read what agencies contributed to a referral, as the hub agreement allows',
    description:
      "Each agency's answer from the referral's event stream (no lag): who answered, when, whether late, the decision to share or " +
      'not and its lawful basis. What was shared (summary, purpose) is shown only when the reader may see its sensitivity under ' +
      "the hub's current information sharing agreement (role, narrowed by agency); otherwise `withheld` is true and the text is null. " +
      '"Held, not shared" answers show their reason. A reader whose agency has not signed the agreement sees no contributions. ' +
      "Practitioners and hub managers of the referral's hub; a referrer never sees what agencies shared (403); another hub's referral answers 404.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiHeader({
    name: 'Access-Purpose',
    required: true,
    description: 'Why you read what agencies shared; recorded with the read in the access audit log.',
    schema: { type: 'string', enum: [...ACCESS_PURPOSES] },
  })
  @ApiOkResponse({ type: AgencyContributionsView })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID: the id is not a UUID, or the Access-Purpose header is missing or unknown.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'AUTH.FORBIDDEN: the role reads no agency contributions.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REFERRAL.NOT_FOUND: unknown, or of another hub.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE, also when the read cannot be recorded in the audit log (then nothing is sent).' })
  async read(@Param('id') id: string, @RequestPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<AgencyContributionsView> {
    if (!UUID.test(id)) {
      throw new ApiError('REQUEST.INVALID', 'the referral id must be a UUID', [{ field: 'id', reason: 'must be a UUID' }]);
    }
    const found = await this.contributions.of(id);
    // Recorded in the referral's own hub, also when this caller is answered 404: its auditor sees the probe.
    if (found) request.auditTarget = { hubId: found.hubId, resourceId: id };
    if (!found || referralVisibility(principal, { hubId: found.hubId, submittedBy: null }) !== 'full') {
      throw new Rejection('REFERRAL.NOT_FOUND', `referral ${id} is not known`);
    }
    const agreement = await this.agreements.current(found.hubId);
    const agency = AGENCIES.find((known) => known === principal.agency);
    const signed = agency !== undefined && hasSignedAgreement(agreement, agency);
    const visible = signed ? visibleSensitivities(agreement, { role: readerRole(principal), agency }) : [];
    return {
      referralId: id,
      policyVersion: agreement.policyVersion,
      visibleSensitivities: visible,
      contributions: signed ? visibleContributions(found.provided, visible) : [],
    };
  }
}

/** A token may carry several roles: read with the widest, the hub manager's before the practitioner's. */
function readerRole(principal: Principal): string {
  return principal.roles.includes('hub-manager') ? 'hub-manager' : 'practitioner';
}
