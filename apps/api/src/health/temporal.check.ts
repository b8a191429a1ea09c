import { Connection } from '@temporalio/client';
import { type DependencyCheck, RESET_TIMEOUT_MS } from './dependency-check';
import { withTimeout } from './with-timeout';

/** Asks the Temporal frontend for its system info over a connection made on first use and kept. */
export class TemporalCheck implements DependencyCheck {
  readonly name = 'temporal';
  private connection?: Promise<Connection>;

  constructor(
    private readonly address: string,
    private readonly timeoutMs: number,
  ) {}

  async probe(): Promise<void> {
    // No retry interceptor (the SDK adds one by default): a probe is one call under a deadline, and
    // a retry timer still pending when reset() closes the connection fires on a shut channel and
    // throws outside any promise, which took the API down while Temporal restarted.
    const connection = await (this.connection ??= Connection.connect({ address: this.address, connectTimeout: this.timeoutMs, interceptors: [] }));
    await connection.withDeadline(Date.now() + this.timeoutMs, () => connection.workflowService.getSystemInfo({}));
  }

  async reset(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    await withTimeout(connection?.then((c) => c.close()) ?? Promise.resolve(), RESET_TIMEOUT_MS).catch(() => undefined);
  }
}
