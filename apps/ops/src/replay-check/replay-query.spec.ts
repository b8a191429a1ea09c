import { referralWorkflowsQuery } from './replay-query';

describe('the visibility query of the replay check', () => {
  const since = new Date('2026-11-18T09:30:00.000Z');

  it('selects referral workflows still running, and those closed since the window began', () => {
    expect(referralWorkflowsQuery({ since })).toBe(
      "WorkflowType = 'referralLifecycle' AND (ExecutionStatus = 'Running' OR CloseTime >= '2026-11-18T09:30:00.000Z')",
    );
  });

  it('narrows to a task queue, quoting it', () => {
    expect(referralWorkflowsQuery({ since, taskQueue: "q'1" })).toMatch(/ AND TaskQueue = 'q\\'1'$/);
  });
});
