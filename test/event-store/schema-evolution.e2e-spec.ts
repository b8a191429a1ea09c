import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { referralStreamId, type InformationProvided } from '@app/domain';
import {
  EventLogFollower,
  LOG_START,
  PostgresEventStore,
  UnknownEventSchemaVersionError,
  type EventMetadata,
  type LogPosition,
  type RecordedEvent,
} from '@app/event-store';
import { toIntegrationEvent } from '@app/messaging';
import { createLogger } from '@app/observability';
import { loadReferral } from '../../apps/worker/src/activities/load-referral.activity';
import { policy } from '../../libs/domain/src/testing/referral/lifecycle-fixtures';
import { createTestDatabase, eventually, type TestDatabase } from '../support/stack';

const FIXTURES = join(__dirname, '../../libs/event-store/src/upcasting/fixtures');
const fixture = (type: string, file: string) =>
  JSON.parse(readFileSync(join(FIXTURES, type, file), 'utf8')) as { type: string; schemaVersion: number; data: Record<string, unknown>; metadata?: EventMetadata };

/** Old-version rows as earlier releases wrote them: straight into the table, not through append. */
const OLD_ROWS = [
  ['ReferralReceived', 'v1.json'],
  ['TriageAwaited', 'v1.json'],
  ['InformationProvided', 'v1.json'],
  ['InformationProvided', 'v1.with-sharing.json'],
] as const;

