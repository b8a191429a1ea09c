import { ApiProperty } from '@nestjs/swagger';
import { AGENCIES } from '@app/domain';
import type { Agency } from '@app/domain';

// The parts of a referral's lifecycle in its full view. Instants are ISO 8601 as the lifecycle
// recorded them; RAG codes are the hub's own (its policy names them).

export class ActorView {
  @ApiProperty()
  userId!: string;

  @ApiProperty({ enum: [...AGENCIES], enumName: 'Agency' })
  agency!: Agency;
}

export class TriageView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when triage has been awaited.' })
  awaitedSince!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When triage is due; known once a challenge re-opens triage (the first wait does not publish it yet).',
  })
  dueAt!: string | null;

  @ApiProperty({ description: 'Rung of the escalation ladder reached; 0 before any escalation.', example: 0 })
  escalationLevel!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextEscalationAt!: string | null;
}

export class DecisionView {
  @ApiProperty({ enum: ['triage', 'strategy'], description: 'Taken at triage or at the strategy discussion.' })
  source!: 'triage' | 'strategy';

  @ApiProperty({ example: 'mash-enquiry', description: 'Decision code.' })
  decision!: string;

  @ApiProperty({ enum: ['waiting-authorisation', 'authorised', 'returned'] })
  status!: 'waiting-authorisation' | 'authorised' | 'returned';

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;

  @ApiProperty({ type: ActorView })
  decidedBy!: ActorView;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  authorisedAt!: string | null;

  @ApiProperty({ type: ActorView, nullable: true })
  authorisedBy!: ActorView | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  returnedAt!: string | null;

  @ApiProperty({ type: ActorView, nullable: true })
  returnedBy!: ActorView | null;
}

export class AuthorisationView {
  @ApiProperty({ enum: ['triage', 'strategy', 'challenge'], description: 'What waits for a manager.' })
  kind!: 'triage' | 'strategy' | 'challenge';

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ example: 0 })
  escalationLevel!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextEscalationAt!: string | null;
}

export class InformationRequestView {
  @ApiProperty({ enum: [...AGENCIES], enumName: 'Agency' })
  agency!: Agency;

  @ApiProperty({ example: 'amber', description: 'RAG level the request is timed at.' })
  rag!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ enum: ['open', 'answered', 'closed-unanswered'] })
  status!: 'open' | 'answered' | 'closed-unanswered';

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The first answer.' })
  answeredAt!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the first answer came after the due time; null until answered.' })
  late!: boolean | null;

  @ApiProperty({ example: 0 })
  escalationLevel!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextEscalationAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  remindedAt!: string | null;
}

export class StrategyDiscussionView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set when scheduled for immediate risk.' })
  dueAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  heldAt!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Minutes from receipt of the referral to the discussion.' })
  minutesSinceReferral!: number | null;
}

export class ActionView {
  @ApiProperty()
  actionId!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: [...AGENCIES], enumName: 'Agency' })
  owningAgency!: Agency;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] })
  status!: 'open' | 'completed' | 'cancelled';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether it was completed after its due time; null until completed.' })
  late!: boolean | null;

  @ApiProperty({ example: 0 })
  escalationLevel!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextEscalationAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  remindedAt!: string | null;
}

export class OutcomeView {
  @ApiProperty({ example: 'section-47-enquiry', description: 'Decision code of the authorised outcome.' })
  decision!: string;

  @ApiProperty({ enum: ['triage', 'strategy'] })
  source!: 'triage' | 'strategy';

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;
}

export class ChallengeView {
  @ApiProperty({ format: 'date-time' })
  raisedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while a manager has not decided.' })
  resolvedAt!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the outcome stood; null until resolved.' })
  upheld!: boolean | null;
}
