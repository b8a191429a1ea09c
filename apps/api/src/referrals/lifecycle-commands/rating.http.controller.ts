import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { reRateUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { TextField } from '../../http/request-fields';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { RAG_MAX, RATIONALE_MAX } from './text-limits';

export class ReRateRequest {
  @TextField({ maxLength: RAG_MAX, description: "The new RAG level, one of the hub's.", example: 'red' })
  rag!: string;

  @TextField({ maxLength: RATIONALE_MAX, multiline: true, description: 'Why the rating changes: required.' })
  rationale!: string;
}

@Controller('v1/referrals')
export class ReRateHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/rating')
  @LifecycleCommandDocs(
    'Re-rate the referral',
    "Practitioners and hub managers of the referral's hub, once triage is authorised and before closure: a new RAG level with its rationale. " +
      'Open information requests move to the new level\'s timescales.',
  )
  reRate(@Param('id') id: string, @Body() body: ReRateRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    return this.commands.send(request, id, reRateUpdate, { rag: body.rag, rationale: body.rationale });
  }
}
