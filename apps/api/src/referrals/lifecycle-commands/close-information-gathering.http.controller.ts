import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { closeInformationGatheringUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { TextField } from '../../http/request-fields';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { RATIONALE_MAX } from './text-limits';

export class CloseInformationGatheringRequest {
  @TextField({ maxLength: RATIONALE_MAX, multiline: true, description: 'Why gathering closes before every agency has answered.' })
  rationale!: string;
}

@Controller('v1/referrals')
export class CloseInformationGatheringHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/information-gathering/close')
  @LifecycleCommandDocs(
    'Close information gathering early',
    "Hub managers of the referral's hub, while information is gathered: the agencies that never answered are recorded, and the referral goes to a strategy discussion.",
  )
  close(@Param('id') id: string, @Body() body: CloseInformationGatheringRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    return this.commands.send(request, id, closeInformationGatheringUpdate, { rationale: body.rationale });
  }
}
