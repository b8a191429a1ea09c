/** Where a long operation stands: counts of this run and of the whole operation. */
export interface ProgressSnapshot {
  /** Events done in total, including those done by an earlier run that this one resumed. */
  done: number;
  /** Events to the head of the log as counted at the start (grows if `done` passes it). */
  total: number;
  /** Events done by this run, over `elapsedMs`: the rate. */
  doneThisRun: number;
  elapsedMs: number;
}

const count = (n: number) => Math.round(n).toLocaleString('en-GB');

/** 45s, 3m05s, 2h07m. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export function progressBar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

export function eventsPerSecond({ doneThisRun, elapsedMs }: Pick<ProgressSnapshot, 'doneThisRun' | 'elapsedMs'>): number {
  return elapsedMs <= 0 ? 0 : (doneThisRun * 1000) / elapsedMs;
}

/** `[#####....] 1,200 / 4,800 events (25.0%)  850 events/s  ETA 4s`; no ETA before any rate. */
export function formatProgress(snapshot: ProgressSnapshot): string {
  const total = Math.max(snapshot.total, snapshot.done);
  const fraction = total === 0 ? 1 : snapshot.done / total;
  const rate = eventsPerSecond(snapshot);
  const eta = rate > 0 ? formatDuration(((total - snapshot.done) / rate) * 1000) : '?';
  return `${progressBar(fraction)} ${count(snapshot.done)} / ${count(total)} events (${(fraction * 100).toFixed(1)}%)  ${count(rate)} events/s  ETA ${eta}`;
}

/**
 * One progress line on a stream: on a terminal redrawn in place (at most every `tty` ms), in a
 * log a new line every `log` ms, so that a captured run is not one enormous line.
 */
export class ProgressLine {
  private last = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: { write(text: string): unknown; isTTY?: boolean },
    private readonly now: () => number = Date.now,
    private readonly everyMs = { tty: 200, log: 5000 },
  ) {}

  update(text: string): void {
    const at = this.now();
    const tty = this.stream.isTTY === true;
    if (at - this.last < (tty ? this.everyMs.tty : this.everyMs.log)) return;
    this.last = at;
    this.stream.write(tty ? `\r${text}\x1b[K` : `${text}\n`);
    this.drawn = tty;
  }

  /** The last state, always written, ending the line. */
  finish(text: string): void {
    this.stream.write(this.stream.isTTY === true ? `\r${text}\x1b[K\n` : `${text}\n`);
    this.drawn = false;
  }

  /** Ends a line left open on a terminal, before anything else is printed. */
  interrupt(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
