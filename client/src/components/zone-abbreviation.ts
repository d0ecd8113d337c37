// A zone's abbreviation on a given date ("CET" in November, "CEST" in June for
// Europe/Zurich), computed with Intl from the IANA name; never stored, never
// parsed. CLDR knows an abbreviation only in the locales where it is in common
// use (CET in en-GB, EST in en-US, AEST in en-AU), so those are asked in turn;
// where none has one (Asia/Kathmandu) the UTC offset stands in ("GMT+5:45").

const LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-NZ', 'en-IN', 'en-CA'] as const;
const GENERIC = /^(GMT|UTC)([+-]|$)/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function shortName(locale: string, timeZone: string, date: Date): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    formatters.set(key, formatter);
  }
  return formatter.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** "CET", "CEST", "EST", "GMT+5:45"… for `timeZone` at `date` (an instant or a YYYY-MM-DD, read at noon UTC). */
export function zoneAbbreviation(timeZone: string, date: Date | string = new Date()): string {
  const instant = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
  if (timeZone === 'UTC') return 'UTC';
  let fallback = '';
  for (const locale of LOCALES) {
    const name = shortName(locale, timeZone, instant);
    if (name && !GENERIC.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}
