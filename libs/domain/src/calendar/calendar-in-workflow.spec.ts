import { readdirSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { DefaultLogger, Runtime, Worker, bundleWorkflowCode, makeTelemetryFilterString, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

// Deadlines are computed inside workflow code, so the calendar (and luxon under it) must bundle
// for Temporal's sandbox (no Node built-ins) and give the same answers there. The probe workflow
// imports '@app/domain' as workflows/ will; the aliases are made the way the worker makes them
// (apps/worker/src/workflow-bundle.ts), because webpack does not read tsconfig paths.
const LIBS = path.resolve(__dirname, '../../..');
const PROBE = path.resolve(__dirname, '../testing/calendar/calendar-probe.workflow.ts');

function aliases(): Record<string, string> {
  const libraries = readdirSync(LIBS, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return Object.fromEntries(libraries.map((entry) => [`@app/${entry.name}`, path.join(LIBS, entry.name, 'src')]));
}

/**
 * The history of a probe started at `time` that completed in its first task: replay runs the
 * probe in the sandbox against it, and a probe that throws fails the replay. Built as
 * protobuf objects (numbers, not the JSON form's strings; runReplayHistory takes it untyped): historyFromJSON fails in this install
 * ("type must be a Type", two protobufjs copies under @temporalio/common and @temporalio/proto).
 */
function historyStartedAt(time: string): unknown {
  const { EventType } = temporal.api.enums.v1;
  const eventTime = { seconds: Date.parse(time) / 1000, nanos: 0 };
  const taskQueue = { name: 'calendar-probe' };
  const tenSeconds = { seconds: 10 };
  return {
    events: [
      {
        eventId: 1,
        eventTime,
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
        workflowExecutionStartedEventAttributes: {
          workflowType: { name: 'workingTimeProbe' },
          taskQueue,
          workflowTaskTimeout: tenSeconds,
          originalExecutionRunId: 'calendar-probe-run',
          firstExecutionRunId: 'calendar-probe-run',
          attempt: 1,
        },
      },
      { eventId: 2, eventTime, eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, workflowTaskScheduledEventAttributes: { taskQueue, startToCloseTimeout: tenSeconds, attempt: 1 } },
      { eventId: 3, eventTime, eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, workflowTaskStartedEventAttributes: { scheduledEventId: 2, identity: 'calendar-test', requestId: 'calendar-probe' } },
      { eventId: 4, eventTime, eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED, workflowTaskCompletedEventAttributes: { scheduledEventId: 2, startedEventId: 3, identity: 'calendar-test' } },
      { eventId: 5, eventTime, eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, workflowExecutionCompletedEventAttributes: { workflowTaskCompletedEventId: 4 } },
    ],
  };
}

describe('the working-time calendar in Temporal workflow code', () => {
  let bundle: WorkflowBundleWithSourceMap;
  const silent = { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

  beforeAll(async () => {
    // The failing replay below makes core warn about the workflow task it fails: expected here.
    Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } } });
    bundle = await bundleWorkflowCode({
      workflowsPath: PROBE,
      webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases() } } }),
      logger: silent,
    });
  }, 120000);

  it('bundles through @app/domain, with luxon and no Node built-in', () => {
    expect(bundle.code).toContain('libs/domain/src/calendar/working-time.ts');
    expect(bundle.code).toMatch(/node_modules\/luxon\//);
  });

  it('runs in the sandbox and gives the same due times as outside it (replayed in-process, no server)', async () => {
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, replayName: 'calendar-probe' }, historyStartedAt('2025-01-10T18:00:00Z'), 'calendar-probe'),
    ).resolves.toBeUndefined();
  }, 60000);

  it('fails the replay when the sandbox answer differs, so the test above can fail', async () => {
    // Received Monday 10:00 instead: the probe's expected due times no longer hold.
    await expect(
      Worker.runReplayHistory({ workflowBundle: bundle, replayName: 'calendar-probe' }, historyStartedAt('2025-01-13T10:00:00Z'), 'calendar-probe'),
    ).rejects.toThrow(/calendar in the workflow sandbox/);
  }, 60000);
});
