import { Client, type Pool } from 'pg';
import { errorSummary, type Logger } from '@app/observability';
import { EventCheckpoints } from './checkpoints';
import type { LogPosition, RecordedEvent } from './event.types';
import { EVENTS_NOTIFY_CHANNEL, PostgresEventStore } from './postgres-event-store';

export interface FollowerOptions {
  /** Durable name of this reader; its checkpoint is kept under it. */
  reader: string;
  batchSize?: number;
  /** Fallback poll: LISTEN/NOTIFY is only a hint and notifications can be missed. */
  pollIntervalMs?: number;
  maxBackoffMs?: number;
}

export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

/**
 * Follows the global event log from a durable checkpoint and hands each batch to a handler.
 * The checkpoint moves only after the handler succeeds, so delivery is at least once and a
 * crash or an outage (database, Kafka, Temporal) resumes where it stopped.
 */
export class EventLogFollower {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: Client;
  private readonly store: PostgresEventStore;
  private readonly checkpoints: EventCheckpoints;

  constructor(
    pool: Pool,
    private readonly databaseUrl: string,
    private readonly handle: BatchHandler,
    private readonly options: FollowerOptions,
    private readonly logger: Logger,
  ) {
    this.store = new PostgresEventStore(pool);
    this.checkpoints = new EventCheckpoints(pool);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.closeListener();
  }

  /** Position up to which this reader has handled events (for status and tests). */
  async position(): Promise<LogPosition> {
    return this.checkpoints.load(this.options.reader);
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    let backoff = 100;
    let position: LogPosition | undefined;
    while (this.running) {
      try {
        await this.ensureListener();
        position ??= await this.checkpoints.load(this.options.reader);
        const batch = await this.store.readAll(position, batchSize);
        if (batch.length > 0) {
          await this.handle(batch);
          const last = batch[batch.length - 1].position;
          await this.checkpoints.save(this.options.reader, last);
          position = last;
        }
        backoff = 100;
        if (batch.length < batchSize) await this.idle(this.options.pollIntervalMs ?? 1000);
      } catch (error) {
        // Reload the checkpoint after a failure: the handler may have done part of a batch.
        position = undefined;
        this.logger.warn({ reader: this.options.reader, ...errorSummary(error), retryInMs: backoff }, 'follower retrying');
        await this.closeListener();
        await this.idle(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 5000);
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private async ensureListener(): Promise<void> {
    if (this.listener) return;
    const client = new Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 5000 });
    client.on('error', () => void this.closeListener());
    client.on('notification', () => this.wake?.());
    await client.connect();
    await client.query(`LISTEN ${EVENTS_NOTIFY_CHANNEL}`);
    this.listener = client;
  }

  private async closeListener(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    await client?.end().catch(() => undefined);
  }
}
