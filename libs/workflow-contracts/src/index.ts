// Shared by client code (the workflow starter, the API) and workflow code: keep it free of
// Node built-ins and I/O so it bundles into the workflow sandbox.
export * from './referral-lifecycle.contract';
export * from './referral-lifecycle.messages';
export * from './referral-activities';
