import { parseArgs } from 'node:util';
import { ACCESS_PURPOSES, type AccessPurpose, isAccessPurpose } from '@app/audit';
import { OpsUsageError } from '../ops.errors';
import type { ResetTarget } from '../kafka-reset/offset-plan';
import type { Cutoff } from '../referral-at/state-at';
import { REBUILDABLE_PROJECTIONS } from '../rebuild/rebuildable-projections';
import { DEFAULT_REPLAY_WINDOW_MS } from '../replay-check/replay-query';

export const USAGE = `usage: npm run --silent ops -- <command> [options]

  status                      position, lag and last error of every projection and event-log reader
  replay-check                replay referral workflow histories against the current workflow code
      [--since <ISO time>]        closed workflows since then (default: 7 days ago); running ones always
      [--workflow-id <id>]...     only these workflows
      [--task-queue <name>]       only workflows of this task queue
      [--histories <dir>]         replay the JSON history files in <dir> instead of asking Temporal
  referral-at <referralId>    the referral's state rebuilt from its events
      (--at <ISO time> | --position <global position>)
      [--include-personal-data --purpose <purpose>]
      [--operator <user id>]      recorded in the access audit log (default: $USER)
      [--purpose <purpose>]        why (recorded): one of the access purposes in docs/audit-log.md
  rebuild-projection <name>   rebuild a projection (referral-summary) from the event store into a new
                              table, then swap it in for the live one; progress on stderr
      [--resume | --restart]      go on with a rebuild that stopped, or drop it and begin again
      [--page-size <n>]           events per transaction (default 1000)
  rebuild-projection <name> --drop-old
                              drop the tables kept for rollback by earlier rebuilds
  parked list                 events consumers parked (could not handle), oldest first per consumer
      [--consumer <name>]         only this consumer's (referral-summary, kafka-relay)
      [--all]                     resolved ones too
  parked retry <id>           apply a parked event again; then the events of its referral held behind it
  parked retry --all --consumer <name>
                              retry every parked event of the consumer that heads its referral's queue
  parked skip <id> --reason <code>
                              give a parked event up (the reason is a code); held events follow
      [--operator <user id>]      recorded in the access audit log with each retry or skip (default: $USER)
  kafka-reset <group> --topic <topic>
                              move a consumer group's offsets on a topic (a projection's stored
                              offsets too); refused while the group has active members
      (--to-earliest | --to-offset <partition>:<offset>... | --to-time <ISO time>)
      [--partition <n>]           only this partition
      [--dry-run]                 say what would move and how much would be read again; change nothing

  --json      machine-readable output
  exit codes: 0 done; 1 replay-check found a history that does not replay; 2 usage or configuration
              error; 3 not found; 4 the operation failed (a dependency unreachable, audit not written);
              5 busy (another rebuild of that projection is running; a consumer group with members)`;

export type OpsCommand =
  | { command: 'help' }
  | { command: 'status'; json: boolean }
  | { command: 'replay-check'; json: boolean; since: Date; workflowIds: string[]; taskQueue?: string; historiesDir?: string }
  | {
      command: 'referral-at';
      json: boolean;
      referralId: string;
      cutoff: Cutoff;
      operator: string;
      purpose: AccessPurpose | null;
      includePersonalData: boolean;
    }
  | { command: 'rebuild-projection'; json: boolean; projection: string; mode: 'start' | 'resume' | 'restart'; pageSize: number }
  | { command: 'drop-old-projection-tables'; json: boolean; projection: string }
  | { command: 'parked-list'; json: boolean; consumer?: string; all: boolean }
  | { command: 'parked-retry'; json: boolean; operator: string; id: string }
  | { command: 'parked-retry-all'; json: boolean; operator: string; consumer: string }
  | { command: 'parked-skip'; json: boolean; operator: string; id: string; reason: string }
  | { command: 'kafka-reset'; json: boolean; group: string; topic: string; target: ResetTarget; partition?: number; dryRun: boolean };

const OPERATOR = /^[^\s\p{C}]{1,200}$/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The command line as a command; `now` and `env` come in so that this stays pure. */
export function parseCommand(argv: readonly string[], now: Date, env: { USER?: string } = {}): OpsCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { command: 'help' };
    case 'status':
      return { command, json: parsing(() => parseArgs({ args: [...rest], options: { json: { type: 'boolean' } }, strict: true })).values.json === true };
    case 'replay-check':
      return replayCheck(rest, now);
    case 'referral-at':
      return referralAt(rest, env);
    case 'rebuild-projection':
      return rebuildProjection(rest);
    case 'parked':
      return parked(rest, env);
    case 'kafka-reset':
      return kafkaReset(rest);
    default:
      throw new OpsUsageError(`unknown command ${command}`);
  }
}

