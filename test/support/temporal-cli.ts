import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The Temporal CLI that tools/stack/stack.sh built (same cache folder and version), for
 * @temporalio/testing: its default downloads a server, which fails without internet.
 */
export function temporalCliPath(): string {
  const stackScript = readFileSync(path.resolve(__dirname, '../../tools/stack/stack.sh'), 'utf8');
  const version = /^TEMPORAL_CLI_VERSION=(\S+)$/m.exec(stackScript)?.[1];
  if (!version) throw new Error('TEMPORAL_CLI_VERSION not found in tools/stack/stack.sh');
  const cache =
    process.env.MASH_STACK_CACHE ??
    (process.getuid?.() === 0 ? '/var/cache/mash-stack' : path.join(os.homedir(), '.cache/mash-stack'));
  const binary = path.join(cache, 'bin', `temporal-${version}`);
  if (!existsSync(binary)) throw new Error(`no Temporal CLI at ${binary}: run "bash tools/stack/stack.sh up" once`);
  return binary;
}
