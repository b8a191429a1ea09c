import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES, BASIS_NOT_RECORDED, LAWFUL_BASES, SENSITIVITIES, type Agency, type RecordedLawfulBasis, type Sensitivity } from '@app/domain';
import type { ContributionView } from './contribution-visibility';

const AGENCY = { enum: [...AGENCIES], enumName: 'Agency' };

export class ContributorView {
  @ApiProperty()
  userId!: string;

  @ApiProperty(AGENCY)
  agency!: Agency;
}

export class AgencyContributionView implements ContributionView {
  @ApiProperty({ ...AGENCY, description: 'The agency that answered.' })
  agency!: Agency;

  @ApiProperty({ format: 'uuid' })
  responseId!: string;

  @ApiProperty({ format: 'date-time' })
  respondedAt!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ description: 'Answered after the due time.' })
  late!: boolean;

  @ApiProperty({ description: 'A further response from an agency that had already answered.' })
  addition!: boolean;

  @ApiProperty({ type: ContributorView })
  by!: ContributorView;

  @ApiProperty({ enum: ['shared', 'held-not-shared'], enumName: 'SharingDecisionKind' })
  decision!: 'shared' | 'held-not-shared';

  @ApiProperty({
    enum: [...Object.keys(LAWFUL_BASES), BASIS_NOT_RECORDED],
    description: "The agency's lawful basis; not-recorded for responses recorded before sharing decisions.",
  })
  lawfulBasis!: RecordedLawfulBasis;

  @ApiProperty({ enum: [...SENSITIVITIES], enumName: 'Sensitivity', nullable: true, description: 'Null when nothing was shared.' })
  sensitivity!: Sensitivity | null;

  @ApiProperty({ description: "True: something was shared at a sensitivity the hub's agreement does not let this reader see; summary and purpose are null." })
  withheld!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'What the agency shared, when this reader may see its sensitivity.' })
  summary!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why it was shared, when this reader may see its sensitivity.' })
  purpose!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Held, not shared: why the agency does not share what it holds.' })
  reason!: string | null;
}

export class AgencyContributionsView {
  @ApiProperty({ format: 'uuid' })
  referralId!: string;

  @ApiProperty({ type: Number, nullable: true, description: "The hub policy version whose agreement applied; null: the hub has none, so the national template's." })
  policyVersion!: number | null;

  @ApiProperty({ enum: [...SENSITIVITIES], enumName: 'Sensitivity', isArray: true, description: "What this reader may see under the hub's agreement (role, narrowed by agency)." })
  visibleSensitivities!: Sensitivity[];

  @ApiProperty({ type: [AgencyContributionView], description: "In the order recorded; empty when the reader's agency has not signed the agreement." })
  contributions!: AgencyContributionView[];
}
