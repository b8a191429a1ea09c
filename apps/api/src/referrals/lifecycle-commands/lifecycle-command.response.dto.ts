import { ApiProperty } from '@nestjs/swagger';
import type { ReferralStage } from '@app/workflow-contracts';

const STAGES: ReferralStage[] = ['received', 'awaiting-triage', 'awaiting-authorisation', 'information-gathering', 'strategy-discussion', 'action-follow-up', 'closed'];

/** What a lifecycle command did: the referral's stage after it and the events it appended. */
export class LifecycleCommandResponse {
  @ApiProperty({ format: 'uuid' })
  referralId!: string;

  @ApiProperty({ enum: STAGES, enumName: 'ReferralStage', description: "Where the referral's workflow stands once the command is applied." })
  stage!: ReferralStage;

  @ApiProperty({
    type: [String],
    example: ['TriageDecisionRecorded', 'AuthorisationRequested'],
    description: 'Types of the events the command appended, in order; empty when it changed nothing (e.g. the same response sent twice).',
  })
  events!: string[];
}
