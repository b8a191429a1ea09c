import { type LocalTokenClaims, type Role, signLocalToken } from '@app/auth';
import { loadAuthConfig } from '@app/config';

/** The local-mode settings the test apps run with (the published development key). */
const localAuth = loadAuthConfig({});

export interface Who {
  sub?: string;
  hubs: string[];
  agency?: string;
  roles: Role[];
}

/** A valid token minted with the local key, as `npm run token` would. */
export function tokenFor(who: Who, ttl: string | number = '10m'): Promise<string> {
  const claims: LocalTokenClaims = { sub: who.sub ?? 'test-user', hubs: who.hubs, agency: who.agency ?? 'education', roles: who.roles };
  return signLocalToken(localAuth, claims, ttl);
}

/** `{ authorization: 'Bearer ...' }` for fetch headers. */
export async function bearer(who: Who): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(who)}` };
}
