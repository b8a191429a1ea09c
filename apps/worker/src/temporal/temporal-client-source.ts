import { Client, Connection, isGrpcServiceError, ServiceError } from '@temporalio/client';

export interface TemporalClientOptions {
  address: string;
  namespace: string;
  /** Deadline of each call, retries included: nothing waits on an absent server for long. */
  rpcTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/**
 * A Temporal client that survives the server going away: after a transport failure the
 * connection is dropped and the next call makes a fresh one, instead of trusting a channel
 * that may be stuck on a dead server.
 */
export class TemporalClientSource {
  private client?: Promise<Client>;

  constructor(private readonly options: TemporalClientOptions) {}

  async call<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await client.connection.withDeadline(Date.now() + (this.options.rpcTimeoutMs ?? 5000), () => work(client));
    } catch (error) {
      if (isTransportFailure(error)) await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.then((c) => c.connection.close()).catch(() => undefined);
  }

  private connect(): Promise<Client> {
    if (!this.client) {
      const { address, namespace, connectTimeoutMs = 3000 } = this.options;
      // No retry interceptor (the SDK adds one by default): callers retry with their own backoff,
      // and a retry timer still pending when close() drops a failed connection would fire on a
      // shut channel and throw outside any promise, taking the process down while Temporal restarts.
      const client = Connection.connect({ address, connectTimeout: connectTimeoutMs, interceptors: [] }).then(
        (connection) => new Client({ connection, namespace }),
      );
      // A failed connect is not kept: the next call tries again.
      client.catch(() => {
        if (this.client === client) this.client = undefined;
      });
      this.client = client;
    }
    return this.client;
  }
}

// gRPC status codes CANCELLED, DEADLINE_EXCEEDED and UNAVAILABLE (@grpc/grpc-js is not a direct dependency).
const TRANSPORT_CODES: readonly number[] = [1, 4, 14];

/** The server could not be reached or did not answer in time (as opposed to refusing the call). */
export function isTransportFailure(error: unknown): boolean {
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpc) && TRANSPORT_CODES.includes(grpc.code);
}
