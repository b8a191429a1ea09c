import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { recordTriageDecisionUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { TextField } from '../../http/request-fields';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { DECISION_MAX, RAG_MAX, RATIONALE_MAX } from './text-limits';

export class RecordTriageDecisionRequest {
  @TextField({ maxLength: RAG_MAX, description: "One of the hub's RAG levels.", example: 'amber' })
  rag!: string;

  @TextField({ maxLength: DECISION_MAX, description: 'The triage decision, from those allowed for a child or an adult.', example: 'mash-enquiry' })
  decision!: string;

  @TextField({ maxLength: RATIONALE_MAX, multiline: true })
  rationale!: string;
}

@Controller('v1/referrals')
export class RecordTriageDecisionHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/triage')
  @LifecycleCommandDocs(
    'Record the triage decision',
    'Practitioners and hub managers of the referral\'s hub, while it awaits triage: RAG rating, decision and rationale. ' +
      'It takes effect once the hub manager (or a delegate the policy names) authorises it: the referral then awaits authorisation.',
  )
  triage(@Param('id') id: string, @Body() body: RecordTriageDecisionRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    return this.commands.send(request, id, recordTriageDecisionUpdate, { rag: body.rag, decision: body.decision, rationale: body.rationale });
  }
}
