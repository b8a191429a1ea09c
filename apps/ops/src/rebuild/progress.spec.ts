import { eventsPerSecond, formatDuration, formatProgress, ProgressLine, progressBar } from './progress';

describe('rebuild progress', () => {
  it('writes durations in the two largest units', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(44_600)).toBe('45s');
    expect(formatDuration(185_000)).toBe('3m05s');
    expect(formatDuration(7_620_000)).toBe('2h07m');
  });

  it('fills the bar by the fraction done, within bounds', () => {
    expect(progressBar(0.5, 10)).toBe('[#####.....]');
    expect(progressBar(1.7, 4)).toBe('[####]');
    expect(progressBar(-1, 4)).toBe('[....]');
  });

  it('takes the rate from this run only, so a resumed rebuild does not claim the earlier run', () => {
    expect(eventsPerSecond({ doneThisRun: 3000, elapsedMs: 2000 })).toBe(1500);
    expect(eventsPerSecond({ doneThisRun: 10, elapsedMs: 0 })).toBe(0);
    expect(formatProgress({ done: 5000, total: 10_000, doneThisRun: 1000, elapsedMs: 1000 })).toBe(
      '[############............] 5,000 / 10,000 events (50.0%)  1,000 events/s  ETA 5s',
    );
  });

  it('has no ETA before a rate, and grows the total when events arrived after it was counted', () => {
    expect(formatProgress({ done: 0, total: 10, doneThisRun: 0, elapsedMs: 0 })).toMatch(/0 \/ 10 events \(0\.0%\) +0 events\/s +ETA \?$/);
    expect(formatProgress({ done: 12, total: 10, doneThisRun: 12, elapsedMs: 1000 })).toMatch(/12 \/ 12 events \(100\.0%\).*ETA 0s$/);
    expect(formatProgress({ done: 0, total: 0, doneThisRun: 0, elapsedMs: 5 })).toMatch(/\(100\.0%\)/);
  });

  describe('the line', () => {
    const output = (isTTY: boolean) => {
      const writes: string[] = [];
      let now = 0;
      const line = new ProgressLine({ isTTY, write: (text: string) => writes.push(text) }, () => now, { tty: 200, log: 5000 });
      return { writes, line, at: (ms: number) => (now = ms) };
    };

    it('is redrawn in place on a terminal, at most every 200 ms', () => {
      const { writes, line, at } = output(true);
      line.update('a');
      at(100);
      line.update('b');
      at(250);
      line.update('c');
      line.finish('d');
      expect(writes).toEqual(['\ra\x1b[K', '\rc\x1b[K', '\rd\x1b[K\n']);
    });

    it('is a new line every 5 s in a log', () => {
      const { writes, line, at } = output(false);
      line.update('a');
      at(4000);
      line.update('b');
      at(5000);
      line.update('c');
      line.finish('d');
      expect(writes).toEqual(['a\n', 'c\n', 'd\n']);
    });
  });
});
