import { randomUUID } from 'node:crypto';
import {
  EventIdReusedError,
  LOG_START,
  PostgresEventStore,
  StreamVersionConflictError,
  type EventMetadata,
  type LogPosition,
  type NewEvent,
  type RecordedEvent,
} from '@app/event-store';
import { createTestDatabase, eventually, type TestDatabase } from '../support/stack';

const meta = (hubId = 'northshire'): EventMetadata => ({
  actor: 'user-1',
  agency: 'police',
  hubId,
  correlationId: randomUUID(),
  causationId: null,
  policyVersion: 1,
});
const event = (type = 'Noted', data: unknown = { n: 1 }): NewEvent => ({ eventId: randomUUID(), type, data });

describe('PostgreSQL event store (real server)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('appends to a new stream and reads it back with versions, metadata and positions', async () => {
    const stream = `s-${randomUUID()}`;
    const m = meta();
    const result = await store.append(stream, 'no-stream', [event('A', { a: 1 }), event('B', { b: [2] })], m);
    expect(result.streamVersion).toBe(2);
    expect(result.positions).toHaveLength(2);

    const read = await store.readStream(stream);
    expect(read.map((e) => [e.type, e.streamVersion, e.data])).toEqual([
      ['A', 1, { a: 1 }],
      ['B', 2, { b: [2] }],
    ]);
    expect(read[0].metadata).toEqual(m);
    expect(read[0].hubId).toBe('northshire');
    expect(read[1].position.globalPosition).toBeGreaterThan(read[0].position.globalPosition);
  });

  it('refuses an append at the wrong expected version with a typed conflict', async () => {
    const stream = `s-${randomUUID()}`;
    await store.append(stream, 'no-stream', [event()], meta());
    await expect(store.append(stream, 'no-stream', [event()], meta())).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(store.append(stream, 0, [event()], meta())).rejects.toMatchObject({
      code: 'EVENT_STORE.VERSION_CONFLICT',
      actual: 1,
    });
    await expect(store.append(stream, 1, [event()], meta())).resolves.toMatchObject({ streamVersion: 2 });
  });

  it('treats a retried append of the same event ids as already done', async () => {
    const stream = `s-${randomUUID()}`;
    const events = [event('A', { x: 1 })];
    await store.append(stream, 'no-stream', events, meta());
    const retry = await store.append(stream, 'no-stream', events, meta());
    expect(retry).toMatchObject({ alreadyAppended: true, streamVersion: 1, positions: [] });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses an event id reused with other content', async () => {
    const stream = `s-${randomUUID()}`;
    const e = event('A', { x: 1 });
    await store.append(stream, 'no-stream', [e], meta());
    await expect(store.append(stream, 1, [{ ...e, data: { x: 2 } }], meta())).rejects.toBeInstanceOf(EventIdReusedError);
  });

  it('never lets an event be updated or deleted', async () => {
    const stream = `s-${randomUUID()}`;
    await store.append(stream, 'no-stream', [event()], meta());
    await expect(db.pool.query(`UPDATE events SET data = '{}' WHERE stream_id = $1`, [stream])).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM events WHERE stream_id = $1', [stream])).rejects.toThrow(/append-only/);
  });

  it('gives exactly one winner per version when writers race on one stream', async () => {
    const stream = `s-${randomUUID()}`;
    const writers = 24;
    const results = await Promise.allSettled(
      Array.from({ length: writers }, (_, i) => store.append(stream, 'no-stream', [event('Raced', { i })], meta())),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(writers - 1);
    for (const l of lost) expect(l.reason).toBeInstanceOf(StreamVersionConflictError);

    // Next round: every writer expects version 1; again one wins.
    const second = await Promise.allSettled(
      Array.from({ length: writers }, (_, i) => store.append(stream, 1, [event('Raced', { i })], meta())),
    );
    expect(second.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('a reader following the global log misses nothing under concurrent writers, even a late commit', async () => {
    const seen: RecordedEvent[] = [];
    let position: LogPosition = LOG_START;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const batch = await store.readAll(position, 50);
        if (batch.length > 0) {
          seen.push(...batch);
          position = batch[batch.length - 1].position;
        } else {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    })();

    // A writer that takes a low global position and commits only after many later writes:
    // the case a position-only reader skips.
    const slow = await db.pool.connect();
    await slow.query('BEGIN');
    const lateStream = `late-${randomUUID()}`;
    await store.append(lateStream, 'no-stream', [event('Late')], meta(), slow);

    const writers = 8;
    const perWriter = 40;
    const appended = await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const ids: string[] = [];
        for (let i = 0; i < perWriter; i++) {
          const e = event('Busy', { w, i });
          await store.append(`busy-${w}-${randomUUID()}`, 'no-stream', [e], meta());
          ids.push(e.eventId);
        }
        return ids;
      }),
    );
    await slow.query('COMMIT');
    slow.release();

    const expected = new Set([...appended.flat()]);
    const lateSeen = () => seen.some((e) => e.streamId === lateStream);
    await eventually(async () => (lateSeen() && [...expected].every((id) => seen.some((e) => e.eventId === id)) ? true : undefined), {
      what: 'the reader to see every committed event',
      intervalMs: 20,
    });
    reading = false;
    await reader;

    const ids = seen.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length); // nothing twice
    for (const id of expected) expect(ids).toContain(id); // nothing missed
    expect(lateSeen()).toBe(true); // the late commit was not skipped
    // The late event has the lowest position of the batch yet is read after the others.
    const late = seen.find((e) => e.streamId === lateStream)!;
    const busyPositions = seen.filter((e) => e.type === 'Busy').map((e) => e.position.globalPosition);
    expect(busyPositions.some((p) => p > late.position.globalPosition)).toBe(true);
  });
});
