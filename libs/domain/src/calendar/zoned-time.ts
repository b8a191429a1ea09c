import { IANAZone } from 'luxon';
import { MS_PER_DAY, type CivilDay } from './civil-date';

const MS_PER_MINUTE = 60_000;

/**
 * Converts between instants and local wall time in one IANA zone. Offsets come from luxon's
 * IANAZone (the platform's Intl time-zone data), so DST rules are never hand-written here.
 *
 * Local to instant is done here rather than by luxon's DateTime.fromObject, which seeds its
 * offset guess from the wall clock (Settings.now) and so resolves a repeated hour (the last
 * Sunday of October in London) differently in summer and winter: not replay-safe.
 */
export class ZonedTime {
  private readonly zone: IANAZone;

  constructor(timeZone: string) {
    this.zone = IANAZone.create(timeZone);
    if (!this.zone.isValid) throw new RangeError(`unknown time zone '${timeZone}'`);
  }

  /** The local date of an instant. */
  dayOf(instant: number): CivilDay {
    return Math.floor(this.localMs(instant) / MS_PER_DAY);
  }

  /** Milliseconds since local midnight of an instant. */
  timeOfDayOf(instant: number): number {
    const local = this.localMs(instant);
    return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
  }

  /**
   * The instant a local date and time names. A time that happens twice (clocks go back) is its
   * first occurrence; a time that never happens (clocks go forward) is moved forward by the
   * gap, as a clock that was not changed would show it. Temporal's 'compatible' rule.
   */
  instantAt(day: CivilDay, timeOfDayMs: number): number {
    const local = day * MS_PER_DAY + timeOfDayMs;
    const before = this.zone.offset(local - MS_PER_DAY);
    const after = this.zone.offset(local + MS_PER_DAY);
    const candidates = [before, after]
      .map((offset) => local - offset * MS_PER_MINUTE)
      .filter((instant) => this.localMs(instant) === local);
    if (candidates.length > 0) return Math.min(...candidates);
    return local - before * MS_PER_MINUTE;
  }

  private localMs(instant: number): number {
    return instant + this.zone.offset(instant) * MS_PER_MINUTE;
  }
}
