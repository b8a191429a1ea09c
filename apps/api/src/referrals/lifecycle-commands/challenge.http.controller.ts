import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { raiseChallengeUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { TextField } from '../../http/request-fields';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { RATIONALE_MAX } from './text-limits';

export class RaiseChallengeRequest {
  @TextField({ maxLength: RATIONALE_MAX, multiline: true, description: 'Why the referrer disagrees with the outcome.' })
  reason!: string;
}

@Controller('v1/referrals')
export class RaiseChallengeHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/challenge')
  @LifecycleCommandDocs(
    "Challenge the outcome (the referrer's)",
    "Referrers of the referral's hub, for the referrer's own agency (the rules refuse another agency with REFERRAL.NOT_ALLOWED; hub staff cannot raise it on their behalf), " +
      'once the outcome is notified and within the challenge window (else REFERRAL.CHALLENGE_CLOSED). The decision goes back to the hub manager.',
  )
  challenge(@Param('id') id: string, @Body() body: RaiseChallengeRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    return this.commands.send(request, id, raiseChallengeUpdate, { reason: body.reason });
  }
}
