import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { ConfigError, loadConfig, type PlatformConfig } from '@app/config';
import { createPool } from '@app/database';
import { createKafka, platformTopics } from '@app/messaging';
import { parseCommand, USAGE, type OpsCommand } from '../apps/ops/src/cli/arguments';
import {
  formatDroppedTables,
  formatParkedList,
  formatRebuild,
  formatReferralAt,
  formatReplayReport,
  formatResolved,
  formatStatus,
  json,
} from '../apps/ops/src/cli/format';
import { formatResetReport } from '../apps/ops/src/kafka-reset/offset-plan';
import { kafkaReset } from '../apps/ops/src/kafka-reset/kafka-reset';
import { OpsBusyError, OpsNotFoundError, OpsUsageError } from '../apps/ops/src/ops.errors';
import { platformParkedConsumers } from '../apps/ops/src/parked/platform-consumers';
import { listParked, resolveParked, retryAllParked, type ResolveResult } from '../apps/ops/src/parked/resolve-parked';
import { formatProgress, ProgressLine } from '../apps/ops/src/rebuild/progress';
import { dropOldTables, rebuildProjection } from '../apps/ops/src/rebuild/rebuild-projection';
import { referralAt } from '../apps/ops/src/referral-at/referral-at';
import { historyFiles, replayCheck, temporalHistories } from '../apps/ops/src/replay-check/replay-check';
import { readStatus } from '../apps/ops/src/status/read-status';
import { bundleReferralWorkflows } from '../apps/worker/src/workflow-bundle';

/** Exit codes, as USAGE and docs/operations.md list them. */
const EXIT = { done: 0, checkFailed: 1, usage: 2, notFound: 3, failed: 4, busy: 5 } as const;

// Logs (Kafka, Temporal, the bundler) go to stderr: stdout carries only the table or the JSON.
const logger = pino({ name: 'ops', level: process.env.OPS_LOG_LEVEL ?? 'warn' }, pino.destination(2));

/**
 * The operations command line: parses, connects what the command needs, calls the operation in
 * apps/ops and prints its result. The operations themselves know nothing of the command line.
 */
async function main(): Promise<number> {
  const command = parseCommand(process.argv.slice(2), new Date(), process.env);
  switch (command.command) {
    case 'help':
      console.log(USAGE);
      return EXIT.done;
    case 'status':
      return status(command, loadConfig());
    case 'replay-check':
      return replay(command);
    case 'referral-at':
      return referralAtCommand(command, loadConfig());
    case 'rebuild-projection':
      return rebuild(command, loadConfig());
    case 'drop-old-projection-tables':
      return dropOld(command, loadConfig());
    case 'parked-list':
    case 'parked-retry':
    case 'parked-retry-all':
    case 'parked-skip':
      return parked(command, loadConfig());
    case 'kafka-reset':
      return reset(command, loadConfig());
  }
}

type ParkedCommand = Extract<OpsCommand, { command: 'parked-list' | 'parked-retry' | 'parked-retry-all' | 'parked-skip' }>;

async function parked(command: ParkedCommand, config: PlatformConfig): Promise<number> {
  const pool = createPool(config.DATABASE_URL, 2);
  const { consumerFor, close } = platformParkedConsumers(pool, config, logger, 'mash-ops');
  try {
    if (command.command === 'parked-list') {
      const events = await listParked(pool, { consumer: command.consumer, all: command.all });
      // Payloads stay in the table: the list is for people and logs, and payloads hold personal data.
      console.log(command.json ? json(events.map(({ payload, ...event }) => ({ ...event, payloadBytes: payload?.length ?? 0 }))) : formatParkedList(events));
      return EXIT.done;
    }
    let result: ResolveResult;
    if (command.command === 'parked-retry-all') result = await retryAllParked({ pool, consumerFor }, command.consumer, command.operator);
    else if (command.command === 'parked-retry') result = await resolveParked({ pool, consumerFor }, command.id, { kind: 'retry' }, command.operator);
    else result = await resolveParked({ pool, consumerFor }, command.id, { kind: 'skip', reason: command.reason }, command.operator);
    console.log(command.json ? json(result) : formatResolved(result));
    return result.events.some((e) => e.outcome === 'failed-again') ? EXIT.failed : EXIT.done;
  } finally {
    await close();
    await pool.end();
  }
}

