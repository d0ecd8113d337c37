/**
 * Proleptic Gregorian calendar arithmetic on "day numbers" (days since 1970-01-01).
 *
 * Why not `Date`: the slot engine works on local *wall-clock* dates, which are pure calendar
 * values with no zone. Doing the arithmetic on integers keeps it independent of `process.env.TZ`
 * (a `new Date(y, m, d)` would silently use the server's zone) and is much faster than building
 * `Date` or luxon objects in a hot loop.
 *
 * Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const MINUTES_PER_DAY = 1440;

/** A calendar date without a zone. */
export interface CivilDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** Day number (days since 1970-01-01) of a calendar date. Exact for any integer year. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Calendar date of a day number; inverse of {@link daysFromCivil}. */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. 1970-01-01 was a Thursday. */
export function getIsoWeekday(dayNumber: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return ((((dayNumber + 3) % 7) + 7) % 7 + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/**
 * `YYYY-MM-DD` for a day number. Years outside 0000–9999 are written the way luxon's
 * `toISODate()` writes them (six digits with a sign) so the two never disagree.
 */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${formatYear(year)}-${pad2(month)}-${pad2(day)}`;
}

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Day number of a `YYYY-MM-DD` string. Throws `RangeError` for malformed strings and for dates
 * that do not exist (`2027-02-30`), so a typo in an override can never shift to another day.
 */
export function parseLocalDate(date: string): number {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Invalid local date "${date}", expected YYYY-MM-DD`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const dayNumber = daysFromCivil(year, month, day);
  const roundTrip = civilFromDays(dayNumber);
  if (month < 1 || month > 12 || roundTrip.month !== month || roundTrip.day !== day) {
    throw new RangeError(`Invalid local date "${date}": no such calendar day`);
  }
  return dayNumber;
}

export function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

export function pad3(value: number): string {
  return value < 10 ? `00${value}` : value < 100 ? `0${value}` : `${value}`;
}

function formatYear(year: number): string {
  if (year >= 0 && year <= 9999) return `${year}`.padStart(4, '0');
  // luxon's long ISO year form: "+012345" / "-000001" style.
  return (year < 0 ? '-' : '+') + `${Math.abs(year)}`.padStart(6, '0');
}
