import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { temporalCliPath, temporalTestServerPath } from './temporal-cli';

/**
 * Temporal's Java test server, started for the calling test file on a free port: timers fire as
 * soon as no workflow or activity has work in hand (time skipping), so deadlines of days take
 * milliseconds. Updates with validators work on it. Tear it down in afterAll.
 */
export function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
  });
}

/**
 * A Temporal CLI dev server of the calling test file's own (in-memory SQLite), in real time:
 * for what only the real server does (visibility queries, worker versioning). Tear it down in
 * afterAll.
 */
export function createLocalEnv(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalCliPath() } },
  });
}

// The test server advertises none of the newer server capabilities; core warns once per worker.
const TEST_SERVER_NOISE = /did not advertise the activity_failure_include_heartbeat capability/;

/** SDK and core logs from `level` up, less the known warning above. Once per file, before any env. */
export function installTestRuntime(level: 'WARN' | 'ERROR' = 'WARN'): void {
  const print = new DefaultLogger(level);
  const logger = new DefaultLogger(level, ({ level, message, meta }) => {
    if (!TEST_SERVER_NOISE.test(message)) print.log(level, message, meta);
  });
  // forward: core's (Rust) log goes through `logger` instead of straight to stderr.
  Runtime.install({ logger, telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: level }), forward: {} } } });
}
