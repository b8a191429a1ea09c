import { signLocalToken } from '@app/auth';
import { loadConfig } from '@app/config';
import { createPool, type Pool } from '@app/database';
import { resolvePolicy, validateHubPolicy } from '@app/hub-policy';
import { HubPolicyStore } from '@app/hub-policy-store';
import { DEMO_HUBS, SAMPLE_REFERRALS } from './demo-data';
import { demoHubPolicy } from './demo-hub-policies';

/**
 * Loads the demo hubs and publishes version 1 of each one's policy, then submits the sample referrals through the running API (so they
 * travel the real path), each with a local token of a referrer of its agency and hub.
 * Idempotency keys make a second run add nothing. Needs AUTH_MODE=local (the default).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const pool = createPool(config.DATABASE_URL, 2);
  for (const hub of DEMO_HUBS) {
    await pool.query(
      `INSERT INTO hubs (hub_id, name, scope, direct_referrers) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hub_id) DO NOTHING`,
      [hub.hubId, hub.name, hub.scope, hub.directReferrers],
    );
    await publishFirstPolicy(pool, hub);
  }
  await pool.end();

  const api = process.env.API_URL ?? `http://127.0.0.1:${config.HTTP_PORT}`;
  await waitForApi(api);
  for (const referral of SAMPLE_REFERRALS) {
    const { hubId, referrer } = referral.body;
    const token = await signLocalToken(config, { sub: `demo-${referrer.agency}-referrer`, hubs: [hubId], agency: referrer.agency, roles: ['referrer'] }, '5m');
    const response = await fetch(`${api}/v1/referrals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': referral.idempotencyKey, authorization: `Bearer ${token}` },
      body: JSON.stringify(referral.body),
    });
    const body = (await response.json()) as { referralId?: string; message?: string };
    if (!response.ok) throw new Error(`sample ${referral.idempotencyKey}: ${response.status} ${body.message}`);
    console.log(`sample referral ${referral.idempotencyKey}: ${body.referralId} (${response.status})`);
  }
  console.log(`demo data loaded: ${DEMO_HUBS.length} hubs, ${SAMPLE_REFERRALS.length} sample referrals`);
}

/** Version 1 of the hub's policy, unless it has one already (a second run adds nothing). */
async function publishFirstPolicy(pool: Pool, hub: (typeof DEMO_HUBS)[number]): Promise<void> {
  const store = new HubPolicyStore(pool);
  if (await store.current(hub.hubId)) return;
  const overrides = demoHubPolicy(hub);
  const validation = validateHubPolicy(resolvePolicy(overrides));
  if (!validation.valid) throw new Error(`demo policy of ${hub.hubId}: ${JSON.stringify(validation.problems)}`);
  await store.publish({
    hubId: hub.hubId,
    expectedVersion: 0,
    document: validation.policy,
    overrides,
    publishedBy: { userId: 'demo-seed', agency: 'social-care' },
    reason: 'demo hub adopts the national frame',
    correlationId: `seed-${hub.hubId}`,
    now: new Date(),
  });
  console.log(`hub policy ${hub.hubId}: version 1 published`);
}

async function waitForApi(api: string): Promise<void> {
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      if ((await fetch(`${api}/health`)).status < 500) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`API at ${api} not healthy after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
