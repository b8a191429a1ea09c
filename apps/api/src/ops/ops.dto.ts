import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

const CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const CONSUMER = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const WHOLE = /^(0|[1-9][0-9]{0,18})$/;

/** Query string of GET /v1/ops/parked. */
export class ParkedListQuery {
  @ApiPropertyOptional({ description: 'Only the events this consumer parked (e.g. referral-summary, relay).' })
  @IsOptional()
  @Matches(CONSUMER, { message: 'must be a consumer name (lower case, digits, dots, hyphens)' })
  consumer?: string;
}

/** Body of POST /v1/ops/parked/{id}/skip. */
export class SkipParkedRequest {
  @ApiProperty({ description: 'Why the event is given up, as a code.', example: 'duplicate-of-corrected-event' })
  @Matches(CODE, { message: 'must be a code: lower case, digits and hyphens, e.g. duplicate-of-corrected-event' })
  reason!: string;
}

/** Query string of GET /v1/ops/referrals/{id}/at: exactly one of `at` and `position`. */
export class ReferralAtQuery {
  @ApiPropertyOptional({ description: 'The instant (ISO 8601): events recorded up to it are applied.', example: '2026-03-02T10:30:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 time' })
  at?: string;

  @ApiPropertyOptional({ description: 'A global position of the event store: events up to it are applied.', example: '1234' })
  @IsOptional()
  @Matches(WHOLE, { message: 'must be a whole number' })
  position?: string;
}
