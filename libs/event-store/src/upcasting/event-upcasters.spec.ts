import { UnknownEventSchemaVersionError } from '../event-store.errors';
import type { EventMetadata, RecordedEvent } from '../event.types';
import { EventUpcasters } from './event-upcasters';

const metadata: EventMetadata = { actor: 'a', agency: null, hubId: 'h', correlationId: 'c', causationId: null, policyVersion: 7 };
const stored = (type: string, schemaVersion: number, data: unknown): RecordedEvent => ({
  eventId: 'e-1',
  streamId: 's-1',
  streamVersion: 1,
  hubId: 'h',
  type,
  schemaVersion,
  data,
  metadata,
  recordedAt: new Date(0),
  position: { transactionId: 1n, globalPosition: 1n },
});

// A made-up type at v3: v1 had `name`, v2 split it, v3 took the policy version from the metadata.
const upcasters = new EventUpcasters({
  Renamed: {
    current: 3,
    upcasters: [
      (data: { name: string }) => ({ given: data.name.split(' ')[0], family: data.name.split(' ')[1] }),
      (data: { given: string; family: string }, meta: EventMetadata) => ({ ...data, policyVersion: meta.policyVersion ?? null }),
    ],
  },
});

describe('upcasting a stored event', () => {
  it('applies each upcaster from its version to the current one, in order', () => {
    const read = upcasters.upcast(stored('Renamed', 1, { name: 'Sam Example' }));
    expect(read).toMatchObject({ schemaVersion: 3, data: { given: 'Sam', family: 'Example', policyVersion: 7 } });
    expect(upcasters.upcast(stored('Renamed', 2, { given: 'A', family: 'B' })).data).toEqual({ given: 'A', family: 'B', policyVersion: 7 });
  });

  it('leaves an event at the current version as it is, and the stored event unchanged', () => {
    const current = stored('Renamed', 3, { given: 'A', family: 'B', policyVersion: 1 });
    expect(upcasters.upcast(current)).toBe(current);
    const old = Object.freeze(stored('Renamed', 1, Object.freeze({ name: 'Sam Example' })));
    upcasters.upcast(old);
    expect(old).toMatchObject({ schemaVersion: 1, data: { name: 'Sam Example' } });
  });

  it('reads a type it has no schema for at version 1, as stored', () => {
    const event = stored('HubPolicyPublished', 1, { x: 1 });
    expect(upcasters.upcast(event)).toBe(event);
    expect(upcasters.currentVersion('HubPolicyPublished')).toBe(1);
  });

  it.each([
    ['a version above the current one (written by a newer release)', 'Renamed', 4],
    ['version 0', 'Renamed', 0],
    ['a version 2 of a type with no schema', 'Unversioned', 2],
  ])('refuses %s with a typed error', (_, type, version) => {
    const read = () => upcasters.upcast(stored(type, version, {}));
    expect(read).toThrow(UnknownEventSchemaVersionError);
    expect(read).toThrow(expect.objectContaining({ code: 'EVENT_STORE.UNKNOWN_SCHEMA_VERSION', eventType: type, schemaVersion: version, eventId: 'e-1' }));
  });
});

describe('the version an append stamps', () => {
  it("is the type's current version unless the writer names an older shape it is writing", () => {
    expect(upcasters.versionToAppend('Renamed', undefined)).toBe(3);
    expect(upcasters.versionToAppend('Renamed', 1)).toBe(1);
    expect(upcasters.versionToAppend('Anything', undefined)).toBe(1);
  });

  it('is never one this code cannot read back', () => {
    expect(() => upcasters.versionToAppend('Renamed', 4)).toThrow(UnknownEventSchemaVersionError);
  });
});

describe('a registry', () => {
  it('refuses a current version without an upcaster from each version before it', () => {
    expect(() => new EventUpcasters({ Gap: { current: 3, upcasters: [(d: unknown) => d] } })).toThrow('Gap: version 3 needs 2 upcaster(s) from version 1, has 1');
    expect(() => new EventUpcasters({ Zero: { current: 0, upcasters: [] } })).toThrow('positive integer');
  });
});
