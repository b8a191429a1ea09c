import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_EVENT_VERSIONS, evolve, initialState, REFERRAL_EVENT_TYPES, type ReferralEvent, type ReferralEventType, type ReferralState } from '@app/domain';
import { atTriage, gathering, received } from '../../../../domain/src/testing/referral/lifecycle-fixtures';
import type { EventMetadata, RecordedEvent } from '../../event.types';
import { referralEventUpcasters } from './referral-upcasters';

/**
 * fixtures/<Type>/v<N>.json: an event as stored at version N (v<N>.<case>.json: another case of
 * it); below the current version, v<N>[.<case>].expected.json is what it must read as.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const FIXTURE_NAME = /^v(\d+)(\.[a-z0-9-]+)?\.json$/;

interface StoredFixture {
  type: ReferralEventType;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
}

const readJson = <T>(...path: string[]): T => JSON.parse(readFileSync(join(FIXTURES, ...path), 'utf8')) as T;
const fixturesOf = (type: string) => (existsSync(join(FIXTURES, type)) ? readdirSync(join(FIXTURES, type)).filter((f) => FIXTURE_NAME.test(f) && !f.endsWith('.expected.json')) : []);
const versionOf = (file: string) => Number(FIXTURE_NAME.exec(file)![1]);

function asRecorded(fixture: StoredFixture): RecordedEvent {
  return {
    eventId: '00000000-0000-4000-8000-000000000001',
    streamId: 'referral-r-1',
    streamVersion: 3,
    hubId: fixture.metadata.hubId,
    type: fixture.type,
    schemaVersion: fixture.schemaVersion,
    data: fixture.data,
    metadata: fixture.metadata,
    recordedAt: new Date('2026-03-02T10:16:00.000Z'),
    position: { transactionId: 10n, globalPosition: 3n },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}

/** A referral history at which each changed type is read in earnest (the domain's own fixtures). */
const historyBefore: { [Type in ReferralEventType]?: () => ReferralEvent[] } = {
  TriageAwaited: () => [received()],
  InformationProvided: gathering,
};

const stateAfter = (history: ReferralEvent[], event: ReferralEvent): ReferralState => [...history, event].reduce(evolve, initialState());

describe('referral event fixtures', () => {
  it.each(REFERRAL_EVENT_TYPES.map((type) => [type, CURRENT_EVENT_VERSIONS[type]] as const))(
    '%s has a fixture of its current version (v%i), which reads back as stored',
    (type, current) => {
      const fixture = readJson<StoredFixture>(type, `v${current}.json`);
      expect(fixture).toMatchObject({ type, schemaVersion: current });
      const event = asRecorded(fixture);
      expect(referralEventUpcasters.upcast(event)).toBe(event);
      expect(() => stateAfter(atTriage(), { type, data: fixture.data } as ReferralEvent)).not.toThrow();
    },
  );

  it.each(REFERRAL_EVENT_TYPES.filter((type) => CURRENT_EVENT_VERSIONS[type] > 1))('%s keeps a fixture of every older version', (type) => {
    const versions = new Set(fixturesOf(type).map(versionOf));
    for (let v = 1; v < CURRENT_EVENT_VERSIONS[type]; v++) expect(versions).toContain(v);
  });

  it('has no fixture above a type’s current version, nor for a type that does not exist', () => {
    for (const type of readdirSync(FIXTURES)) {
      expect(REFERRAL_EVENT_TYPES).toContain(type);
      for (const file of fixturesOf(type)) expect(versionOf(file)).toBeLessThanOrEqual(CURRENT_EVENT_VERSIONS[type as ReferralEventType]);
    }
  });
});

const oldFixtures = REFERRAL_EVENT_TYPES.flatMap((type) =>
  fixturesOf(type)
    .filter((file) => versionOf(file) < CURRENT_EVENT_VERSIONS[type])
    .map((file) => [type, file] as const),
);

describe.each(oldFixtures)('%s stored as %s', (type, file) => {
  const stored = deepFreeze(readJson<StoredFixture>(type, file));
  const expected = readJson<{ type: string; schemaVersion: number; data: unknown }>(type, file.replace(/\.json$/, '.expected.json'));
  const read = referralEventUpcasters.upcast(asRecorded(stored));

  it('reads as its expected current shape, the stored fixture untouched', () => {
    expect(expected).toMatchObject({ type, schemaVersion: CURRENT_EVENT_VERSIONS[type] });
    expect({ type: read.type, schemaVersion: read.schemaVersion, data: read.data }).toEqual(expected);
    expect(stored).toEqual(readJson(type, file));
  });

  it('is accepted by the current evolve as its expected shape is', () => {
    const history = (historyBefore[type] ?? atTriage)();
    const upcast = { type, data: read.data } as ReferralEvent;
    const after = stateAfter(history, upcast);
    expect(after).toEqual(stateAfter(history, { type, data: expected.data } as ReferralEvent));
    expect(after).not.toEqual(history.reduce(evolve, initialState()));
  });
});
