import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import received from '../../schemas/mash.referral.received.v1.json';
import triageAwaited from '../../schemas/mash.referral.triage-awaited.v1.json';
import triageEscalated from '../../schemas/mash.referral.triage-escalated.v1.json';
import triageDecided from '../../schemas/mash.referral.triage-decided.v1.json';
import authorisationRequested from '../../schemas/mash.referral.authorisation-requested.v1.json';
import authorisationEscalated from '../../schemas/mash.referral.authorisation-escalated.v1.json';
import decisionAuthorised from '../../schemas/mash.referral.decision-authorised.v1.json';
import decisionReturned from '../../schemas/mash.referral.decision-returned.v1.json';
import ragReRated from '../../schemas/mash.referral.rag-re-rated.v1.json';
import informationRequested from '../../schemas/mash.referral.information-requested.v1.json';
import informationRequestDueTimeMoved from '../../schemas/mash.referral.information-request-due-time-moved.v1.json';
import informationRequestReminded from '../../schemas/mash.referral.information-request-reminded.v1.json';
import informationRequestEscalated from '../../schemas/mash.referral.information-request-escalated.v1.json';
import informationProvided from '../../schemas/mash.referral.information-provided.v1.json';
import informationGatheringClosed from '../../schemas/mash.referral.information-gathering-closed.v1.json';
import strategyDiscussionScheduled from '../../schemas/mash.referral.strategy-discussion-scheduled.v1.json';
import strategyDiscussionHeld from '../../schemas/mash.referral.strategy-discussion-held.v1.json';
import outcomeDecided from '../../schemas/mash.referral.outcome-decided.v1.json';
import referrerNotified from '../../schemas/mash.referral.referrer-notified.v1.json';
import closed from '../../schemas/mash.referral.closed.v1.json';
import actionReminded from '../../schemas/mash.referral.action-reminded.v1.json';
import actionEscalated from '../../schemas/mash.referral.action-escalated.v1.json';
import actionCompleted from '../../schemas/mash.referral.action-completed.v1.json';
import actionCancelled from '../../schemas/mash.referral.action-cancelled.v1.json';
import challengeRaised from '../../schemas/mash.referral.challenge-raised.v1.json';
import challengeResolved from '../../schemas/mash.referral.challenge-resolved.v1.json';
import disclosureRecorded from '../../schemas/mash.referral.disclosure-recorded.v1.json';
import { REFERRAL_INTEGRATION_TYPES, type ReferralIntegrationType } from './referral-integration-events';

/** The published JSON Schema of each integration event type (libs/messaging/schemas). */
export const INTEGRATION_EVENT_SCHEMAS: Record<ReferralIntegrationType, object> = {
  [REFERRAL_INTEGRATION_TYPES.received]: received,
  [REFERRAL_INTEGRATION_TYPES.triageAwaited]: triageAwaited,
  [REFERRAL_INTEGRATION_TYPES.triageEscalated]: triageEscalated,
  [REFERRAL_INTEGRATION_TYPES.triageDecided]: triageDecided,
  [REFERRAL_INTEGRATION_TYPES.authorisationRequested]: authorisationRequested,
  [REFERRAL_INTEGRATION_TYPES.authorisationEscalated]: authorisationEscalated,
  [REFERRAL_INTEGRATION_TYPES.decisionAuthorised]: decisionAuthorised,
  [REFERRAL_INTEGRATION_TYPES.decisionReturned]: decisionReturned,
  [REFERRAL_INTEGRATION_TYPES.ragReRated]: ragReRated,
  [REFERRAL_INTEGRATION_TYPES.informationRequested]: informationRequested,
  [REFERRAL_INTEGRATION_TYPES.informationRequestDueTimeMoved]: informationRequestDueTimeMoved,
  [REFERRAL_INTEGRATION_TYPES.informationRequestReminded]: informationRequestReminded,
  [REFERRAL_INTEGRATION_TYPES.informationRequestEscalated]: informationRequestEscalated,
  [REFERRAL_INTEGRATION_TYPES.informationProvided]: informationProvided,
  [REFERRAL_INTEGRATION_TYPES.informationGatheringClosed]: informationGatheringClosed,
  [REFERRAL_INTEGRATION_TYPES.strategyDiscussionScheduled]: strategyDiscussionScheduled,
  [REFERRAL_INTEGRATION_TYPES.strategyDiscussionHeld]: strategyDiscussionHeld,
  [REFERRAL_INTEGRATION_TYPES.outcomeDecided]: outcomeDecided,
  [REFERRAL_INTEGRATION_TYPES.referrerNotified]: referrerNotified,
  [REFERRAL_INTEGRATION_TYPES.closed]: closed,
  [REFERRAL_INTEGRATION_TYPES.actionReminded]: actionReminded,
  [REFERRAL_INTEGRATION_TYPES.actionEscalated]: actionEscalated,
  [REFERRAL_INTEGRATION_TYPES.actionCompleted]: actionCompleted,
  [REFERRAL_INTEGRATION_TYPES.actionCancelled]: actionCancelled,
  [REFERRAL_INTEGRATION_TYPES.challengeRaised]: challengeRaised,
  [REFERRAL_INTEGRATION_TYPES.challengeResolved]: challengeResolved,
  [REFERRAL_INTEGRATION_TYPES.disclosureRecorded]: disclosureRecorded,
};

export interface SchemaCheck {
  valid: boolean;
  /** Paths and reasons only, never the offending values (they may be personal data). */
  problems: string[];
}

/** Checks events against their type's schema, as a subscriber would. */
export class IntegrationEventSchemas {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    for (const [type, schema] of Object.entries(INTEGRATION_EVENT_SCHEMAS)) {
      this.validators.set(type, ajv.compile(schema));
    }
  }

  check(event: unknown): SchemaCheck {
    const type = (event as { type?: unknown } | null)?.type;
    const validate = typeof type === 'string' ? this.validators.get(type) : undefined;
    if (!validate) return { valid: false, problems: [`no schema for type ${String(type)}`] };
    const valid = validate(event);
    return {
      valid,
      problems: (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`),
    };
  }
}
