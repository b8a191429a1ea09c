import { Inject, Injectable } from '@nestjs/common';
import { type AccessEntry, type AccessOutcome, type AccessPurpose, AuditLog, roleCode } from '@app/audit';
import type { Principal } from '@app/auth';
import type { Pool, PoolClient } from '@app/database';
import { errorSummary, type Logger } from '@app/observability';
import type { FastifyRequest } from 'fastify';
import { accessRuleOf, type AuditRule } from '../http/access-rules';
import { ApiError, type ErrorCode } from '../http/api-error';
import { LOGGER, PG_POOL } from '../platform/tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** The access rules' key of the endpoint (`GET /v1/referrals/:id`), set by the access guard. */
    routeId?: string;
    /** What the request touched, once the handler knows (e.g. the referral's hub, also when it answers 404). */
    auditTarget?: { hubId: string; resourceId?: string | null };
    /** Set by a handler that recorded the access in its own transaction: the interceptor skips it. */
    auditRecorded?: boolean;
    /** Why the caller says they access it (header Access-Purpose), set by the access guard. */
    accessPurpose?: AccessPurpose | null;
  }
}

const HUB_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Refusals recorded as `denied`; REFERRAL.NOT_FOUND (also another hub's referral) as `not-found`. */
const DENIED: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['AUTH.ROLE_NOT_ALLOWED', 'AUTH.HUB_NOT_ALLOWED', 'AUTH.AGENCY_MISMATCH', 'HUB_POLICY.NOT_ACCOUNTABLE']);
const NOT_FOUND: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['REFERRAL.NOT_FOUND']);

/** The audit rule of the request's endpoint, if it is a case endpoint (every non-public one). */
export function auditRuleOf(request: FastifyRequest): AuditRule | undefined {
  const rule = request.routeId === undefined ? undefined : accessRuleOf(request.routeId);
  return rule?.access === 'roles' ? rule.audit : undefined;
}

/** The outcome an error answer is recorded with, or null when it is not an access to record (400, 422, 5xx). */
export function refusalOutcome(code: ErrorCode): AccessOutcome | null {
  if (DENIED.has(code)) return 'denied';
  if (NOT_FOUND.has(code)) return 'not-found';
  return null;
}

/**
 * Turns API requests into access audit records: who (the token's principal), which hub (the
 * resource's own hub when it exists, so its auditor sees probes of its data; else the hub the
 * request names; else the caller's first hub), what (the endpoint's audit rule) and the outcome.
 */
@Injectable()
export class AuditTrail {
  constructor(
    readonly log: AuditLog,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The entry for a principal's access; the caller supplies hub, resource and outcome. */
  entry(
    principal: Principal,
    rule: Omit<AuditRule, 'recordedBy' | 'resourceIdParam'>,
    target: { hubId: string; resourceId: string | null },
    outcome: AccessOutcome,
    correlationId: string,
    purpose: AccessPurpose | null = null,
  ): AccessEntry {
    return {
      hubId: target.hubId,
      userId: principal.userId,
      role: roleCode(principal.roles),
      agency: principal.agency,
      access: rule.access,
      action: rule.action,
      resourceType: rule.resourceType,
      resourceId: target.resourceId,
      purpose,
      outcome,
      correlationId,
    };
  }

  /**
   * Records inside the caller's transaction (last statement before COMMIT). A record that cannot
   * be written fails the whole request with 503: the access does not happen unrecorded.
   */
  async recordIn(client: PoolClient, entry: AccessEntry): Promise<void> {
    try {
      await this.log.record(entry, client);
    } catch (error) {
      throw this.unrecordable(error, entry);
    }
  }

  /** Records an allowed access once the handler has answered, before the answer is sent. */
  async recordAllowed(request: FastifyRequest): Promise<void> {
    const rule = auditRuleOf(request);
    if (!rule || request.auditRecorded || !request.principal) return;
    const entry = this.entry(request.principal, rule, await this.targetOf(request, rule), 'allowed', request.id, request.accessPurpose ?? null);
    try {
      await this.log.record(entry);
    } catch (error) {
      throw this.unrecordable(error, entry);
    }
    request.auditRecorded = true;
  }

  /**
   * Records a refused or not-found answer of a case endpoint. Never throws: the refusal is
   * answered either way, and a record that cannot be written is logged. A request without a
   * principal (401) is not recorded: there is nobody to record.
   */
  async recordRefusal(request: FastifyRequest, code: ErrorCode): Promise<void> {
    const outcome = refusalOutcome(code);
    const rule = auditRuleOf(request);
    if (!outcome || !rule || request.auditRecorded || !request.principal) return;
    try {
      const target = await this.targetOf(request, rule);
      await this.log.record(this.entry(request.principal, rule, target, outcome, request.id, request.accessPurpose ?? null));
      request.auditRecorded = true;
    } catch (error) {
      this.logger.error({ correlationId: request.id, routeId: request.routeId, outcome, ...errorSummary(error) }, 'a refused access could not be recorded in the audit log');
    }
  }

  private unrecordable(error: unknown, entry: AccessEntry): ApiError {
    this.logger.error({ correlationId: entry.correlationId, action: entry.action, hubId: entry.hubId, ...errorSummary(error) }, 'access could not be recorded in the audit log; refused');
    return new ApiError('DEPENDENCY.UNAVAILABLE', 'the access could not be recorded in the audit log; nothing was done or sent, retry');
  }

  private async targetOf(request: FastifyRequest, rule: AuditRule): Promise<{ hubId: string; resourceId: string | null }> {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const param = rule.resourceIdParam === undefined ? undefined : params[rule.resourceIdParam];
    const resourceId = request.auditTarget?.resourceId ?? (typeof param === 'string' && param.length <= 200 && /^\S+$/.test(param) ? param : null);
    const hubId = request.auditTarget?.hubId ?? (await this.hubOfResource(rule, resourceId)) ?? this.namedHub(request) ?? request.principal?.hubs[0];
    if (hubId === undefined) throw new Error('no hub to record this access in: the caller belongs to no hub and the request names none');
    return { hubId, resourceId };
  }

  /** The referral's own hub, from the read model, when it exists. */
  private async hubOfResource(rule: AuditRule, resourceId: string | null): Promise<string | undefined> {
    if (rule.resourceType !== 'referral' || resourceId === null || !UUID.test(resourceId)) return undefined;
    const { rows } = await this.pool.query<{ hub_id: string }>('SELECT hub_id FROM referral_summary WHERE referral_id = $1', [resourceId]);
    return rows[0]?.hub_id;
  }

  /** The hub the request names: in its path (`:hubId`) or its body (`hubId`). */
  private namedHub(request: FastifyRequest): string | undefined {
    for (const source of [request.params, request.body]) {
      const hubId = typeof source === 'object' && source !== null ? (source as Record<string, unknown>).hubId : undefined;
      if (typeof hubId === 'string' && HUB_ID.test(hubId)) return hubId;
    }
    return undefined;
  }
}
