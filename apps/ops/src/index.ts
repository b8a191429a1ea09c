export * from './ops.errors';
export * from './status/consumer-status';
export * from './status/read-status';
export * from './replay-check/replay-query';
export * from './replay-check/replay-check';
export * from './referral-at/state-at';
export * from './referral-at/referral-at';
