import { parseArgs } from 'node:util';
import { ACCESS_PURPOSES, type AccessPurpose, isAccessPurpose } from '@app/audit';
import { OpsUsageError } from '../ops.errors';
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

  --json      machine-readable output
  exit codes: 0 done; 1 replay-check found a history that does not replay; 2 usage or configuration
              error; 3 not found; 4 the operation failed (a dependency unreachable, audit not written);
              5 busy (another rebuild of that projection is running)`;

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
  | { command: 'drop-old-projection-tables'; json: boolean; projection: string };

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