describe('event schema evolution over PostgreSQL: old rows read upcast, never rewritten', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const referralId = randomUUID();
  const streamId = referralStreamId(referralId);
  const hubId = `hub-${referralId}`;
  const withId = (data: Record<string, unknown>) => ({ ...data, referralId, ...('hubId' in data ? { hubId } : {}) });

  const storedRows = async () =>
    (
      await db.pool.query<{ event_type: string; schema_version: number; data: unknown }>(
        'SELECT event_type, schema_version, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
        [streamId],
      )
    ).rows;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
    for (const [i, [type, file]] of OLD_ROWS.entries()) {
      const { schemaVersion, data, metadata } = fixture(type, file);
      await db.pool.query(
        `INSERT INTO events (event_id, stream_id, stream_version, hub_id, event_type, schema_version, data, metadata)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [randomUUID(), streamId, i + 1, hubId, type, schemaVersion, withId(data), { ...(metadata ?? fixture('TriageAwaited', 'v1.json').metadata), hubId }],
      );
    }
  });
  afterAll(() => db.drop());

  const expectedCurrent = () => [
    { type: 'ReferralReceived', schemaVersion: 1, data: withId(fixture('ReferralReceived', 'v1.json').data) },
    { type: 'TriageAwaited', schemaVersion: 2, data: withId(fixture('TriageAwaited', 'v1.expected.json').data) },
    { type: 'InformationProvided', schemaVersion: 2, data: withId(fixture('InformationProvided', 'v1.expected.json').data) },
    { type: 'InformationProvided', schemaVersion: 2, data: withId(fixture('InformationProvided', 'v1.with-sharing.expected.json').data) },
  ];
  const shapes = (events: RecordedEvent[]) => events.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data }));

  it('readStream gives every event in its current shape', async () => {
    expect(shapes(await store.readStream(streamId))).toEqual(expectedCurrent());
  });

  it('readAll gives the same current shapes', async () => {
    const read: RecordedEvent[] = [];
    let position: LogPosition = LOG_START;
    for (let batch = await store.readAll(position, 2); batch.length > 0; batch = await store.readAll(position, 2)) {
      read.push(...batch);
      position = batch[batch.length - 1].position;
    }
    expect(shapes(read.filter((e) => e.streamId === streamId))).toEqual(expectedCurrent());
  });

  it('a log follower (the relay, the workflow starter) hands out current shapes, so the integration mapping sees them', async () => {
    const seen: RecordedEvent[] = [];
    const follower = new EventLogFollower(db.pool, db.url, async (batch) => void seen.push(...batch), { reader: `schema-${referralId}`, pollIntervalMs: 50 }, createLogger('test', 'silent'));
    follower.start();
    try {
      await eventually(async () => (seen.filter((e) => e.streamId === streamId).length >= OLD_ROWS.length ? true : undefined), { what: 'the follower to read the old rows' });
    } finally {
      await follower.stop();
    }
    const ours = seen.filter((e) => e.streamId === streamId);
    expect(shapes(ours)).toEqual(expectedCurrent());
    expect(toIntegrationEvent(ours[2])?.data).toMatchObject({ sharing: 'shared', sensitivity: 'general', lawfulBasis: 'not-recorded' });
    expect(toIntegrationEvent(ours[1])?.data).toMatchObject({ dueAt: null });
  });

  it("the workflow's loadReferral activity reads the stream upcast", async () => {
    const loaded = await loadReferral(store, () => policy())({ referralId, hubId });
    const provided = loaded.events.filter((e): e is InformationProvided => e.type === 'InformationProvided');
    expect(provided.map((e) => e.data.sharing)).toEqual([
      { decision: 'shared', sensitivity: 'general', lawfulBasis: 'not-recorded', purpose: null },
      { decision: 'shared', sensitivity: 'sensitive', lawfulBasis: 'children-act-1989-s47', purpose: 'section 47 enquiry' },
    ]);
    expect(loaded.events[1]).toEqual({ type: 'TriageAwaited', data: expect.objectContaining({ dueAt: null, policyVersion: null }) });
  });

  it('leaves the stored rows exactly as they were written', async () => {
    expect(await storedRows()).toEqual(
      OLD_ROWS.map(([type, file]) => ({ event_type: type, schema_version: fixture(type, file).schemaVersion, data: withId(fixture(type, file).data) })),
    );
  });

  it("appends stamp the type's current version (unversioned types at 1) and refuse one this code cannot read", async () => {
    const meta: EventMetadata = { actor: 'u', agency: null, hubId, correlationId: randomUUID(), causationId: null };
    const other = `other-${randomUUID()}`;
    await store.append(other, 'no-stream', [
      { eventId: randomUUID(), type: 'InformationProvided', data: withId(fixture('InformationProvided', 'v2.json').data) },
      { eventId: randomUUID(), type: 'TriageAwaited', data: withId(fixture('TriageAwaited', 'v2.json').data) },
      { eventId: randomUUID(), type: 'ReferralReceived', data: withId(fixture('ReferralReceived', 'v1.json').data) },
      { eventId: randomUUID(), type: 'Noted', data: {} },
    ], meta);
    const { rows } = await db.pool.query('SELECT event_type, schema_version FROM events WHERE stream_id = $1 ORDER BY stream_version', [other]);
    expect(rows).toEqual([
      { event_type: 'InformationProvided', schema_version: 2 },
      { event_type: 'TriageAwaited', schema_version: 2 },
      { event_type: 'ReferralReceived', schema_version: 1 },
      { event_type: 'Noted', schema_version: 1 },
    ]);
    await expect(store.append(other, 4, [{ eventId: randomUUID(), type: 'TriageAwaited', schemaVersion: 3, data: {} }], meta)).rejects.toBeInstanceOf(
      UnknownEventSchemaVersionError,
    );
  });

  it('refuses to read a version newer than this code knows, with a typed error instead of a misread', async () => {
    const future = `future-${randomUUID()}`;
    await db.pool.query(
      `INSERT INTO events (event_id, stream_id, stream_version, hub_id, event_type, schema_version, data, metadata)
       VALUES ($1, $2, 1, $3, 'TriageAwaited', 3, '{}', $4)`,
      [randomUUID(), future, hubId, { actor: 'u', agency: null, hubId, correlationId: 'c', causationId: null }],
    );
    await expect(store.readStream(future)).rejects.toMatchObject({ code: 'EVENT_STORE.UNKNOWN_SCHEMA_VERSION', eventType: 'TriageAwaited', schemaVersion: 3, currentVersion: 2 });
  });
});
