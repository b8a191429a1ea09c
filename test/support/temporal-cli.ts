import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Temporal binaries tools/stack/stack.sh installs (same cache folder and versions), for
 * @temporalio/testing: its default downloads a server, which fails without internet.
 */
export function temporalCliPath(): string {
  return cachedBinary('TEMPORAL_CLI_VERSION', (version) => `bin/temporal-${version}`, 'up');
}

/** The wrapper script that runs the Java time-skipping test server from its cached jars. */
export function temporalTestServerPath(): string {
  return cachedBinary(
    'TEMPORAL_TEST_SERVER_VERSION',
    (version) => `temporal-test-server-${version}/temporal-test-server`,
    'install test-server',
  );
}

function cachedBinary(versionVariable: string, relativePath: (version: string) => string, installWith: string): string {
  const stackScript = readFileSync(path.resolve(__dirname, '../../tools/stack/stack.sh'), 'utf8');
  const version = new RegExp(`^${versionVariable}=(\\S+)$`, 'm').exec(stackScript)?.[1];
  if (!version) throw new Error(`${versionVariable} not found in tools/stack/stack.sh`);
  const cache =
    process.env.MASH_STACK_CACHE ??
    (process.getuid?.() === 0 ? '/var/cache/mash-stack' : path.join(os.homedir(), '.cache/mash-stack'));
  const binary = path.join(cache, relativePath(version));
  if (!existsSync(binary)) throw new Error(`nothing at ${binary}: run "bash tools/stack/stack.sh ${installWith}" once`);
  return binary;
}
