import type { LifecyclePolicy } from '@app/domain';
import type { ReferralActivities } from '@app/workflow-contracts';
import { createLogger } from '@app/observability';
import { loggingNotifications, type NotificationPort } from '../notifications/notification-port';
import { lifecyclePolicyFor } from '../policy/lifecycle-policy-for';
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
  /** Defaults to lifecyclePolicyFor (the national default for every hub, until issue 5). */
  policyFor?: (hubId: string) => LifecyclePolicy;
}

/** The activities the worker registers, over their dependencies (one instance per worker). */
export function createActivities({ eventStore, notifications, policyFor }: ActivityDependencies): ReferralActivities {
  return {
    recordTriageAwaited: recordTriageAwaited(eventStore),
    loadReferral: loadReferral(eventStore, policyFor ?? ((hubId) => lifecyclePolicyFor(hubId))),
    appendEvents: appendEvents(eventStore),
    notify: notify(notifications ?? loggingNotifications(createLogger('worker-notifications'))),
  };
}
