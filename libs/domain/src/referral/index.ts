export * from './referral-dataset';
export * from './referral.events';
export * from './referral.commands';
export * from './referral.state';
export * from './referral.decider';
export * from './subject-age';
