import { Inject, Injectable } from '@nestjs/common';
import { type Client, QueryNotRegisteredError, type WorkflowHandle, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { belongsToHub, type Principal } from '@app/auth';
import { type Actor, type ReferralEvent, Rejection } from '@app/domain';
import { errorSummary, type Logger } from '@app/observability';
import { type CommandResult, referralStateQuery, referralWorkflowId, stageQuery } from '@app/workflow-contracts';
import type { QueryDefinition } from '@temporalio/common';
import type { FastifyRequest } from 'fastify';
import '../../audit/audit-trail';
import { ApiError } from '../../http/api-error';
import { idempotencyKeyOf } from '../../http/idempotency-key';
import { principalOf } from '../../http/request-actor';
import { LOGGER, TEMPORAL_CLIENT } from '../../platform/tokens';
import { commandFailureOf, failureTypeOf, isMissingUpdateHandler } from './command-failure';
import type { LifecycleCommandResponse } from './lifecycle-command.response.dto';
import { isAgency, requireUuid } from './path-params';
import { ReferralHubQuery } from './referral-hub.query';

/** How long a command waits for the workflow to apply it before answering 503 (the update may still land). */
const UPDATE_TIMEOUT_MS = 10_000;

type Update<Fields> = UpdateDefinition<CommandResult, [Fields]>;

/**
 * What a command does once the referral's workflow has ended (or is gone from Temporal's
 * retention): only a disclosure has one, appended by the API to the stream itself.
 */
export type AfterLifecycle<Fields> = (context: { fields: Fields; hubId: string; workflow: 'ended' | 'not-found'; idempotencyKey?: string }) => Promise<ReferralEvent[]>;

/**
 * Sends a person's lifecycle command to the referral's workflow as its Temporal update: the
 * referral must exist in a hub of the caller's token (else 404, as if unknown), the actor is
 * the token's user and agency, and the update's failure becomes the API's error for it.
 */
@Injectable()
export class LifecycleCommandHandler {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly hubs: ReferralHubQuery,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async send<Fields extends { by: Actor }>(
    request: FastifyRequest,
    referralId: string,
    update: Update<Fields>,
    fields: Omit<Fields, 'by'>,
    afterLifecycle?: AfterLifecycle<Fields>,
  ): Promise<LifecycleCommandResponse> {
    requireUuid(referralId, 'id');
    const principal = principalOf(request);
    const idempotencyKey = idempotencyKeyOf(request);
    const hubId = await this.hubs.hubOf(referralId);
    // Recorded in the referral's own hub, also when this caller is answered 404: its auditor sees the probe.
    if (hubId) request.auditTarget = { hubId, resourceId: referralId };
    // One answer for "missing" and "another hub's": the caller learns nothing about other hubs' referrals.
    if (!hubId || !belongsToHub(principal, hubId)) throw new Rejection('REFERRAL.NOT_FOUND', `referral ${referralId} is not known`);

    const handle = this.temporal.workflow.getHandle(referralWorkflowId(referralId));
    const args = { ...fields, by: actorOf(principal) } as Fields;
    // Scoped to the command and the user: one key reused for another command is another update.
    const updateId = idempotencyKey === undefined ? undefined : `${update.name}:${principal.userId}:${idempotencyKey}`;
    try {
      const events = await this.withDeadline(() => handle.executeUpdate(update, { args: [args], updateId }));
      const stage = await this.withDeadline(() => handle.query(stageQuery));
      return { referralId, stage, events: events.map((event) => event.type) };
    } catch (error) {
      let failure: unknown = error;
      try {
        if (error instanceof WorkflowNotFoundError && afterLifecycle) {
          const workflow = await this.endedOrGone(handle);
          if (workflow) {
            const events = await afterLifecycle({ fields: args, hubId, workflow, idempotencyKey });
            return { referralId, stage: 'closed', events: events.map((event) => event.type) };
          }
        }
        if (error instanceof WorkflowNotFoundError) failure = await this.noWorkflow(handle, referralId);
        else if (isMissingUpdateHandler(error)) failure = await this.noUpdateHandlers(handle, referralId);
      } catch (whileFindingOut) {
        failure = whileFindingOut;
      }
      throw this.answerFor(failure, request, referralId, update.name);
    }
  }

  /** The API's error for a failure; an unexpected one is logged and answered 500 INTERNAL, with none of its text. */
  private answerFor(failure: unknown, request: FastifyRequest, referralId: string, update: string): Error {
    if (failure instanceof ApiError || failure instanceof Rejection) return failure;
    const known = commandFailureOf(failure);
    if (known) return known;
    this.logger.error({ correlationId: request.id, referralId, update, failureType: failureTypeOf(failure), ...errorSummary(failure) }, 'lifecycle command failed unexpectedly');
    return new Error('lifecycle command failed unexpectedly');
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.temporal.connection.withDeadline(Date.now() + UPDATE_TIMEOUT_MS, call);
  }

  /** Whether the workflow has ended, or is no longer known at all; undefined while it runs. */
  private async endedOrGone(handle: WorkflowHandle): Promise<'ended' | 'not-found' | undefined> {
    try {
      const { status } = await this.withDeadline(() => handle.describe());
      return status.name === 'RUNNING' ? undefined : 'ended';
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return 'not-found';
      throw error;
    }
  }

  /** The referral is stored but no workflow runs for it: not started yet, or its lifecycle has ended. */
  private async noWorkflow(handle: WorkflowHandle, referralId: string): Promise<Error> {
    try {
      const { status } = await this.withDeadline(() => handle.describe());
      if (status.name !== 'RUNNING') {
        return new Rejection('REFERRAL.WRONG_STAGE', `the lifecycle of referral ${referralId} has ended (${status.name.toLowerCase()}); it takes no more commands`);
      }
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    return notReady(referralId);
  }

  /**
   * No handler took the update. A workflow from before lifecycle-v2 answers the `stage` query
   * but never registers `referralState`; a new one registers both (and the updates) once it
   * has loaded its referral, so until then it answers neither.
   */
  private async noUpdateHandlers(handle: WorkflowHandle, referralId: string): Promise<Error> {
    if ((await this.answers(handle, stageQuery)) && !(await this.answers(handle, referralStateQuery))) {
      return new ApiError(
        'REFERRAL.LEGACY_WORKFLOW',
        `referral ${referralId} runs on a workflow started before the lifecycle commands existed (lifecycle-v2); it accepts none`,
      );
    }
    return notReady(referralId);
  }

  private answers(handle: WorkflowHandle, query: QueryDefinition<unknown>): Promise<boolean> {
    return this.withDeadline(() => handle.query(query)).then(
      () => true,
      (error: unknown) => {
        if (error instanceof QueryNotRegisteredError) return false;
        throw error;
      },
    );
  }
}

function notReady(referralId: string): ApiError {
  return new ApiError('REFERRAL.WORKFLOW_NOT_READY', `the workflow of referral ${referralId} is not ready for commands yet; retry in a moment`);
}

/** Who acts: the token's user for the token's agency. An agency the platform does not know cannot act on a referral. */
function actorOf(principal: Principal): Actor {
  if (!isAgency(principal.agency)) {
    throw new ApiError('AUTH.AGENCY_MISMATCH', `your token's agency ${principal.agency} is not an agency of the platform`);
  }
  return { userId: principal.userId, agency: principal.agency };
}
