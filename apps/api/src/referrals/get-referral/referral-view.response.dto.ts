import { ApiProperty } from '@nestjs/swagger';
import { AGE_BANDS, AGENCIES, CONCERN_CATEGORIES, SUBJECT_TYPES } from '@app/domain';
import type { AgeBand, Agency, ConcernCategory, SubjectType } from '@app/domain';
import type { ReferralStage } from '@app/workflow-contracts';
import {
  ActionView,
  AuthorisationView,
  ChallengeView,
  DecisionView,
  InformationRequestView,
  OutcomeView,
  StrategyDiscussionView,
  TriageView,
} from './referral-lifecycle-view.response.dto';

const STAGES = [
  'received',
  'awaiting-triage',
  'awaiting-authorisation',
  'information-gathering',
  'strategy-discussion',
  'action-follow-up',
  'closed',
] as const satisfies readonly ReferralStage[];

const STAGE = { enum: [...STAGES], enumName: 'ReferralStage', description: 'Stage of the referral lifecycle.' };

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

  @ApiProperty(STAGE)
  stage!: ReferralStage;

  @ApiProperty({ type: ReferralSubjectView })
  subject!: ReferralSubjectView;

  @ApiProperty({ enum: [...AGENCIES], enumName: 'Agency' })
  referrerAgency!: Agency;

  @ApiProperty({ enum: [...CONCERN_CATEGORIES], enumName: 'ConcernCategory', isArray: true })
  concernCategories!: ConcernCategory[];

  @ApiProperty()
  immediateRisk!: boolean;

  @ApiProperty({ description: "People in the subject's household, the subject included." })
  householdSize!: number;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  triageAwaitedSince!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'amber', description: "RAG rating, one of the hub's levels; null before triage." })
  rag!: string | null;

  @ApiProperty({ type: TriageView })
  triage!: TriageView;

  @ApiProperty({ type: DecisionView, nullable: true, description: 'The latest decision and what a manager did with it.' })
  decision!: DecisionView | null;

  @ApiProperty({ type: AuthorisationView, nullable: true, description: 'What waits for a manager; null when nothing does.' })
  authorisation!: AuthorisationView | null;

  @ApiProperty({ type: InformationRequestView, isArray: true, description: 'Information asked of agencies, one per agency.' })
  requests!: InformationRequestView[];

  @ApiProperty({ type: StrategyDiscussionView, nullable: true })
  strategyDiscussion!: StrategyDiscussionView | null;

  @ApiProperty({ type: ActionView, isArray: true, description: 'Actions agreed at the strategy discussion, once authorised.' })
  actions!: ActionView[];

  @ApiProperty({ type: OutcomeView, nullable: true })
  outcome!: OutcomeView | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until when the referrer may challenge the outcome.' })
  challengeableUntil!: string | null;

  @ApiProperty({ type: ChallengeView, nullable: true, description: "The referrer's challenge of the outcome, if any." })
  challenge!: ChallengeView | null;
}

/**
 * The status of a referral, as its referrer sees it: no personal data, nothing agencies shared.
 * A referrer is told the outcome, so its decision code and the closure are part of it.
 */
export class ReferralStatusView {
  @ApiProperty({ format: 'uuid' })
  referralId!: string;

  @ApiProperty()
  hubId!: string;

  @ApiProperty(STAGE)
  stage!: ReferralStage;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'early-help', description: 'Decision code of the outcome, once decided.' })
  outcome!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;
}
