import { PostgresEventStore } from '@app/event-store';
import { resolvePolicy, validateHubPolicy, type HubPolicyDocument } from '@app/hub-policy';
import { hubFacts } from '../../libs/hub-policy/src/testing/hub-policy-fixtures';
import { HubPolicyStore, HubPolicyVersionConflictError, hubPolicyStreamId, type PublishHubPolicy } from '@app/hub-policy-store';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const document = (): HubPolicyDocument => {
  const validation = validateHubPolicy(resolvePolicy(hubFacts));
  if (!validation.valid) throw new Error(JSON.stringify(validation.problems));
  return validation.policy;
};

const publishing = (expectedVersion: number, reason = 'agreed at the board'): PublishHubPolicy => ({
  hubId: 'northshire',
  expectedVersion,
  document: document(),
  overrides: hubFacts,
  publishedBy: { userId: 'mia', agency: 'social-care' },
  reason,
  correlationId: 'test',
  now: new Date('2026-03-02T10:00:00Z'),
});

describe('HubPolicyStore', () => {
  let db: TestDatabase;
  let store: HubPolicyStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new HubPolicyStore(db.pool);
    await db.pool.query(`INSERT INTO hubs (hub_id, name, scope) VALUES ('northshire', 'Northshire', 'both')`);
  });
  afterAll(() => db.drop());

  it('has no current policy before the first version', async () => {
    expect(await store.current('northshire')).toBeUndefined();
  });

  it('publishes versions 1, 2, 3, each with its event, and reads each back', async () => {
    for (const expected of [0, 1, 2]) await store.publish(publishing(expected, `change ${expected + 1}`));

    expect((await store.current('northshire'))?.version).toBe(3);
    expect((await store.version('northshire', 2))?.document).toEqual(document());
    expect((await store.versions('northshire')).map((v) => [v.version, v.reason, v.publishedBy.userId])).toEqual([
      [1, 'change 1', 'mia'],
      [2, 'change 2', 'mia'],
      [3, 'change 3', 'mia'],
    ]);
    const events = await new PostgresEventStore(db.pool).readStream(hubPolicyStreamId('northshire'));
    expect(events.map((e) => [e.type, e.streamVersion, (e.data as { version: number }).version, e.metadata.policyVersion])).toEqual([
      ['HubPolicyPublished', 1, 1, 1],
      ['HubPolicyPublished', 2, 2, 2],
      ['HubPolicyPublished', 3, 3, 3],
    ]);
    expect(events[0].data).toMatchObject({ hubId: 'northshire', overrides: hubFacts, reason: 'change 1', publishedBy: { userId: 'mia', agency: 'social-care' } });
  });

  it('gives one of two racing publishers the version and the other a conflict, leaving no row without its event', async () => {
    const outcomes = await Promise.allSettled([store.publish(publishing(3)), store.publish(publishing(3))]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(HubPolicyVersionConflictError);
    expect(refused?.reason).toMatchObject({ expectedVersion: 3, currentVersion: 4 });
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM hub_policies WHERE hub_id = $1', ['northshire']);
    expect(rows[0].n).toBe(4);
  });
});
