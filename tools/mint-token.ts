import { parseArgs } from 'node:util';
import { type Role, ROLES, signLocalToken } from '@app/auth';
import { ConfigError, loadAuthConfig } from '@app/config';

const USAGE = `usage: npm run --silent token -- --sub USER --hub HUB [--hub HUB...] --agency AGENCY --role ROLE [--role ROLE...] [--ttl 8h]
  roles: ${ROLES.join(', ')}
  Prints a bearer token signed with the local development key (AUTH_MODE=local only).`;

/**
 * Mints a local token for development and the demo. It signs with AUTH_LOCAL_SECRET, which the
 * API accepts only in local mode; in production tokens come from the identity provider.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      hub: { type: 'string', multiple: true, default: [] },
      agency: { type: 'string' },
      role: { type: 'string', multiple: true, default: [] },
      ttl: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return void console.log(USAGE);
  const unknown = values.role.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (!values.sub || !values.agency || values.role.length === 0 || unknown.length > 0) {
    throw new UsageError(unknown.length > 0 ? `unknown role ${unknown.join(', ')}\n${USAGE}` : USAGE);
  }
  const config = loadAuthConfig();
  if (config.AUTH_MODE !== 'local') throw new UsageError(`AUTH_MODE is ${config.AUTH_MODE}: local tokens are minted only with AUTH_MODE=local`);
  const token = await signLocalToken(config, { sub: values.sub, hubs: values.hub, agency: values.agency, roles: values.role as Role[] }, values.ttl);
  // The token alone on stdout, so that TOKEN=$(npm run --silent token -- ...) works.
  process.stdout.write(`${token}\n`);
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  // Refusals are the caller's to fix (exit 2): bad arguments, configuration, or claims the API would refuse.
  const refused = error instanceof UsageError || error instanceof ConfigError || (error instanceof Error && error.name === 'AuthenticationError') || (error instanceof TypeError && /time period|parseArgs|Unknown option|argument/i.test(String(error.message)));
  console.error(error instanceof Error ? error.message : error);
  process.exit(refused ? 2 : 1);
});
