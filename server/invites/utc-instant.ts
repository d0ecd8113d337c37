/**
 * Instants as the invite code accepts them: a `Date` or epoch milliseconds,
 * truncated to whole seconds because iCalendar DATE-TIME (RFC 5545 §3.3.5)
 * has no fractional seconds, and limited to the years 1970–9999 because the
 * "YYYYMMDDTHHMMSSZ" form has exactly four year digits (and `ics` rejects
 * negative timestamps).
 */

/** 1970-01-01T00:00:00Z: `ics` validates timestamps as non-negative integers. */
const EARLIEST_INSTANT_MS = 0;
/** 9999-12-31T23:59:59Z: the last instant a four-digit year can express. */
const LATEST_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

const MS_PER_SECOND = 1000;

/**
 * Reads a `Date` or epoch-milliseconds number as epoch milliseconds truncated
 * to whole seconds. Returns `null` for anything that is not a valid instant in
 * 1970–9999 (NaN, Infinity, invalid `Date`, other types). Never throws, and
 * never looks at the process time zone.
 */
export function readInstant(value: unknown): number | null {
  let milliseconds: number;
  if (value instanceof Date) milliseconds = value.getTime();
  else if (typeof value === 'number') milliseconds = value;
  else return null;
  if (!Number.isFinite(milliseconds)) return null;
  const truncated = Math.floor(milliseconds / MS_PER_SECOND) * MS_PER_SECOND;
  if (truncated < EARLIEST_INSTANT_MS || truncated > LATEST_INSTANT_MS) return null;
  return truncated;
}

/**
 * Formats an instant as RFC 5545 UTC DATE-TIME, e.g. `20270322T140000Z`
 * (also the form Google Calendar's `dates=` parameter expects).
 */
export function formatCompactUtc(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Formats an instant as ISO 8601 UTC without milliseconds, e.g. `2027-03-22T14:00:00Z`. */
export function formatIsoUtc(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
