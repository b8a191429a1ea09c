import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createLocalEnv, createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { respondUpdate } from './fixtures/deadline-race.workflow';
import { bundleDeadlineRace, withDeadlineRaceWorker } from './fixtures/deadline-race-worker';

// The lifecycle takes every command as an update with a validator. The same checks on both
// servers the tests use show the time-skipping one handles updates as the real one does.
describe.each([
  ['time-skipping test server', createTimeSkippingEnv],
  ['CLI dev server', createLocalEnv],
])('updates with validators on the %s', (_, createEnv) => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installTestRuntime();
    bundle = await bundleDeadlineRace();
    env = await createEnv();
  }, 60000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('rejects an update its validator refuses, records nothing, and takes a valid one after', async () => {
    await withDeadlineRaceWorker(env, bundle, async (start) => {
      const { handle } = await start(3 * 24 * 3600_000);

      const rejected = handle.executeUpdate(respondUpdate, { args: [{ agency: '' }] });
      await expect(rejected).rejects.toThrow(WorkflowUpdateFailedError);
      await expect(rejected).rejects.toMatchObject({ cause: { message: 'agency is required' } });

      const respondedAt = await handle.executeUpdate(respondUpdate, { args: [{ agency: 'education' }] });
      expect(await handle.result()).toEqual({ respondedAt, late: false });

      // A validator runs before the update is accepted: only the valid one is in the history.
      const events = (await handle.fetchHistory()).events ?? [];
      expect(events.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(1);
      expect(events.filter((event) => event.workflowExecutionUpdateCompletedEventAttributes)).toHaveLength(1);
    });
  });
});