/** parseArgs, with its refusals of unknown or malformed options as usage errors. */
function parsing<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // parseArgs reports unknown or malformed options as TypeErrors with an ERR_PARSE_ARGS_* code
    // (checked by code: under jest the TypeError comes from another realm).
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) throw new OpsUsageError((error as Error).message);
    throw error;
  }
}

function replayCheck(args: readonly string[], now: Date): OpsCommand {
  const { values } = parsing(() =>
    parseArgs({
      args: [...args],
      strict: true,
      options: {
        since: { type: 'string' },
        'workflow-id': { type: 'string', multiple: true },
        'task-queue': { type: 'string' },
        histories: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  const workflowIds = values['workflow-id'] ?? [];
  const historiesDir = values.histories;
  if (historiesDir !== undefined && (workflowIds.length > 0 || values.since !== undefined || values['task-queue'] !== undefined)) {
    throw new OpsUsageError('--histories replays files: --since, --workflow-id and --task-queue select from Temporal and do not apply');
  }
  return {
    command: 'replay-check',
    json: values.json === true,
    since: values.since === undefined ? new Date(now.getTime() - DEFAULT_REPLAY_WINDOW_MS) : instant(values.since, '--since'),
    workflowIds,
    taskQueue: values['task-queue'],
    historiesDir,
  };
}

function referralAt(args: readonly string[], env: { USER?: string }): OpsCommand {
  const { values, positionals } = parsing(() =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        at: { type: 'string' },
        position: { type: 'string' },
        'include-personal-data': { type: 'boolean' },
        purpose: { type: 'string' },
        operator: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  if (positionals.length !== 1 || !UUID.test(positionals[0])) throw new OpsUsageError('referral-at needs one referral id (a uuid)');
  const { at, position: atPosition } = values;
  if ((at === undefined) === (atPosition === undefined)) throw new OpsUsageError('referral-at needs exactly one of --at <ISO time> or --position <global position>');
  const cutoff: Cutoff = at !== undefined ? { at: instant(at, '--at') } : { position: position(atPosition as string) };
  const purpose = values.purpose ?? null;
  // The same list the API's Access-Purpose header takes: the audit log stores codes, never free text.
  if (purpose !== null && !isAccessPurpose(purpose)) throw new OpsUsageError(`--purpose must be one of ${ACCESS_PURPOSES.join(', ')}`);
  const includePersonalData = values['include-personal-data'] === true;
  if (includePersonalData && purpose === null) throw new OpsUsageError('--include-personal-data needs --purpose <purpose>: the access audit log records why personal data was read');
  const operator = values.operator ?? env.USER;
  if (operator === undefined || !OPERATOR.test(operator)) throw new OpsUsageError('--operator <user id> is needed (no $USER to default to), without spaces');
  return { command: 'referral-at', json: values.json === true, referralId: positionals[0].toLowerCase(), cutoff, operator, purpose, includePersonalData };
}

function rebuildProjection(args: readonly string[]): OpsCommand {
  const { values, positionals } = parsing(() =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        resume: { type: 'boolean' },
        restart: { type: 'boolean' },
        'drop-old': { type: 'boolean' },
        'page-size': { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  const known = Object.keys(REBUILDABLE_PROJECTIONS);
  if (positionals.length !== 1 || !known.includes(positionals[0])) throw new OpsUsageError(`rebuild-projection needs one projection: ${known.join(', ')}`);
  const [projection] = positionals;
  const json = values.json === true;
  if (values['drop-old']) {
    if (values.resume || values.restart || values['page-size'] !== undefined) throw new OpsUsageError('--drop-old only drops old tables: it takes no other option but --json');
    return { command: 'drop-old-projection-tables', json, projection };
  }
  if (values.resume && values.restart) throw new OpsUsageError('--resume or --restart, not both');
  const pageSize = values['page-size'] ?? '1000';
  if (!/^\d{1,6}$/.test(pageSize) || Number(pageSize) < 1) throw new OpsUsageError(`--page-size must be a whole number from 1 to 999999 (got ${pageSize})`);
  return { command: 'rebuild-projection', json, projection, mode: values.resume ? 'resume' : values.restart ? 'restart' : 'start', pageSize: Number(pageSize) };
}

const CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;
const NAME = /^[A-Za-z0-9._-]{1,249}$/;

function operatorOf(value: string | undefined, env: { USER?: string }): string {
  const operator = value ?? env.USER;
  if (operator === undefined || !OPERATOR.test(operator)) throw new OpsUsageError('--operator <user id> is needed (no $USER to default to), without spaces');
  return operator;
}

function parked(args: readonly string[], env: { USER?: string }): OpsCommand {
  const [action, ...rest] = args;
  const { values, positionals } = parsing(() =>
    parseArgs({
      args: [...rest],
      strict: true,
      allowPositionals: true,
      options: {
        consumer: { type: 'string' },
        all: { type: 'boolean' },
        reason: { type: 'string' },
        operator: { type: 'string' },
        json: { type: 'boolean' },
      },
    }),
  );
  const json = values.json === true;
  if (values.consumer !== undefined && !NAME.test(values.consumer)) throw new OpsUsageError(`--consumer must be a consumer name (got ${values.consumer})`);
  const id = () => {
    if (positionals.length !== 1 || !/^\d{1,18}$/.test(positionals[0])) throw new OpsUsageError(`parked ${action} needs one parked event id (a number, from parked list)`);
    return positionals[0];
  };
  switch (action) {
    case 'list':
      if (positionals.length > 0 || values.reason !== undefined || values.operator !== undefined) throw new OpsUsageError('parked list takes only --consumer, --all and --json');
      return { command: 'parked-list', json, consumer: values.consumer, all: values.all === true };
    case 'retry': {
      if (values.reason !== undefined) throw new OpsUsageError('--reason is for parked skip');
      const operator = operatorOf(values.operator, env);
      if (values.all) {
        if (positionals.length > 0 || values.consumer === undefined) throw new OpsUsageError('parked retry --all needs --consumer <name> and no id');
        return { command: 'parked-retry-all', json, operator, consumer: values.consumer };
      }
      return { command: 'parked-retry', json, operator, id: id() };
    }
    case 'skip': {
      if (values.all || values.consumer !== undefined) throw new OpsUsageError('parked skip takes one id: skipping is decided event by event');
      if (values.reason === undefined || !CODE.test(values.reason)) throw new OpsUsageError('parked skip needs --reason <code> (lower case, digits and hyphens, e.g. duplicate-of-corrected-event)');
      return { command: 'parked-skip', json, operator: operatorOf(values.operator, env), id: id(), reason: values.reason };
    }
    default:
      throw new OpsUsageError('parked needs list, retry or skip');
  }
}

function kafkaReset(args: readonly string[]): OpsCommand {
  const { values, positionals } = parsing(() =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        topic: { type: 'string' },
        'to-earliest': { type: 'boolean' },
        'to-offset': { type: 'string', multiple: true },
        'to-time': { type: 'string' },
        partition: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    }),
  );
  if (positionals.length !== 1 || !NAME.test(positionals[0])) throw new OpsUsageError('kafka-reset needs one consumer group, e.g. referral-summary-projector');
  if (values.topic === undefined || !NAME.test(values.topic)) throw new OpsUsageError('kafka-reset needs --topic <topic>');
  const offsets = values['to-offset'] ?? [];
  const chosen = [values['to-earliest'] === true, offsets.length > 0, values['to-time'] !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new OpsUsageError('kafka-reset needs exactly one of --to-earliest, --to-offset <partition>:<offset>, --to-time <ISO time>');
  let target: ResetTarget;
  if (values['to-earliest']) target = { kind: 'earliest' };
  else if (values['to-time'] !== undefined) target = { kind: 'time', at: instant(values['to-time'], '--to-time') };
  else {
    const map = new Map<number, string>();
    for (const pair of offsets) {
      const match = /^(\d{1,9}):(\d{1,19})$/.exec(pair);
      if (!match) throw new OpsUsageError(`--to-offset takes <partition>:<offset>, e.g. 0:42 (got ${pair})`);
      if (map.has(Number(match[1]))) throw new OpsUsageError(`--to-offset names partition ${match[1]} twice`);
      map.set(Number(match[1]), match[2]);
    }
    target = { kind: 'offsets', offsets: map };
  }
  const partition = values.partition;
  if (partition !== undefined && !/^\d{1,9}$/.test(partition)) throw new OpsUsageError(`--partition must be a partition number (got ${partition})`);
  return {
    command: 'kafka-reset',
    json: values.json === true,
    group: positionals[0],
    topic: values.topic,
    target,
    ...(partition !== undefined ? { partition: Number(partition) } : {}),
    dryRun: values['dry-run'] === true,
  };
}

/** An ISO 8601 instant with a date and a time zone, so that no one reads it in their local zone. */
function instant(value: string, option: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(date.getTime())) {
    throw new OpsUsageError(`${option} must be an ISO time with a zone, e.g. 2026-11-18T09:30:00Z (got ${value})`);
  }
  return date;
}

function position(value: string): bigint {
  if (!/^\d{1,19}$/.test(value)) throw new OpsUsageError(`--position must be a global position, a whole number (got ${value})`);
  return BigInt(value);
}
