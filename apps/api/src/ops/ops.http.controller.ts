import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ACCESS_PURPOSES } from '@app/audit';
import type { Principal } from '@app/auth';
import { Rejection } from '@app/domain';
import type { FastifyRequest } from 'fastify';
import { OpsNotFoundError, OpsUsageError } from '../../../ops/src/ops.errors';
import { listParked, PLATFORM_AUDIT_HUB, resolveParked, type Resolution, type ResolveResult } from '../../../ops/src/parked/resolve-parked';
import { referralAt, type ReferralAt } from '../../../ops/src/referral-at/referral-at';
import { readStatus } from '../../../ops/src/status/read-status';
import type { ComponentStatus } from '../../../ops/src/status/consumer-status';
import { ApiError } from '../http/api-error';
import { ErrorBodyDto } from '../http/error-body.dto';
import { RequestPrincipal } from '../http/request-actor';
import { validateRequest } from '../http/request-validation.pipe';
import { OpsConnections } from './ops-connections';
import { ParkedListQuery, ReferralAtQuery, SkipParkedRequest } from './ops.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PARKED_ID = /^[1-9][0-9]{0,18}$/;
const ROLE_REFUSAL = 'AUTH.ROLE_NOT_ALLOWED: operations staff only.';

/**
 * The ops API: the same operations as the ops command line (apps/ops), over HTTP, for operations
 * staff. Read-only and parked-event operations only; the operator recorded is the token's user.
 */
@ApiTags('ops')
@Controller('v1/ops')
export class OpsHttpController {
  constructor(@Inject(OpsConnections) private readonly ops: OpsConnections) {}

