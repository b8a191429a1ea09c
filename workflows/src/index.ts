// Every workflow the worker runs; the worker bundles this file. Workflow code only: no Node
// built-ins, no wall clock, no randomness, no I/O (activities do that).
export { referralLifecycle } from './referral-lifecycle.workflow';
