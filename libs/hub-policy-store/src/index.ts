export * from './hub-policy-published.event';
export * from './stored-hub-policy.types';
export * from './hub-policy-store.errors';
export { HubPolicyStore } from './hub-policy-store';