  @Get('status')
  @ApiOperation({ summary: 'Position, lag, parked counts and last error of every projection and event-log reader', description: 'As `ops status --json`.' })
  @ApiOkResponse({ description: 'One entry per projection (kind `projection`) and event-log reader (kind `event-reader`).', schema: { type: 'array', items: { type: 'object' } } })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: ROLE_REFUSAL })
  @ApiServiceUnavailableResponse({ type: ErrorBodyDto, description: 'DEPENDENCY.UNAVAILABLE: PostgreSQL or Kafka cannot be reached.' })
  async status(@Req() request: FastifyRequest): Promise<ComponentStatus[]> {
    request.auditTarget = { hubId: PLATFORM_AUDIT_HUB };
    return this.ops.withKafkaAdmin((kafkaAdmin) => readStatus({ pool: this.ops.pool, kafkaAdmin, referralTopic: this.ops.referralTopic }));
  }

  @Get('parked')
  @ApiOperation({ summary: 'Events parked now (not yet retried or skipped), oldest first', description: 'As `ops parked list --json`: payloads are never returned, only their size.' })
  @ApiOkResponse({ description: 'The parked events.', schema: { type: 'array', items: { type: 'object' } } })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID, naming the bad query parameter.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: ROLE_REFUSAL })
  async parked(@Query() raw: Record<string, unknown>, @Req() request: FastifyRequest): Promise<Record<string, unknown>[]> {
    const query = await validateRequest(ParkedListQuery, { ...raw });
    request.auditTarget = { hubId: PLATFORM_AUDIT_HUB };
    const events = await listParked(this.ops.pool, { consumer: query.consumer });
    // Payloads stay in the table: they hold personal data.
    return events.map(({ payload, ...event }) => ({ ...event, payloadBytes: payload?.length ?? 0 }));
  }

  @Post('parked/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply a parked event again through its consumer, then the events held behind it', description: 'As `ops parked retry`. Recorded in the access audit log (parked-event.retry).' })
  @ApiParam({ name: 'id', description: 'The parked event id (a whole number).' })
  @ApiOkResponse({ description: 'What became of each event; an event that failed again stays parked (outcome `failed-again`).', schema: { type: 'object' } })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: ROLE_REFUSAL })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'PARKED_EVENT.NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'PARKED_EVENT.NOT_RESOLVABLE: already resolved, or held behind an earlier parked event of its referral.' })
  async retry(@Param('id') id: string, @RequestPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<ResolveResult> {
    return this.resolve(id, { kind: 'retry' }, principal, request);
  }

  @Post('parked/:id/skip')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a parked event up, with a reason code; the events held behind it are applied', description: 'As `ops parked skip`. Recorded in the access audit log (parked-event.skip).' })
  @ApiParam({ name: 'id', description: 'The parked event id (a whole number).' })
  @ApiBody({ type: SkipParkedRequest })
  @ApiOkResponse({ description: 'What became of each event.', schema: { type: 'object' } })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID, naming `reason`.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: ROLE_REFUSAL })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'PARKED_EVENT.NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorBodyDto, description: 'PARKED_EVENT.NOT_RESOLVABLE: already resolved, or held behind an earlier parked event of its referral.' })
  async skip(@Param('id') id: string, @Body() body: SkipParkedRequest, @RequestPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<ResolveResult> {
    return this.resolve(id, { kind: 'skip', reason: body.reason }, principal, request);
  }

  @Get('referrals/:id/at')
  @ApiOperation({
    summary: 'A referral as it was at an instant or a global position: its lifecycle state rebuilt from its events',
    description: 'As `ops referral-at` without `--include-personal-data`: never any personal data. Requires Access-Purpose; recorded in the referral hub\'s access audit log (referral.read-at).',
  })
  @ApiParam({ name: 'id', description: 'The referral id (a uuid).' })
  @ApiHeader({ name: 'Access-Purpose', required: true, enum: [...ACCESS_PURPOSES], description: 'Why you read it; recorded with the access.' })
  @ApiOkResponse({ description: 'The lifecycle state, the events applied and the audit correlation id.', schema: { type: 'object' } })
  @ApiBadRequestResponse({ type: ErrorBodyDto, description: 'REQUEST.INVALID, naming `at`, `position` or `Access-Purpose`.' })
  @ApiForbiddenResponse({ type: ErrorBodyDto, description: ROLE_REFUSAL })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'REFERRAL.NOT_FOUND: no events for this id.' })
  async referralAt(@Param('id') id: string, @Query() raw: Record<string, unknown>, @RequestPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<ReferralAt> {
    const query = await validateRequest(ReferralAtQuery, { ...raw });
    if ((query.at === undefined) === (query.position === undefined)) {
      throw new ApiError('REQUEST.INVALID', 'give exactly one of at and position', [
        { field: 'at', reason: 'exactly one of at and position is required' },
        { field: 'position', reason: 'exactly one of at and position is required' },
      ]);
    }
    if (!UUID.test(id)) throw new Rejection('REFERRAL.NOT_FOUND', `referral ${id} is not known`);
    try {
      const result = await referralAt(this.ops.pool, {
        referralId: id,
        cutoff: query.at !== undefined ? { at: new Date(query.at) } : { position: BigInt(query.position!) },
        operator: principal.userId,
        purpose: request.accessPurpose ?? null,
        includePersonalData: false,
      });
      request.auditRecorded = true;
      return result;
    } catch (error) {
      if (error instanceof OpsNotFoundError) throw new Rejection('REFERRAL.NOT_FOUND', `referral ${id} is not known`);
      throw error;
    }
  }

  private async resolve(id: string, resolution: Resolution, principal: Principal, request: FastifyRequest): Promise<ResolveResult> {
    request.auditTarget = { hubId: PLATFORM_AUDIT_HUB };
    if (!PARKED_ID.test(id)) throw new ApiError('PARKED_EVENT.NOT_FOUND', `no parked event ${id}`);
    try {
      const result = await resolveParked({ pool: this.ops.pool, consumerFor: (name) => this.ops.parkedConsumers.consumerFor(name) }, id, resolution, principal.userId);
      request.auditRecorded = true;
      return result;
    } catch (error) {
      if (error instanceof OpsNotFoundError) throw new ApiError('PARKED_EVENT.NOT_FOUND', error.message);
      if (error instanceof OpsUsageError) throw new ApiError('PARKED_EVENT.NOT_RESOLVABLE', error.message);
      throw error;
    }
  }
}