async function reset(command: Extract<OpsCommand, { command: 'kafka-reset' }>, config: PlatformConfig): Promise<number> {
  const pool = createPool(config.DATABASE_URL, 2);
  const admin = createKafka(config, logger, 'mash-ops').admin();
  try {
    await admin.connect();
    const report = await kafkaReset({ pool, kafkaAdmin: admin }, command);
    let text = formatResetReport(report);
    if (report.activeMembers > 0) text += `\nthe group has ${report.activeMembers} active member(s) now: stop them before running it without --dry-run`;
    console.log(command.json ? json(report) : text);
    return EXIT.done;
  } finally {
    await admin.disconnect();
    await pool.end();
  }
}

async function status(command: Extract<OpsCommand, { command: 'status' }>, config: PlatformConfig): Promise<number> {
  const pool = createPool(config.DATABASE_URL, 2);
  const admin = createKafka(config, logger, 'mash-ops').admin();
  try {
    await admin.connect();
    const statuses = await readStatus({ pool, kafkaAdmin: admin, referralTopic: platformTopics(config).referralEvents });
    console.log(command.json ? json(statuses) : formatStatus(statuses));
    return EXIT.done;
  } finally {
    await admin.disconnect();
    await pool.end();
  }
}

async function replay(command: Extract<OpsCommand, { command: 'replay-check' }>): Promise<number> {
  const print = new DefaultLogger('WARN', ({ level, message }) => process.stderr.write(`${level} ${message}\n`));
  Runtime.install({ logger: print, telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } } });
  const bundle = await bundleReferralWorkflows(logger);
  let report;
  if (command.historiesDir !== undefined) {
    report = await replayCheck(bundle, await historyFiles(command.historiesDir));
  } else {
    const config = loadConfig();
    const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    try {
      const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
      report = await replayCheck(bundle, temporalHistories(client, { since: command.since, taskQueue: command.taskQueue }, command.workflowIds));
    } finally {
      await connection.close();
    }
  }
  console.log(command.json ? json(report) : formatReplayReport(report));
  return report.passed ? EXIT.done : EXIT.checkFailed;
}

async function referralAtCommand(command: Extract<OpsCommand, { command: 'referral-at' }>, config: PlatformConfig): Promise<number> {
  const pool = createPool(config.DATABASE_URL, 2);
  try {
    const result = await referralAt(pool, command);
    console.log(command.json ? json(result) : formatReferralAt(result));
    return EXIT.done;
  } finally {
    await pool.end();
  }
}

async function rebuild(command: Extract<OpsCommand, { command: 'rebuild-projection' }>, config: PlatformConfig): Promise<number> {
  // The rebuild's lock session, a page's transaction and the read of the next page at once.
  const pool = createPool(config.DATABASE_URL, 4);
  const line = new ProgressLine(process.stderr);
  try {
    const result = await rebuildProjection(pool, {
      projection: command.projection,
      mode: command.mode,
      pageSize: command.pageSize,
      onProgress: (progress) => {
        const text = `${progress.projection} rebuild ${progress.generation} ${progress.phase === 'building' ? '' : `(${progress.phase}) `}${formatProgress(progress)}`;
        if (progress.phase === 'switched') line.finish(text);
        else line.update(text);
      },
    });
    console.log(command.json ? json(result) : formatRebuild(result));
    return EXIT.done;
  } finally {
    line.interrupt();
    await pool.end();
  }
}

async function dropOld(command: Extract<OpsCommand, { command: 'drop-old-projection-tables' }>, config: PlatformConfig): Promise<number> {
  const pool = createPool(config.DATABASE_URL, 2);
  try {
    const dropped = await dropOldTables(pool, command.projection);
    console.log(command.json ? json({ projection: command.projection, dropped }) : formatDroppedTables(command.projection, dropped));
    return EXIT.done;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof OpsUsageError || error instanceof ConfigError) {
      console.error(`${message}\n\n${USAGE}`);
      process.exitCode = EXIT.usage;
    } else if (error instanceof OpsNotFoundError) {
      console.error(message);
      process.exitCode = EXIT.notFound;
    } else if (error instanceof OpsBusyError) {
      console.error(message);
      process.exitCode = EXIT.busy;
    } else {
      console.error(`ops failed: ${error instanceof Error ? `${error.name}: ${message}` : message}`);
      process.exitCode = EXIT.failed;
    }
  },
);
