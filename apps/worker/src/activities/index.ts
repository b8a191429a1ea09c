import type { PostgresEventStore } from '@app/event-store';
import type { ReferralActivities } from '@app/workflow-contracts';
import { recordTriageAwaited } from './record-triage-awaited.activity';

export interface ActivityDependencies {
  eventStore: PostgresEventStore;
}

/** The activities the worker registers, over their dependencies (one instance per worker). */
export function createActivities({ eventStore }: ActivityDependencies): ReferralActivities {
  return {
    recordTriageAwaited: recordTriageAwaited(eventStore),
  };
}
