export * from './shared/rejection';
export * from './referral';
