import { isDeepStrictEqual } from 'node:util';
import { EventIdReusedError, referralEventUpcasters, StreamVersionConflictError } from '@app/event-store';
import type { AppendResult, EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from '@app/event-store';
import type { ReferralEventStore } from '../../apps/worker/src/activities';

/**
 * The event store's append and read rules in memory (expected version, an id stored before is
 * "already appended", a reused id with other content is an error), for workflow tests: the
 * PostgreSQL store itself is tested in test/event-store.
 */
export class InMemoryEventStore implements ReferralEventStore {
  readonly events: RecordedEvent[] = [];

  /**
   * Another writer, for tests of races: before each append it is asked what it writes to the
   * stream first; those events land at once, so the append finds the stream moved on.
   */
  anotherWriter?: (streamId: string, events: NewEvent[]) => NewEvent[];

  async readStream(streamId: string, fromVersion = 1): Promise<RecordedEvent[]> {
    return this.events.filter((e) => e.streamId === streamId && e.streamVersion >= fromVersion).map((e) => referralEventUpcasters.upcast(e));
  }

  async append(streamId: string, expected: ExpectedVersion, events: NewEvent[], metadata: EventMetadata): Promise<AppendResult> {
    const foreign = this.anotherWriter?.(streamId, events) ?? [];
    if (foreign.length > 0) this.write(streamId, foreign, { ...metadata, actor: 'test-another-writer', agency: null, causationId: null });
    const current = this.events.filter((e) => e.streamId === streamId).length;
    const stored = events.map((event) => this.events.find((e) => e.eventId === event.eventId));
    if (stored.some(Boolean)) {
      events.forEach((event, i) => {
        const same = stored[i]?.streamId === streamId && stored[i]?.type === event.type && isDeepStrictEqual(stored[i]?.data, event.data);
        if (!same) throw new EventIdReusedError(event.eventId);
      });
      return { streamVersion: current, positions: [], alreadyAppended: true };
    }
    if ((expected === 'no-stream' && current !== 0) || (typeof expected === 'number' && expected !== current)) {
      throw new StreamVersionConflictError(streamId, expected as number | 'no-stream', current);
    }
    const positions = this.write(streamId, events, metadata);
    return { streamVersion: current + events.length, positions, alreadyAppended: false };
  }

  private write(streamId: string, events: NewEvent[], metadata: EventMetadata) {
    const current = this.stream(streamId).length;
    return events.map((event, i) => {
      const globalPosition = BigInt(this.events.length + 1);
      this.events.push({
        ...event,
        data: JSON.parse(JSON.stringify(event.data)),
        streamId,
        streamVersion: current + i + 1,
        hubId: metadata.hubId,
        schemaVersion: referralEventUpcasters.versionToAppend(event.type, event.schemaVersion),
        metadata,
        recordedAt: new Date(),
        position: { transactionId: globalPosition, globalPosition },
      });
      return { transactionId: globalPosition, globalPosition };
    });
  }

  stream(streamId: string): RecordedEvent[] {
    return this.events.filter((e) => e.streamId === streamId);
  }
}
