/**
 * Where a consumer group's offsets would move, and what that means, before anything moves.
 * Pure: kafka-reset.ts gathers the offsets and applies the plan.
 */

/** Where to move: the earliest retained message, explicit offsets per partition, or the first message at or after a time. */
export type ResetTarget =
  | { kind: 'earliest' }
  | { kind: 'offsets'; offsets: ReadonlyMap<number, string> }
  | { kind: 'time'; at: Date };

export interface PartitionFacts {
  partition: number;
  /** Earliest retained offset and the high-water mark. */
  low: string;
  high: string;
  /** The group's committed offset; null when it committed none. */
  committed: string | null;
  /** A projection's stored next offset (projection_checkpoints); null when none, undefined for a group that is no projection. */
  checkpoint?: string | null;
  /** For a time target: the first offset at or after the time (the high-water mark when none is). */
  atTime?: string;
}

export interface PartitionMove {
  partition: number;
  committed: string | null;
  checkpoint?: string | null;
  target: string;
  /** Messages the consumer would read again (from the target up to where it stands). */
  reread: number;
  /** Messages it would pass over without reading (a target ahead of where it stands). */
  skipped: number;
}

/**
 * One move per partition in scope, in partition order. Where the consumer stands: a projection's
 * stored offset (the truth it seeks to), else the group's committed offset, else the earliest
 * retained message (where a group with no offset starts). A target outside the retained range is
 * refused: Kafka would silently move it to an end.
 */
export function planReset(facts: readonly PartitionFacts[], target: ResetTarget, onlyPartition?: number): PartitionMove[] {
  const known = new Set(facts.map((f) => f.partition));
  const wanted = target.kind === 'offsets' ? [...target.offsets.keys()] : onlyPartition !== undefined ? [onlyPartition] : [...known];
  const missing = wanted.filter((p) => !known.has(p));
  if (missing.length > 0) throw new RangeError(`no partition ${missing.join(', ')} on the topic (it has ${[...known].sort((a, b) => a - b).join(', ')})`);
  if (target.kind === 'offsets' && onlyPartition !== undefined && (wanted.length !== 1 || wanted[0] !== onlyPartition)) {
    throw new RangeError('--partition and --to-offset name different partitions');
  }
  return facts
    .filter((f) => wanted.includes(f.partition))
    .sort((a, b) => a.partition - b.partition)
    .map((f) => {
      const to = target.kind === 'earliest' ? f.low : target.kind === 'time' ? (f.atTime ?? f.high) : target.offsets.get(f.partition)!;
      if (BigInt(to) < BigInt(f.low) || BigInt(to) > BigInt(f.high)) {
        throw new RangeError(`offset ${to} is outside partition ${f.partition}'s retained messages ${f.low}..${f.high}`);
      }
      const standsAt = BigInt(f.checkpoint ?? f.committed ?? f.low);
      const from = standsAt > BigInt(f.high) ? BigInt(f.high) : standsAt;
      const delta = from - BigInt(to);
      return {
        partition: f.partition,
        committed: f.committed,
        ...(f.checkpoint !== undefined ? { checkpoint: f.checkpoint } : {}),
        target: to,
        reread: delta > 0n ? Number(delta) : 0,
        skipped: delta < 0n ? Number(-delta) : 0,
      };
    });
}

export interface ResetReport {
  group: string;
  topic: string;
  /** The projection whose stored offsets move with the group's, if the group is a projection's. */
  projection: string | null;
  dryRun: boolean;
  moves: PartitionMove[];
}

export function formatResetReport(report: ResetReport): string {
  const header = ['PARTITION', 'COMMITTED', ...(report.projection ? ['CHECKPOINT'] : []), 'NEW', 'RE-READ', 'SKIPPED'];
  const rows = report.moves.map((m) => [
    String(m.partition),
    m.committed ?? '(none)',
    ...(report.projection ? [m.checkpoint ?? '(none)'] : []),
    m.target,
    String(m.reread),
    String(m.skipped),
  ]);
  const widths = header.map((_, c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  const reread = report.moves.reduce((sum, m) => sum + m.reread, 0);
  const skipped = report.moves.reduce((sum, m) => sum + m.skipped, 0);
  const scope = `consumer group ${report.group}, topic ${report.topic}${report.projection ? ` (projection ${report.projection}: its stored offsets move too)` : ''}`;
  const verdict = report.dryRun
    ? `dry run: nothing changed; ${reread} messages would be read again, ${skipped} passed over`
    : `offsets moved: ${reread} messages will be read again, ${skipped} passed over, once the consumers join the group`;
  return [scope, line(header), ...rows.map(line), '', verdict].join('\n');
}
