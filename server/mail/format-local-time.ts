/**
 * Times for people, in email: "Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)".
 *
 * DESIGN.md rule 1: every time shown says its zone, and emails show both the
 * reporter's and the spokesperson's local times. The zone is named by its IANA
 * city and its numeric UTC offset; an abbreviation such as EDT or CET is only
 * shown beside them, as a courtesy, never on its own and never parsed.
 *
 * Everything is computed with luxon in an explicit zone and an explicit
 * locale: nothing here reads the process TZ or the system locale, so the same
 * input gives the same text on every server (tests run under TZ=Asia/Kathmandu
 * and TZ=UTC, and compare child processes in other zones).
 */
import { DateTime, type Zone } from 'luxon';
import { resolveZone } from '../availability/offset-timeline';
import { MAIL_DATE_LOCALES, mailTranslator, type MailLanguage } from './mail-language';

/**
 * English day and month names in British order: "Monday 22 March 2027". French
 * and Spanish dates are CLDR's full and short dates in that language ("lundi 22
 * mars 2027", "lunes, 22 de marzo de 2027"). The locale is always explicit, so
 * the system locale never leaks in.
 */
const LONG_DATE_FORMAT = 'cccc d LLLL yyyy';
const SHORT_DATE_FORMAT = 'ccc d LLL';
const TIME_FORMAT = 'HH:mm';
/** U+2212 MINUS SIGN, as typeset offsets use ("UTC−4"). */
const MINUS_SIGN = '\u2212';
const EN_DASH = '\u2013';

/**
 * CLDR gives English abbreviations only where they are in common use in that
 * country's English (en-US knows EDT but writes "GMT+1" for Zurich; en-GB knows
 * CET but writes "GMT-4" for New York). Asking these locales in this fixed order
 * and taking the first alphabetic answer gives EDT, CET, BST, IST (India in
 * en-IN, Ireland in en-IE), AEDT, SAST, SGT, … and nothing for zones without a
 * common English abbreviation (Kathmandu, Tokyo), which then show the offset only.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-NZ', 'en-IE', 'en-IN', 'en-ZA', 'en-SG'] as const;
const ABBREVIATION_PATTERN = /^[A-Z]{2,5}$/;
/** Intl.DateTimeFormat construction costs tens of µs; zones come from our data, so a small bound suffices. */
const MAX_CACHED_FORMATTERS = 2_000;
const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

/** Zones that are an offset rather than a place: shown as "UTC" or "UTC+5", never as "Etc time". */
const OFFSET_ONLY_ZONE = /^(?:Etc\/.*|UTC|UCT|GMT|Zulu|Universal|Greenwich)$/i;

/** An interval of two instants (epoch milliseconds or Dates). */
export interface TimeInterval {
  start: Date | number;
  end: Date | number;
}

/**
 * The place a zone is named after, from its IANA name: "America/New_York" →
 * "New York", "America/Argentina/Buenos_Aires" → "Buenos Aires". `null` for
 * zones that are only an offset ("UTC", "Etc/GMT+5").
 */
export function getZoneCityName(timeZone: string): string | null {
  if (OFFSET_ONLY_ZONE.test(timeZone)) return null;
  const lastSegment = timeZone.slice(timeZone.lastIndexOf('/') + 1);
  return lastSegment.replace(/_/g, ' ');
}

/** "UTC+1", "UTC−4", "UTC+5:45", "UTC+0" (luxon's offset in minutes; sub-minute historic offsets are truncated). */
export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? MINUS_SIGN : '+';
  const magnitude = Math.trunc(Math.abs(offsetMinutes));
  const hours = Math.trunc(magnitude / 60);
  const minutes = magnitude % 60;
  return `UTC${sign}${hours}${minutes === 0 ? '' : `:${String(minutes).padStart(2, '0')}`}`;
}

/**
 * The zone as people should read it at `instant`: "New York time (EDT, UTC−4)",
 * "Kathmandu time (UTC+5:45)", or "UTC" / "UTC−5" for offset-only zones.
 * Throws `RangeError` for an unknown zone (or "local", whose meaning depends on the server).
 */
export function describeTimeZone(timeZone: string, instant: Date | number, language: MailLanguage = 'en'): string {
  return describeZoneAcross(timeZone, readMilliseconds(instant), readMilliseconds(instant), language);
}

