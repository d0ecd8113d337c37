// Dates, times and zones for people, with Intl, in the browser's locale.
// Never the machine's zone: every formatter names its zone.

// Building an Intl.DateTimeFormat costs about 0.1 ms (ICU parses the locale's
// patterns and loads the zone), formatting with one about 1 µs; the slot
// picker formats two times per slot, hundreds in all. So each (locale, options)
// pair, zone included, is built once. Bounded, because a formatter holds ICU
// objects (some 20 KB for a time pattern) and listTimeZones alone asks for one
// per zone (~420); past the bound the oldest go first.
const MAX_CACHED_FORMATTERS = 1_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a locale (undefined: the browser's) and options, built once. Throws RangeError for an unknown zone, as the constructor does. */
function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // Call sites pass literal options, so their key order is stable.
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.delete(formatters.keys().next().value!);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The local time now in a zone, with the zone's short name, in the browser's locale. */
export function formatLocalTimeNow(timeZone: string, now = new Date(), locale?: string): string {
  return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(now);
}

/** The city part of an IANA name ("Europe/Zurich" → "Zurich"). */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** A 12-hour ("2:00 PM") or 24-hour ("14:00") clock; undefined: the locale's habit. */
export type Clock = 'h12' | 'h23';

/** "14:00" (or "2:00 PM") in a zone, in the locale (undefined: the browser's). */
export function formatTime(iso: string, timeZone: string, locale?: string, clock?: Clock): string {
  if (clock === 'h12') return dateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }).format(new Date(iso));
  if (clock === 'h23') return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The clock a locale uses by default. */
export function localeClock(locale?: string): Clock {
  const cycle = dateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23';
}

/** The YYYY-MM-DD date of an instant in a zone. */
export function localDate(iso: string, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "Monday 22 March" (no year) for a YYYY-MM-DD date. */
export function formatDayMonth(date: string, locale?: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** "Monday 22 March 2027" for a YYYY-MM-DD calendar date (no zone shift: it is a date, not an instant). */
export function formatDate(date: string, locale?: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, day)));
}

/** "Décembre 2026" for a YYYY-MM month, capitalised: a heading starts with a capital in every language here. */
export function formatMonthHeading(month: string, locale: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const text = dateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** The week's day names, short ("Mon") and long ("Monday"), starting at `firstDay` (0 = Monday … 6 = Sunday). */
export function weekdayNames(locale: string, firstDay: number): { short: string; long: string }[] {
  return Array.from({ length: 7 }, (_, column) => {
    // 2024-01-01 was a Monday.
    const day = new Date(Date.UTC(2024, 0, 1 + ((firstDay + column) % 7)));
    return { short: dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' }).format(day), long: dateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long' }).format(day) };
  });
}

/** Full date, time and zone name of an instant in a zone. */
export function formatDateTime(iso: string, timeZone: string, locale?: string, clock?: Clock): string {
  const hours = clock === 'h12' ? ({ hour: 'numeric', hourCycle: 'h12' } as const) : clock === 'h23' ? ({ hour: '2-digit', hourCycle: 'h23' } as const) : ({ hour: '2-digit' } as const);
  return dateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', ...hours, minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

// Why current names: Chromium and Node (ICU/CLDR) still report and list some
// zones by names IANA retired years ago ("Asia/Katmandu", "Asia/Calcutta",
// "Europe/Kiev"), so a reporter in Kathmandu searching for "Kathmandu" found
// nothing and saw "Katmandu time". Both names are valid to Intl and to the
// server (tzdb keeps the old ones as links); we show and send the current one,
// and still match the old one in searches. This is the one place for the mapping.

/** Old name → current IANA name, for the names ICU still reports or lists. */
const CURRENT_NAMES: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The old names of each current name, so a search for "Calcutta" still finds Kolkata. */
const OLD_NAMES = new Map(Object.entries(CURRENT_NAMES).map(([old, current]) => [current, old]));

/** The current IANA name of a zone ("Asia/Katmandu" → "Asia/Kathmandu"); others unchanged. */
export function currentZoneName(zone: string): string {
  return CURRENT_NAMES[zone] ?? zone;
}

/** The zone's retired name, if it has one, for searching. */
export function oldZoneName(zone: string): string | undefined {
  return OLD_NAMES.get(zone);
}

/** Every zone the browser knows, by current name, plus UTC (which Intl does not list), sorted. */
export function pickerZoneNames(): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', ...listed.map(currentZoneName)])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** The browser's zone by its current IANA name ("Asia/Kathmandu", never "Asia/Katmandu"), or UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    // Not cached: a formatter keeps the zone it was built in.
    return currentZoneName(new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  } catch {
    return 'UTC';
  }
}

/** IANA zones the browser knows, with the current UTC offset, for the zone picker. */
export function listTimeZones(now = new Date(), only?: string[]): { zone: string; label: string }[] {
  const zones = only ?? (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC']);
  return zones.map((zone) => {
    const offset = dateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now).find((part) => part.type === 'timeZoneName')?.value ?? '';
    return { zone, label: `${zoneCity(zone)} — ${zone} (${offset.replace('GMT', 'UTC') || 'UTC'})` };
  });
}

const DAY = 86_400_000;

/** The zone's offset from UTC, in milliseconds, at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  // Whole seconds: the formatter drops the instant's milliseconds.
  return Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second')) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ISO, UTC) of a wall-clock "YYYY-MM-DDTHH:mm" in a zone,
 * whatever the machine's zone:
 * - a time repeated at fall-back is its EARLIER occurrence, as in the slot
 *   engine (New York 01:30 on 2027-11-07 → 01:30 EDT, 05:30Z; Zurich 02:30 on
 *   2027-10-31 → 02:30 CEST, 00:30Z), on either side of UTC;
 * - a time in a spring-forward gap moves forward by the gap, like luxon (New
 *   York 02:30 on 2027-03-14 → 03:30 EDT, 07:30Z). (The slot engine instead
 *   starts a range there at the jump itself, 03:00; see README "Spring forward".)
 * Anything else is returned unchanged, for the server to refuse.
 */
export function wallTimeToInstant(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets a day either side of the wall time are the ones it can have:
  // offsets span under a day, and no zone changes twice within two days (this
  // matched a brute-force search at every change of every zone, 1972–2035).
  // Guessing from the wall time itself cannot work: a guess past a change
  // gets that side's offset, which west of UTC moved gap times back an hour
  // and made the fall-back occurrence depend on the side of UTC.
  const before = offsetAt(asUtc - DAY, timeZone);
  const after = offsetAt(asUtc + DAY, timeZone);
  // Each offset gives a candidate; it is real if the zone has that offset there.
  const occurrences = [...new Set([before, after])].map((offset) => asUtc - offset).filter((instant) => offsetAt(instant, timeZone) === asUtc - instant);
  // None: the wall time is in a gap; read with the offset before the change,
  // it lands as far past the jump as the wall time was past the gap's start.
  const instant = occurrences.length > 0 ? Math.min(...occurrences) : asUtc - before;
  return new Date(instant).toISOString();
}

/** "just now", "12 min ago", "2 h ago", "3 days ago". */
export function ageOf(iso: string, now: number): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
