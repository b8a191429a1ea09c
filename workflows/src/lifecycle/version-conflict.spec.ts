import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { isVersionConflict } from './version-conflict';

const activityFailed = (cause: Error) =>
  new ActivityFailure('activity failed', 'appendEvents', '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', cause);
const conflict = () => ApplicationFailure.nonRetryable('stream at 4, expected 3', 'EVENT_STORE.VERSION_CONFLICT');

describe('a version conflict on append', () => {
  it('is the append activity failing with the event store conflict', () => {
    expect(isVersionConflict(activityFailed(conflict()))).toBe(true);
  });

  it('is not any other activity failure: a reused event id is a bug, not a race', () => {
    expect(isVersionConflict(activityFailed(ApplicationFailure.nonRetryable('id reused', 'EVENT_STORE.EVENT_ID_REUSED')))).toBe(false);
    expect(isVersionConflict(activityFailed(new Error('connection refused')))).toBe(false);
  });

  it('is not the conflict failure unless an activity failed with it', () => {
    expect(isVersionConflict(conflict())).toBe(false);
  });
});
