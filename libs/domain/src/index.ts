export * from './shared/rejection';
export * from './referral';
export * from './calendar';
export * from './policy';
