import { errorSummary } from '@app/observability';
import { withTimeout } from './with-timeout';

export const CHECK_TIMEOUT_MS = 2000;
/** How long dropping a broken connection may take before it is left to finish on its own. */
export const RESET_TIMEOUT_MS = 1000;

export type DependencyName = 'postgres' | 'kafka' | 'temporal';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  /** Why it is down: the error's class and message, never data. */
  error?: string;
}

/** One dependency's probe; `reset` drops a broken connection so the next probe starts afresh. */
export interface DependencyCheck {
  readonly name: DependencyName;
  probe(): Promise<void>;
  reset?(): Promise<void>;
}

export async function runCheck(check: DependencyCheck, timeoutMs = CHECK_TIMEOUT_MS): Promise<DependencyStatus> {
  const started = performance.now();
  const latencyMs = (): number => Math.round(performance.now() - started);
  try {
    await withTimeout(check.probe(), timeoutMs);
    return { status: 'up', latencyMs: latencyMs() };
  } catch (error) {
    // A failed probe is the answer, not an error of the health endpoint. The reset runs in the
    // background so that the answer is not delayed by it.
    void check.reset?.();
    const { error: name, message } = errorSummary(error);
    return { status: 'down', latencyMs: latencyMs(), error: message ? `${name}: ${message}` : name };
  }
}
