export * from './event.types';
export * from './event-store.errors';
export * from './postgres-event-store';
export * from './checkpoints';
export * from './event-log-follower';
export * from './upcasting';
