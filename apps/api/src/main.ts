import { ConfigError, loadConfig } from '@app/config';
import { bootstrapApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await bootstrapApi(config);
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    // A setting is missing or malformed: say which and stop, before anything starts.
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
});