/**
 * One interval in one zone: "Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)".
 * With `includeDate: false` the date is left out ("15:00–15:30 Zurich time (CET, UTC+1)"),
 * unless the interval crosses local midnight, when both dates are always written
 * ("Monday 22 March 2027, 23:30 – Tuesday 23 March 2027, 00:30 Tokyo time (UTC+9)"). An
 * interval ending exactly at midnight is written "23:30–00:00" on the start date.
 * If the offset changes inside the interval both are shown ("(CET, UTC+1 → CEST, UTC+2)").
 * Throws `RangeError` for an unknown zone or an end before the start.
 */
export function formatIntervalInZone(interval: TimeInterval, timeZone: string, options: { includeDate: boolean; language?: MailLanguage }): string {
  const { start, end } = readInterval(interval);
  const language = options.language ?? 'en';
  const zone = resolveZone(timeZone);
  const localStart = toLocal(start, zone, language);
  const localEnd = toLocal(end, zone, language);
  // The last instant inside the interval decides whether it stays on one local date.
  const sameDate = end === start || localStart.toISODate() === toLocal(end - 1, zone, language).toISODate();
  const zoneText = describeZoneAcross(timeZone, start, end, language);
  if (sameDate) {
    const range = `${localStart.toFormat(TIME_FORMAT)}${EN_DASH}${localEnd.toFormat(TIME_FORMAT)}`;
    return options.includeDate ? `${longDate(localStart, language)}, ${range} ${zoneText}` : `${range} ${zoneText}`;
  }
  return (
    `${longDate(localStart, language)}, ${localStart.toFormat(TIME_FORMAT)} ${EN_DASH} ` +
    `${longDate(localEnd, language)}, ${localEnd.toFormat(TIME_FORMAT)} ${zoneText}`
  );
}

/**
 * The interval in each zone, one line per zone, in the order given (the
 * viewer's own zone first, DESIGN.md rule 1). The first line always has the
 * date; a later line repeats it only when that zone's local start date differs
 * from the first zone's. A zone listed twice is shown once.
 *
 * Example (reporter in New York, spokesperson in Zurich):
 *   "Monday 22 March 2027, 10:00–10:30 New York time (EDT, UTC−4)"
 *   "15:00–15:30 Zurich time (CET, UTC+1)"
 */
export function formatIntervalInZones(interval: TimeInterval, timeZones: readonly string[], language: MailLanguage = 'en'): string[] {
  const { start } = readInterval(interval);
  const uniqueZones = [...new Set(timeZones)];
  if (uniqueZones.length === 0) throw new RangeError('At least one time zone is needed');
  const firstDate = toLocal(start, resolveZone(uniqueZones[0]!), language).toISODate();
  return uniqueZones.map((timeZone, index) =>
    formatIntervalInZone(interval, timeZone, {
      includeDate: index === 0 || toLocal(start, resolveZone(timeZone), language).toISODate() !== firstDate,
      language,
    }),
  );
}

/**
 * One instant (a deadline) in each zone, the first zone's line with the date,
 * later lines with it only when their local date differs:
 *   "Monday 22 March 2027, 18:00 New York time (EDT, UTC−4)", "23:00 Zurich time (CET, UTC+1)".
 * A zone listed twice is shown once. Throws `RangeError` for an unknown zone.
 */
export function formatInstantInZones(instant: Date | number, timeZones: readonly string[], language: MailLanguage = 'en'): string[] {
  const milliseconds = readMilliseconds(instant);
  const uniqueZones = [...new Set(timeZones)];
  if (uniqueZones.length === 0) throw new RangeError('At least one time zone is needed');
  const firstDate = toLocal(milliseconds, resolveZone(uniqueZones[0]!), language).toISODate();
  return uniqueZones.map((timeZone, index) => {
    const local = toLocal(milliseconds, resolveZone(timeZone), language);
    const time = `${local.toFormat(TIME_FORMAT)} ${describeZoneAcross(timeZone, milliseconds, milliseconds, language)}`;
    return index === 0 || local.toISODate() !== firstDate ? `${longDate(local, language)}, ${time}` : time;
  });
}

