import { UnknownEventSchemaVersionError } from '../event-store.errors';
import type { EventMetadata, RecordedEvent } from '../event.types';

/** Turns one event's data from version n into version n + 1. Pure: no I/O, no clock, no mutation. */
export type Upcaster<From = never, To = unknown> = (data: From, metadata: EventMetadata) => To;

/** A type's current schema version and the upcasters to reach it: `upcasters[i]` takes v(i+1) to v(i+2). */
export interface EventTypeSchema {
  current: number;
  upcasters: readonly Upcaster[];
}

/**
 * The schema versions the store stamps on append and the upcasters it applies on every read,
 * so readers see only current shapes and stored history is never rewritten. A type not listed
 * is at version 1 with nothing to upcast.
 */
export class EventUpcasters {
  private readonly schemas: ReadonlyMap<string, EventTypeSchema>;

  constructor(schemas: Readonly<Record<string, EventTypeSchema>>) {
    for (const [type, { current, upcasters }] of Object.entries(schemas)) {
      if (!Number.isInteger(current) || current < 1) throw new Error(`${type}: current schema version must be a positive integer`);
      if (upcasters.length !== current - 1) {
        throw new Error(`${type}: version ${current} needs ${current - 1} upcaster(s) from version 1, has ${upcasters.length}`);
      }
    }
    this.schemas = new Map(Object.entries(schemas));
  }

  currentVersion(type: string): number {
    return this.schemas.get(type)?.current ?? 1;
  }

  /** The event at its type's current version; the same object when it is current already. */
  upcast<E extends RecordedEvent>(event: E): E {
    const current = this.currentVersion(event.type);
    if (event.schemaVersion === current) return event;
    if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1 || event.schemaVersion > current) {
      throw new UnknownEventSchemaVersionError(event.type, event.schemaVersion, current, event.eventId);
    }
    const upcasters = this.schemas.get(event.type)!.upcasters as readonly Upcaster<unknown>[];
    let data: unknown = event.data;
    for (let version = event.schemaVersion; version < current; version++) data = upcasters[version - 1](data, event.metadata);
    return { ...event, schemaVersion: current, data };
  }

  /** Refuses to write a version this code cannot read back. */
  versionToAppend(type: string, requested: number | undefined): number {
    const current = this.currentVersion(type);
    if (requested === undefined) return current;
    if (!Number.isInteger(requested) || requested < 1 || requested > current) {
      throw new UnknownEventSchemaVersionError(type, requested, current);
    }
    return requested;
  }
}
