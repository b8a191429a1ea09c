// The people of the test policy (libs/domain/src/testing/referral/lifecycle-fixtures.ts).
export { delegate, manager, practitioner, referrerActor } from '../../../libs/domain/src/testing/referral/lifecycle-fixtures';
