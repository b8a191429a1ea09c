import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { AGENCIES } from '@app/domain';
import { recordInformationResponseUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { requireAgency } from './path-params';
import { InformationResponseRequest, sharingDecision } from './information-response.request.dto';

@Controller('v1/referrals')
export class InformationResponseHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/information-requests/:agency/response')
  @ApiParam({ name: 'agency', enum: [...AGENCIES], enumName: 'Agency', description: 'The agency whose request this answers.' })
  @LifecycleCommandDocs(
    "Record an agency's response to its information request",
    "Practitioners of the requested agency (the rules check the token's agency is the one in the path) and hub managers of the referral's hub, " +
      'while information is gathered or after: a late response is accepted and recorded as late. ' +
      'The agency records its decision: shared (summary, sensitivity, lawful basis, purpose) or held, not shared (lawful basis, reason); ' +
      'both are answers, on time before the due time.',
  )
  respond(@Param('id') id: string, @Param('agency') agency: string, @Body() body: InformationResponseRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    const requested = requireAgency(agency);
    return this.commands.send(request, id, recordInformationResponseUpdate, {
      agency: requested,
      responseId: body.responseId,
      summary: body.summary,
      sharing: sharingDecision(body),
    });
  }
}
