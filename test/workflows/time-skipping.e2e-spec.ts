import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createTimeSkippingEnv, installTestRuntime } from '../support/temporal-test-env';
import { respondUpdate } from './fixtures/deadline-race.workflow';
import { bundleDeadlineRace, withDeadlineRaceWorker } from './fixtures/deadline-race-worker';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * A timer runs from the end of the workflow task that set it, not from the workflow time that
 * task saw: a timer set in a task that took a second (the first one builds the sandbox) fires a
 * second after the instant it aimed at. Never earlier, and no later than that.
 */
function expectInstant(actual: number, expected: number): void {
  expect(actual).toBeGreaterThanOrEqual(expected);
  expect(actual - expected).toBeLessThan(5000);
}

// The Java time-skipping test server (tools/stack installs it): a 3-day deadline fires in
// a second or two of real time, at the instant of workflow time it was set for.
describe('time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    installTestRuntime();
    bundle = await bundleDeadlineRace(); // first: bundling and the JVM's start compete for CPU
    env = await createTimeSkippingEnv();
  }, 60000);

  afterAll(async () => {
    await env?.teardown();
  });

  it('is the time-skipping server', () => {
    expect(env.supportsTimeSkipping).toBe(true);
  });

  it('skips server time with env.sleep: three days pass at once', async () => {
    const before = await env.currentTimeMs();
    const realStart = Date.now();

    await env.sleep('3 days');

    expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(3 * DAY);
    expect(Date.now() - realStart).toBeLessThan(5000);
  });

  it('reminds before a 3-day deadline and escalates at it, at the workflow instants set', async () => {
    await withDeadlineRaceWorker(env, bundle, async (start, notices) => {
      const realStart = Date.now();
      const { handle, dueAt } = await start(3 * DAY);

      await env.sleep(3 * DAY + HOUR);
      expect(notices.map(([notice]) => notice)).toEqual(['reminder', 'escalation']);
      expectInstant(notices[0][1], dueAt - 4 * HOUR);
      expectInstant(notices[1][1], dueAt);

      // The late response is still taken through the update, and the result says it was late.
      const respondedAt = await handle.executeUpdate(respondUpdate, { args: [{ agency: 'police' }] });
      expect(Date.parse(respondedAt)).toBeGreaterThanOrEqual(dueAt + HOUR);
      expect(await handle.result()).toEqual({ respondedAt, late: true });
      expect(Date.now() - realStart).toBeLessThan(15000);
    });
  });

  it('takes a response before the deadline: no reminder, no escalation, even as time runs on', async () => {
    await withDeadlineRaceWorker(env, bundle, async (start, notices) => {
      const { handle, startedAt, dueAt } = await start(3 * DAY);

      await env.sleep('1 day');
      const respondedAt = await handle.executeUpdate(respondUpdate, { args: [{ agency: 'health' }] });
      expect(await handle.result()).toEqual({ respondedAt, late: false });
      await env.sleep('5 days');

      expect(Date.parse(respondedAt) - startedAt).toBeGreaterThanOrEqual(DAY);
      expect(Date.parse(respondedAt)).toBeLessThan(dueAt);
      expect(notices).toEqual([]);
    });
  });
});