/**
 * A compact start time for subject lines: "Mon 22 Mar 10:00 New York time"
 * ("lun. 22 mars 10:00 heure de New York"), or "Mon 22 Mar 14:00 UTC" for an
 * offset-only zone. Never an ISO instant. Throws `RangeError` for an unknown zone.
 */
export function formatShortStartInZone(instant: Date | number, timeZone: string, language: MailLanguage = 'en'): string {
  const milliseconds = readMilliseconds(instant);
  const zone = resolveZone(timeZone);
  const city = getZoneCityName(timeZone);
  const label = city === null ? formatOffsetOnlyZone(zone.offset(milliseconds)) : mailTranslator(language)('zone.cityTime', { city });
  const local = toLocal(milliseconds, zone, language);
  const date = language === 'en' ? local.toFormat(SHORT_DATE_FORMAT) : local.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
  return `${date} ${local.toFormat(TIME_FORMAT)} ${label}`;
}

/** "Monday 22 March 2027", "lundi 22 mars 2027", "lunes, 22 de marzo de 2027". */
function longDate(local: DateTime, language: MailLanguage): string {
  return language === 'en' ? local.toFormat(LONG_DATE_FORMAT) : local.toLocaleString(DateTime.DATE_HUGE);
}

function describeZoneAcross(timeZone: string, start: number, end: number, language: MailLanguage = 'en'): string {
  const zone = resolveZone(timeZone);
  const city = getZoneCityName(timeZone);
  const startOffset = zone.offset(start);
  const endOffset = zone.offset(end);
  if (city === null) {
    const startText = formatOffsetOnlyZone(startOffset);
    return startOffset === endOffset ? startText : `${startText} → ${formatOffsetOnlyZone(endOffset)}`;
  }
  const startDetail = describeOffset(timeZone, start, startOffset, language);
  const endDetail = describeOffset(timeZone, end, endOffset, language);
  return `${mailTranslator(language)('zone.cityTime', { city })} (${startDetail === endDetail ? startDetail : `${startDetail} → ${endDetail}`})`;
}

function formatOffsetOnlyZone(offsetMinutes: number): string {
  return offsetMinutes === 0 ? 'UTC' : formatUtcOffset(offsetMinutes);
}

/**
 * "EDT, UTC−4", or "UTC+5:45" when English has no common abbreviation for the
 * zone. French and Spanish readers get the offset only: the abbreviations are English.
 */
function describeOffset(timeZone: string, instant: number, offsetMinutes: number, language: MailLanguage): string {
  const abbreviation = language === 'en' ? findAbbreviation(timeZone, instant, offsetMinutes) : undefined;
  const offset = formatUtcOffset(offsetMinutes);
  return abbreviation === undefined ? offset : `${abbreviation}, ${offset}`;
}

function findAbbreviation(timeZone: string, instant: number, offsetMinutes: number): string | undefined {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = getAbbreviationFormatter(locale, timeZone)
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    if (name === undefined || !ABBREVIATION_PATTERN.test(name)) continue;
    // "GMT"/"UTC" alone means offset zero; anything else would contradict the number beside it.
    if ((name === 'GMT' || name === 'UTC') && offsetMinutes !== 0) continue;
    return name;
  }
  return undefined;
}

function getAbbreviationFormatter(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}\u0000${timeZone}`;
  let formatter = abbreviationFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    if (abbreviationFormatters.size >= MAX_CACHED_FORMATTERS) abbreviationFormatters.clear();
    abbreviationFormatters.set(key, formatter);
  }
  return formatter;
}

function toLocal(milliseconds: number, zone: Zone, language: MailLanguage = 'en'): DateTime {
  return DateTime.fromMillis(milliseconds, { zone, locale: MAIL_DATE_LOCALES[language] });
}

function readMilliseconds(instant: Date | number): number {
  const milliseconds = instant instanceof Date ? instant.getTime() : instant;
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds)) {
    throw new RangeError('Expected a valid instant');
  }
  return milliseconds;
}

function readInterval(interval: TimeInterval): { start: number; end: number } {
  const start = readMilliseconds(interval.start);
  const end = readMilliseconds(interval.end);
  if (end < start) throw new RangeError('The interval ends before it starts');
  return { start, end };
}
