import { ApiPropertyOptional } from '@nestjs/swagger';
import { ACCESS_KINDS, ACCESS_OUTCOMES, type AccessKind, type AccessOutcome, type AuditQuery } from '@app/audit';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

const ID = /^[^\s\p{C}]{1,200}$/u;
const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const WHOLE = /^(0|[1-9][0-9]{0,14})$/;
const LIMIT = /^([1-9][0-9]{0,2}|1000)$/;

/** Query string of GET /v1/hubs/:hubId/audit-records; all strings, as a query string is. */
export class AuditRecordsQuery {
  @ApiPropertyOptional({ description: "The token's subject of the user who acted." })
  @IsOptional()
  @Matches(ID, { message: 'must be an id without spaces' })
  userId?: string;

  @ApiPropertyOptional({ example: 'referral' })
  @IsOptional()
  @Matches(CODE, { message: 'must be a lower-case code' })
  resourceType?: string;

  @ApiPropertyOptional({ description: 'e.g. a referral id' })
  @IsOptional()
  @Matches(ID, { message: 'must be an id without spaces' })
  resourceId?: string;

  @ApiPropertyOptional({ example: 'referral.read' })
  @IsOptional()
  @Matches(ACTION, { message: 'must be <resource>.<verb>' })
  action?: string;

  @ApiPropertyOptional({ enum: ACCESS_KINDS })
  @IsOptional()
  @IsIn(ACCESS_KINDS as unknown as string[], { message: `must be one of ${ACCESS_KINDS.join(', ')}` })
  access?: string;

  @ApiPropertyOptional({ enum: ACCESS_OUTCOMES })
  @IsOptional()
  @IsIn(ACCESS_OUTCOMES as unknown as string[], { message: `must be one of ${ACCESS_OUTCOMES.join(', ')}` })
  outcome?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Recorded at or after (inclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Recorded before (exclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: "The previous page's nextAfterSequence." })
  @IsOptional()
  @Matches(WHOLE, { message: 'must be a whole number, 0 or more' })
  afterSequence?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Matches(LIMIT, { message: 'must be a whole number from 1 to 1000' })
  limit?: string;
}

/** The library's filter for one hub, from a validated query. */
export function toAuditQuery(hubId: string, query: AuditRecordsQuery): AuditQuery {
  return {
    hubId,
    userId: query.userId,
    resourceType: query.resourceType,
    resourceId: query.resourceId,
    action: query.action,
    access: query.access as AccessKind | undefined,
    outcome: query.outcome as AccessOutcome | undefined,
    from: query.from === undefined ? undefined : new Date(query.from),
    to: query.to === undefined ? undefined : new Date(query.to),
    afterSequence: query.afterSequence === undefined ? undefined : Number(query.afterSequence),
    limit: query.limit === undefined ? undefined : Number(query.limit),
  };
}
