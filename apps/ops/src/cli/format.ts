import type { ParkedEvent } from '@app/messaging';
import type { ResolveResult } from '../parked/resolve-parked';
import type { RebuildResult } from '../rebuild/rebuild-projection';
import type { ReferralAt } from '../referral-at/referral-at';
import type { ReplayReport } from '../replay-check/replay-check';
import type { ComponentStatus, ParkedErrors } from '../status/consumer-status';

/** Columns padded to their widest cell; the header is the first row. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd()).join('\n');
}

/** JSON with bigints as strings (positions and offsets exceed 2^53 in principle). */
export function json(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

export function formatStatus(statuses: readonly ComponentStatus[]): string {
  const rows = [['COMPONENT', 'KIND', 'SOURCE', 'POSITION', 'HEAD', 'LAG', 'PARKED', 'LAST ERROR']];
  for (const s of statuses) {
    if (s.kind === 'projection') {
      rows.push([s.name, 'projection', `kafka ${s.topic}${s.topicExists ? '' : ' (no such topic)'}`, '', '', s.topicExists ? String(s.totalLag) : '', String(s.parked), lastError(s.lastError)]);
      for (const p of s.partitions) rows.push([`  partition ${p.partition}`, '', '', p.nextOffset ?? '(none)', p.highWatermark, String(p.lag), '', '']);
    } else {
      const position = s.checkpoint ? s.checkpoint.globalPosition : '(none)';
      rows.push([s.name, 'event-reader', 'event store', position, s.headPosition, String(s.eventsBehind), String(s.parked), lastError(s.lastError)]);
    }
  }
  return `${table(rows)}\n\nPOSITION: next offset to apply (projection) or last global position handled (reader); LAG: messages or events not yet handled;\nPARKED: events parked now (ops parked list); LAST ERROR: why the latest event was parked, and when.`;
}

const lastError = (error: ParkedErrors['lastError']) => (error ? `${error.code} ${error.at}` : 'none');

export function formatParkedList(events: readonly ParkedEvent[]): string {
  if (events.length === 0) return 'no parked events';
  const rows = [['ID', 'CONSUMER', 'WHERE', 'EVENT TYPE', 'REFERRAL', 'PARKED AT', 'STATUS', 'ERROR']];
  for (const e of events) {
    const where = e.topic !== null ? `${e.topic}[${e.partition}]@${e.offset}` : 'event store';
    const status = e.status === 'parked' ? 'parked' : `${e.status} by ${e.resolvedBy}${e.resolution ? ` (${e.resolution})` : ''}`;
    rows.push([e.id, e.consumer, where, e.eventType ?? '-', e.referralId ?? '-', e.parkedAt.toISOString(), status, oneLine(`${e.errorCode}: ${e.errorMessage}`)]);
  }
  return table(rows);
}

export function formatResolved(result: ResolveResult): string {
  if (result.events.length === 0) return 'nothing parked to retry';
  const rows = [['ID', 'CONSUMER', 'REFERRAL', 'OUTCOME', 'ERROR'], ...result.events.map((e) => [e.id, e.consumer, e.referralId ?? '-', e.outcome, e.failure ? oneLine(`${e.failure.code}: ${e.failure.reason}`) : ''])];
  const held = result.stillHeld > 0 ? `\n${result.stillHeld} event(s) still held behind one that failed again` : '';
  return `${table(rows)}${held}\nrecorded in the audit log (correlation id ${result.auditCorrelationIds.join(', ')})`;
}

export function formatReplayReport({ outcomes, passed }: ReplayReport): string {
  if (outcomes.length === 0) return 'no workflow histories found: nothing replayed';
  const rows = [['WORKFLOW', 'RUN', 'RESULT', 'ERROR'], ...outcomes.map((o) => [o.workflowId, o.runId, o.verdict, oneLine(o.error ?? '')])];
  const bad = outcomes.filter((o) => o.verdict !== 'ok').length;
  return `${table(rows)}\n\n${passed ? `all ${outcomes.length} histories replay on this code` : `${bad} of ${outcomes.length} histories do NOT replay on this code: do not deploy it`}`;
}

export function formatReferralAt(result: ReferralAt): string {
  const asOf = 'at' in result.asOf ? `at ${result.asOf.at}` : `at position ${result.asOf.position}`;
  const last = result.lastEvent ? `${result.lastEvent.type} (version ${result.lastEvent.streamVersion}, ${result.lastEvent.recordedAt}, position ${result.lastEvent.globalPosition})` : 'none';
  const lines = [
    `referral ${result.referralId} (hub ${result.hubId}) ${asOf}`,
    `events applied: ${result.eventsApplied} of ${result.eventsInStream}; last: ${last}`,
    '',
    'state:',
    indent(json(result.state)),
  ];
  if (result.personalData !== undefined) lines.push('', 'personal data:', indent(json(result.personalData)));
  else lines.push('', 'personal data left out (--include-personal-data --purpose <code> to include it)');
  lines.push('', `access recorded in the audit log (correlation id ${result.auditCorrelationId})`);
  return lines.join('\n');
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);
const indent = (text: string) => text.replace(/^/gm, '  ');

export function formatRebuild(result: RebuildResult): string {
  const lines = [
    `${result.projection}: rebuild ${result.generation}${result.resumed ? ' (resumed)' : ''} is live as ${result.liveTable}`,
    `events read: ${result.eventsRead} (this run ${result.eventsThisRun}, ${result.eventsAtSwitch} of them while the projector waited for the switch-over)`,
    `rate: ${result.eventsPerSecond} events/s over ${(result.elapsedMs / 1000).toFixed(1)} s; last event at position ${result.position.globalPosition}`,
    `kafka offsets carried over: ${result.switchOffsets.map((o) => `${o.topic}[${o.partition}]=${o.nextOffset}`).join(', ') || '(none stored)'}`,
    `the previous table is kept as ${result.oldTable} for rollback (docs/operations.md); drop it with: rebuild-projection ${result.projection} --drop-old`,
  ];
  return lines.join('\n');
}

export function formatDroppedTables(projection: string, dropped: readonly string[]): string {
  return dropped.length === 0 ? `${projection}: no old tables kept` : `${projection}: dropped ${dropped.join(', ')}`;
}

