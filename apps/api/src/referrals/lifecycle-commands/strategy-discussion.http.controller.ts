import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { AGENCIES, type Agency } from '@app/domain';
import { recordStrategyDiscussionUpdate } from '@app/workflow-contracts';
import type { FastifyRequest } from 'fastify';
import { EnumField, InstantField, NestedArrayField, TextField, UuidField } from '../../http/request-fields';
import { LifecycleCommandDocs } from './lifecycle-command.docs';
import { LifecycleCommandHandler } from './lifecycle-command.handler';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { DECISION_MAX, LIST_MAX, NAME_MAX, RATIONALE_MAX } from './text-limits';

export class AttendeeDto {
  @EnumField(AGENCIES, { enumName: 'Agency' })
  agency!: Agency;

  @TextField({ maxLength: NAME_MAX })
  name!: string;

  @TextField({ maxLength: NAME_MAX, description: 'Their role at the discussion.', example: 'designated safeguarding lead' })
  role!: string;
}

export class AbsenceDto {
  @EnumField(AGENCIES, { enumName: 'Agency' })
  agency!: Agency;

  @TextField({ maxLength: RATIONALE_MAX, multiline: true, description: 'Why the agency was not there.' })
  reason!: string;
}

export class AgreedActionDto {
  @UuidField({ description: "The client's id of the action: completing or cancelling it names it." })
  actionId!: string;

  @TextField({ maxLength: RATIONALE_MAX, multiline: true })
  description!: string;

  @EnumField(AGENCIES, { enumName: 'Agency' })
  owningAgency!: Agency;

  @InstantField({ optional: true, description: "Absent: the hub policy's action timescale from the discussion." })
  dueAt?: string;
}

export class StrategyDiscussionRequest {
  @InstantField({ description: 'When the discussion was held.', example: '2026-03-02T10:30:00Z' })
  heldAt!: string;

  @NestedArrayField(() => AttendeeDto, { maxItems: LIST_MAX })
  attendees!: AttendeeDto[];

  @NestedArrayField(() => AbsenceDto, { maxItems: LIST_MAX, description: 'Each core agency (police, social care, health) absent, with its reason.' })
  absences!: AbsenceDto[];

  @TextField({ maxLength: DECISION_MAX, example: 'section-47-enquiry' })
  decision!: string;

  @TextField({ maxLength: RATIONALE_MAX, multiline: true })
  rationale!: string;

  @NestedArrayField(() => AgreedActionDto, { maxItems: LIST_MAX, description: 'The actions agreed, each owned by an agency.' })
  actions!: AgreedActionDto[];
}

@Controller('v1/referrals')
export class StrategyDiscussionHttpController {
  constructor(private readonly commands: LifecycleCommandHandler) {}

  @Post(':id/strategy-discussion')
  @LifecycleCommandDocs(
    'Record the strategy discussion (MASH decision)',
    "Practitioners and hub managers of the referral's hub, once it is at strategy discussion: attendees by agency, a reason for each absent core agency, " +
      'the decision, its rationale and the agreed actions. The decision takes effect once the hub manager authorises it.',
  )
  record(@Param('id') id: string, @Body() body: StrategyDiscussionRequest, @Req() request: FastifyRequest): Promise<LifecycleCommandResponse> {
    return this.commands.send(request, id, recordStrategyDiscussionUpdate, {
      heldAt: body.heldAt,
      attendees: body.attendees.map(({ agency, name, role }) => ({ agency, name, role })),
      absences: body.absences.map(({ agency, reason }) => ({ agency, reason })),
      decision: body.decision,
      rationale: body.rationale,
      actions: body.actions.map(({ actionId, description, owningAgency, dueAt }) => ({ actionId, description, owningAgency, ...(dueAt === undefined ? {} : { dueAt }) })),
    });
  }
}
