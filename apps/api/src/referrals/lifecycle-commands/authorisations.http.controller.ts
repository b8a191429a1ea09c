import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { authoriseDecisionUpdate, returnDecisionUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { EnumField, TextField } from '../../http/request-fields';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { RATIONALE_MAX } from './text-limits';

export const AUTHORISATION_OUTCOMES = ['authorised', 'returned'] as const;

export class AuthorisationRequest {
  @EnumField(AUTHORISATION_OUTCOMES, {
    enumName: 'AuthorisationOutcome',
    description: 'authorised: the waiting decision takes effect (for a challenge: the outcome is upheld); returned: it goes back (a challenge re-opens the decision).',
  })
  outcome!: (typeof AUTHORISATION_OUTCOMES)[number];

  @TextField({ maxLength: RATIONALE_MAX, multiline: true })
  rationale!: string;
}

@Controller('v1/referrals')
export class AuthorisationHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/authorisations')
  @LifecycleCommandDocs(
    "Authorise or return the waiting decision (management oversight)",
    "Hub managers of the referral's hub, while a decision (triage, strategy discussion or a challenge) awaits authorisation; " +
      "the hub policy names who may authorise (its accountable manager and delegates): anyone else is refused with REFERRAL.NOT_ALLOWED.",
  )
  authorise(@Param('id') id: string, @Body() body: AuthorisationRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    const update = body.outcome === 'authorised' ? authoriseDecisionUpdate : returnDecisionUpdate;
    return this.commands.send(request, id, update, { rationale: body.rationale });
  }
}
