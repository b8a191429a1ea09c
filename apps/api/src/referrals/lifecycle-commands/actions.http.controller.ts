import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { cancelActionUpdate, completeActionUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { TextField } from '../../http/request-fields';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { requireUuid } from './path-params';
import { RATIONALE_MAX } from './text-limits';

export class CompleteActionRequest {
  @TextField({ maxLength: RATIONALE_MAX, multiline: true, description: 'What was done.' })
  note!: string;
}

export class CancelActionRequest {
  @TextField({ maxLength: RATIONALE_MAX, multiline: true, description: 'Why the action is no longer needed.' })
  reason!: string;
}

const ACTION_RULES =
  "Practitioners and hub managers of the referral's hub, while actions are followed up; an action already completed or cancelled answers REFERRAL.ACTION_CLOSED. " +
  'When none remain open the referral closes with its outcome.';

/** Action follow-up: each agreed action is completed or cancelled with a reason. */
@Controller('v1/referrals')
export class ActionsHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/actions/:actionId/complete')
  @ApiParam({ name: 'actionId', format: 'uuid' })
  @LifecycleCommandDocs('Complete an agreed action', ACTION_RULES)
  complete(@Param('id') id: string, @Param('actionId') actionId: string, @Body() body: CompleteActionRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    return this.commands.send(request, id, completeActionUpdate, { actionId: requireUuid(actionId, 'actionId'), note: body.note });
  }

  @Post(':id/actions/:actionId/cancel')
  @ApiParam({ name: 'actionId', format: 'uuid' })
  @LifecycleCommandDocs('Cancel an agreed action, with a reason', ACTION_RULES)
  cancel(@Param('id') id: string, @Param('actionId') actionId: string, @Body() body: CancelActionRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    return this.commands.send(request, id, cancelActionUpdate, { actionId: requireUuid(actionId, 'actionId'), reason: body.reason });
  }
}
