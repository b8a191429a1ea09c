import { ApiProperty } from '@nestjs/swagger';
import { AGE_BANDS, AGENCIES, CONCERN_CATEGORIES, SUBJECT_TYPES } from '@app/domain';
import type { AgeBand, Agency, ConcernCategory, SubjectType } from '@app/domain';

export class ReferralSubjectView {
  @ApiProperty({ enum: [...SUBJECT_TYPES], enumName: 'SubjectType' })
  type!: SubjectType;

  @ApiProperty({ description: 'Name as the hub shows it on lists.' })
  displayName!: string;

  @ApiProperty({ type: String, format: 'date', required: false })
  dateOfBirth?: string;

  @ApiProperty({ enum: [...AGE_BANDS], enumName: 'AgeBand', required: false })
  ageBand?: AgeBand;
}

export class ReferralView {
  @ApiProperty({ format: 'uuid' })
  referralId!: string;

  @ApiProperty()
  hubId!: string;

  @ApiProperty({ example: 'awaiting-triage', description: 'Stage of the referral lifecycle.' })
  stage!: string;

  @ApiProperty({ type: ReferralSubjectView })
  subject!: ReferralSubjectView;

  @ApiProperty({ enum: [...AGENCIES], enumName: 'Agency' })
  referrerAgency!: Agency;

  @ApiProperty({ enum: [...CONCERN_CATEGORIES], enumName: 'ConcernCategory', isArray: true })
  concernCategories!: ConcernCategory[];

  @ApiProperty()
  immediateRisk!: boolean;

  @ApiProperty({ description: 'People in the household besides the subject.' })
  householdSize!: number;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  triageAwaitedSince!: string | null;
}

/** The status of a referral, as its referrer sees it: no personal data, nothing agencies shared. */
export class ReferralStatusView {
  @ApiProperty({ format: 'uuid' })
  referralId!: string;

  @ApiProperty()
  hubId!: string;

  @ApiProperty({ example: 'awaiting-triage', description: 'Stage of the referral lifecycle.' })
  stage!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;
}
