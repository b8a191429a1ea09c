import type { PostgresEventStore } from '@app/event-store';

/** What the activities need of the event store; tests of the workflow give an in-memory one. */
export type ReferralEventStore = Pick<PostgresEventStore, 'readStream' | 'append'>;
