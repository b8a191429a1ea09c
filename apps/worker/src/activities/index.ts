import type { ReferralActivities } from '@app/workflow-contracts';
import { createLogger } from '@app/observability';
import { loggingNotifications, type NotificationPort } from '../notifications/notification-port';
import { lifecyclePolicyFor, NO_HUB_POLICIES, type LifecyclePolicyFor } from '../policy/lifecycle-policy-for';
import { currentPolicy } from './current-policy.activity';
import { appendEvents } from './append-events.activity';
import { loadReferral } from './load-referral.activity';
import { notify } from './notify.activity';
import { recordTriageAwaited } from './record-triage-awaited.activity';
import type { ReferralEventStore } from './referral-event-store';

export type { ReferralEventStore } from './referral-event-store';

export interface ActivityDependencies {
  eventStore: ReferralEventStore;
  /** Defaults to a log line per notice. */
  notifications?: NotificationPort;
  /** The hub's policy in force; the worker gives lifecyclePolicyFor(its HubPolicyStore). Defaults to the national default for every hub. */
  policyFor?: LifecyclePolicyFor;
}

/** The activities the worker registers, over their dependencies (one instance per worker). */
export function createActivities({ eventStore, notifications, policyFor }: ActivityDependencies): ReferralActivities {
  const policyInForce = policyFor ?? lifecyclePolicyFor(NO_HUB_POLICIES);
  return {
    recordTriageAwaited: recordTriageAwaited(eventStore),
    loadReferral: loadReferral(eventStore, policyInForce),
    currentPolicy: currentPolicy(policyInForce),
    appendEvents: appendEvents(eventStore),
    notify: notify(notifications ?? loggingNotifications(createLogger('worker-notifications'))),
  };
}
