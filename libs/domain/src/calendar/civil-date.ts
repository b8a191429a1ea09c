/**
 * Civil (wall-calendar) dates as whole days since 1970-01-01, so stepping and comparing days
 * is integer arithmetic with no time zone involved. `Date.UTC` only converts; no clock is read.
 */
export type CivilDay = number;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function civilDay(year: number, month: number, day: number): CivilDay {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The day a 'YYYY-MM-DD' string names, or undefined when it is not a real date (2025-02-30). */
export function parseIsoDate(text: string): CivilDay | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = civilDay(year, month, day);
  return formatIsoDate(parsed) === text ? parsed : undefined;
}

export function formatIsoDate(day: CivilDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: CivilDay): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export const MS_PER_DAY = DAY_MS;
