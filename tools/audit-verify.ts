import { AuditLog, describeBreak } from '@app/audit';
import { createPool } from '@app/database';

const USAGE = 'usage: npm run audit:verify -- [--hub <hub-id>]   (reads DATABASE_URL)';

/** Exit codes: 0 every chain checked holds, 1 a link is broken, 2 the check could not run. */
export async function verifyAuditLog(args: string[], env: NodeJS.ProcessEnv, out = console.log, err = console.error): Promise<number> {
  const hub = parseHub(args);
  if (hub instanceof Error) {
    err(`${hub.message}\n${USAGE}`);
    return 2;
  }
  const url = env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    err(`DATABASE_URL must be set to a postgres:// URL\n${USAGE}`);
    return 2;
  }
  const pool = createPool(url, 1);
  try {
    const result = await new AuditLog(pool).verifyChain(hub);
    if (!result.ok) {
      err(`access audit log BROKEN after ${result.checked} good records: ${describeBreak(result.broken)}`);
      return 1;
    }
    out(`access audit log ok: ${result.checked} records in ${result.heads.length} hub chain(s)`);
    // Worth keeping elsewhere: a later run that finds a different hash at these sequences means a rewritten chain.
    for (const head of result.heads) out(`  ${head.hubId} head ${head.sequence} ${head.hash}`);
    return 0;
  } finally {
    await pool.end();
  }
}

function parseHub(args: string[]): string | undefined | Error {
  if (args.length === 0) return undefined;
  if (args[0] === '--hub' && args.length === 2) return args[1];
  if (args[0].startsWith('--hub=') && args.length === 1) return args[0].slice('--hub='.length);
  return new Error(`unexpected arguments: ${args.join(' ')}`);
}

if (require.main === module) {
  verifyAuditLog(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const missing = (error as { code?: unknown }).code === '42P01' ? ' (run "npm run migrate" first)' : '';
      console.error(`access audit log could not be verified: ${error instanceof Error ? error.message : String(error)}${missing}`);
      process.exit(2);
    },
  );
}
