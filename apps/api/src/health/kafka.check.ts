import { type Admin, Kafka, logLevel } from 'kafkajs';
import { type DependencyCheck, RESET_TIMEOUT_MS } from './dependency-check';
import { withTimeout } from './with-timeout';

/** Asks the cluster to describe itself through an admin client made on first use and kept. */
export class KafkaCheck implements DependencyCheck {
  readonly name = 'kafka';
  private admin?: Promise<Admin>;

  constructor(private readonly brokers: string[]) {}

  async probe(): Promise<void> {
    const admin = await (this.admin ??= this.connect());
    await admin.describeCluster();
  }

  async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    // A connect that timed out may still be running: give it a moment to settle, then let go.
    await withTimeout(admin?.then((a) => a.disconnect()) ?? Promise.resolve(), RESET_TIMEOUT_MS).catch(() => undefined);
  }

  private async connect(): Promise<Admin> {
    const kafka = new Kafka({
      clientId: 'mash-api-health',
      brokers: this.brokers,
      connectionTimeout: 1000,
      requestTimeout: 1500,
      // The health endpoint retries by being called again; kafkajs must not retry behind it.
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin({ retry: { retries: 0 } });
    await admin.connect();
    return admin;
  }
}
