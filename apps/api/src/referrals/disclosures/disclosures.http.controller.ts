import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@app/auth';
import { Rejection, type RecordDisclosure } from '@app/domain';
import { recordDisclosureUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import '../../audit/audit-trail';
import { referralVisibility } from '../../http/access-rules';
import { ErrorBodyDto } from '../../http/error-body.dto';
import { RequestPrincipal } from '../../http/request-actor';
import { LifecycleCommandDocs } from '../lifecycle-commands/lifecycle-command.docs';
import { LifecycleCommandHandler } from '../lifecycle-commands/lifecycle-command.handler';
import type { LifecycleCommandResponse } from '../lifecycle-commands/lifecycle-command.response.dto';
import { requireUuid } from '../lifecycle-commands/path-params';
import { DisclosureAfterLifecycle } from './disclosure-after-lifecycle';
import { ReferralDisclosuresQuery } from './referral-disclosures.query';
import { disclosureView, ReferralDisclosuresView } from './referral-disclosures.response.dto';
import { RecordDisclosureRequest } from './record-disclosure.request.dto';

type Fields = Omit<RecordDisclosure['data'], 'referralId'>;

@Controller('v1/referrals')
export class DisclosuresHttpController {
  constructor(
    private readonly commands: LifecycleCommandHandler,
    private readonly afterLifecycle: DisclosureAfterLifecycle,
    private readonly disclosures: ReferralDisclosuresQuery,
  ) {}

  @Post(':id/disclosures')
  @LifecycleCommandDocs(
    'Record a disclosure onward, or a decision not to disclose',
    "Practitioners and hub managers of the referral's hub, at any stage once received, closed included. What the hub passes on to someone " +
      "outside the MASH (a school's safeguarding lead, a GP, the family...), or decides not to, with the lawful basis and the reason either way. " +
      'Contributions are named by responseId (unknown: 422 REFERRAL.UNKNOWN_RESPONSE); a held-not-shared answer cannot be disclosed (422), ' +
      'a restricted one only by its own agency (403 REFERRAL.NOT_ALLOWED); a decision not to disclose is always recorded. ' +
      "Once the referral's workflow has ended the API appends it to the stream itself, at the version it read (409 EVENT_STORE.VERSION_CONFLICT if another write came first).",
  )
  record(@Param('id') id: string, @Body() body: RecordDisclosureRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    const { recipient, what } = body;
    const fields: Omit<Fields, 'by'> = {
      recipient: { organisation: recipient.organisation, role: recipient.role, ...(recipient.agency ? { agency: recipient.agency } : {}) },
      decision: body.decision,
      what: { responseIds: what.responseIds, outcome: what.outcome, decision: what.decision },
      lawfulBasis: body.lawfulBasis,
      reason: body.reason,
    };
    return this.commands.send<Fields>(request, id, recordDisclosureUpdate, fields, (context) =>
      this.afterLifecycle.record({ referralId: id, correlationId: String(request.id), ...context, fields: { ...context.fields, referralId: id } }),
    );
  }

  @Get(':id/disclosures')
  @ApiTags('referrals')
  @ApiOperation({
    summary: 'Read what the hub disclosed onward, to whom, when, on what basis and why',
    description:
      "From the referral's event stream (no lag): every disclosure recorded and every decision not to disclose, with the outcome notices to " +
      "the referrer (themselves disclosures). Practitioners and hub managers of the referral's hub; another hub's referral answers 404.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReferralDisclosuresView })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID: the id is not a UUID.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: 'AUTH.ROLE_NOT_ALLOWED: the role reads no disclosures.' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REFERRAL.NOT_FOUND: unknown, or of another hub.' })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE.' })
  async list(@Param('id') id: string, @RequestPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<ReferralDisclosuresView> {
    requireUuid(id, 'id');
    const found = await this.disclosures.of(id);
    // Recorded in the referral's own hub, also when this caller is answered 404: its auditor sees the probe.
    if (found) request.auditTarget = { hubId: found.hubId, resourceId: id };
    if (!found || referralVisibility(principal, { hubId: found.hubId, submittedBy: null }) !== 'full') {
      throw new Rejection('REFERRAL.NOT_FOUND', `referral ${id} is not known`);
    }
    return { referralId: id, disclosures: found.disclosures.map(({ eventId, event }) => disclosureView(eventId, event)) };
  }
}
