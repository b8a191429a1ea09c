import { DateTime } from 'luxon';

const ZONE = 'Europe/London';
const FORMAT = 'ccc yyyy-MM-dd HH:mm';

/**
 * 'Fri 2025-01-10 15:00' London wall time as a Date. The weekday is checked, so a table row
 * with the wrong day fails instead of silently testing something else. Not for the repeated
 * hour of the October clock change: write those as ISO instants.
 */
export function london(text: string): Date {
  const parsed = DateTime.fromFormat(text, FORMAT, { zone: ZONE, locale: 'en-GB' });
  if (!parsed.isValid) throw new Error(`'${text}' is not '${FORMAT}': ${parsed.invalidExplanation}`);
  if (parsed.toFormat(FORMAT, { locale: 'en-GB' }) !== text) throw new Error(`'${text}': the weekday or the time is wrong`);
  return parsed.toJSDate();
}

/** A Date as London wall time, 'Mon 2025-01-13 11:00' (seconds shown only when not zero). */
export function londonText(date: Date): string {
  const local = DateTime.fromJSDate(date, { zone: ZONE }).setLocale('en-GB');
  return local.toFormat(local.second || local.millisecond ? `${FORMAT}:ss.SSS` : FORMAT);
}
