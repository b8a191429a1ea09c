import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eventually } from './stack';

const repo = path.resolve(__dirname, '../..');
const WORKER_MAIN = path.join(repo, 'dist/apps/worker/src/main.js');

/**
 * The worker as its own operating-system process (the built `dist/apps/worker/src/main.js`, as
 * production runs it), so a test can kill it with SIGKILL: no shutdown hook, no drained tasks.
 */
export interface WorkerProcess {
  readonly pid: number;
  /** Resolves once the worker polls its task queue. */
  ready(timeoutMs?: number): Promise<void>;
  /** kill -9, and wait until the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (a graceful stop), and wait until the process is gone. */
  stop(): Promise<void>;
  /** Log lines seen so far (JSON, personal data already redacted by the logger). */
  readonly lines: string[];
}

export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, [WORKER_MAIN], {
    cwd: repo,
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let partial = '';
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter((line) => line.trim() !== ''));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const gone = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return {
    pid: child.pid ?? -1,
    lines,
    async ready(timeoutMs = 60000) {
      let up = false;
      const polling = eventually(async () => (lines.some((line) => line.includes('temporal worker polling')) ? (up = true) : undefined), {
        what: `worker process ${child.pid} polling`,
        timeoutMs,
        intervalMs: 200,
      });
      // A worker that dies on start fails at once, with its last words.
      const died = exited.then(() => {
        if (up) return; // a later kill is not a failed start
        throw new Error(`worker process exited (${child.exitCode ?? child.signalCode}): ${lines.slice(-5).join('\n')}`);
      });
      await Promise.race([polling, died]);
    },
    kill9: () => gone('SIGKILL'),
    stop: () => gone('SIGTERM'),
  };
}
