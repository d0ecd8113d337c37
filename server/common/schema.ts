// Reusable zod pieces for every boundary: time zones, instants, local dates,
// wall-clock times, language tags. Each says why its limits are what they are.
import { IANAZone } from 'luxon';
import { z } from 'zod';
import './zod-messages';

// luxon's isValidZone builds an Intl.DateTimeFormat per call (~20 µs): too slow
// for the public slot query, so answers are remembered. Bounded because the
// names come from anyone; valid names are a few hundred, junk is not kept.
const knownZones = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 2_000;

function isIanaZoneName(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  const valid = zone === 'UTC' || (/^[A-Za-z]+\/[A-Za-z0-9_+\-/]+$/.test(zone) && IANAZone.isValidZone(zone));
  if (valid && knownZones.size < MAX_REMEMBERED_ZONES) knownZones.set(zone, true);
  return valid;
}

/**
 * An IANA zone name such as "Europe/Zurich" or "UTC". Abbreviations and
 * legacy aliases without a region ("CET", "EST", "PST8PDT") are refused even
 * where tzdb knows them: they are ambiguous to people and wrong half the year.
 */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, 'Enter a time zone')
  .max(64)
  .refine(isIanaZoneName, {
    error: 'Use an IANA time zone name such as Europe/Zurich or America/New_York (not an abbreviation like CET)',
  })
  // The API description (server/api-description/) shows these .meta() descriptions beside each field.
  .meta({ description: 'An IANA time zone name, e.g. Europe/Zurich (abbreviations such as CET are refused).' });

// Dates and instants outside these years are typing mistakes or probes (year
// 0000, 9999): no press office books interviews there, and some drivers and
// date libraries cannot represent them. Refused with a message, never stored.
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2100;
const yearRangeMessage = `Use a year from ${MIN_YEAR} to ${MAX_YEAR}`;

/** Whether year-month-day names a day that exists (no 2027-02-30, no month 13). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An instant as ISO 8601 with an explicit offset or Z; parsed to a Date. The
 * calendar date and clock time must exist as written (JavaScript's Date would
 * roll 2027-02-30 over to March 2), the year lies in MIN_YEAR–MAX_YEAR and the
 * offset within ±18:00 (ISO 8601 / RFC 3339 bounds; real offsets are ±14:00).
 */
export const instantSchema = z
  .string({ error: (issue) => (issue.code === 'invalid_type' ? 'Use an ISO 8601 instant with an offset, e.g. 2027-03-22T14:00:00Z' : undefined) })
  .trim()
  .max(40, 'Use an ISO 8601 instant with an offset, e.g. 2027-03-22T14:00:00Z')
  .transform((value, context) => {
    const match = INSTANT_PATTERN.exec(value);
    if (!match) {
      context.addIssue({ code: 'custom', message: 'Use an ISO 8601 instant with an offset, e.g. 2027-03-22T15:00:00+01:00 or 2027-03-22T14:00:00Z' });
      return z.NEVER;
    }
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((index) => Number(match[index])) as [number, number, number, number, number];
    const second = Number(match[7] ?? 0);
    if (year < MIN_YEAR || year > MAX_YEAR) {
      context.addIssue({ code: 'custom', message: `${yearRangeMessage} (got ${match[1]})` });
      return z.NEVER;
    }
    if (!isCalendarDate(year, month, day)) {
      context.addIssue({ code: 'custom', message: `${match[1]}-${match[2]}-${match[3]} is not a date in the calendar` });
      return z.NEVER;
    }
    if (hour > 23 || minute > 59 || second > 59 || Number(match[10] ?? 0) > 18 || Number(match[11] ?? 0) > 59) {
      context.addIssue({ code: 'custom', message: 'This time of day or offset does not exist (use 00:00:00–23:59:59 and an offset up to ±18:00)' });
      return z.NEVER;
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
      context.addIssue({ code: 'custom', message: 'This date and time does not exist' });
      return z.NEVER;
    }
    return date;
  })
  .meta({ description: `An instant: ISO 8601 with Z or an offset, e.g. 2027-03-22T15:00:00+01:00; year ${MIN_YEAR}–${MAX_YEAR}.` });

/** A calendar date "YYYY-MM-DD" that exists (no 2027-02-30), in MIN_YEAR–MAX_YEAR. */
export const localDateSchema = z
  .string({ error: (issue) => (issue.code === 'invalid_type' ? 'Use a date as YYYY-MM-DD' : undefined) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date as YYYY-MM-DD', abort: true })
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }, { error: yearRangeMessage, abort: true })
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return isCalendarDate(year, month, day);
  }, 'This date does not exist')
  .meta({ description: 'A calendar date, YYYY-MM-DD.' });

/** Wall-clock "HH:mm" (00:00–23:59), or "24:00" for the end of the day. */
export const wallTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { error: 'Use a time as HH:mm, from 00:00 to 24:00' })
  .meta({ description: 'A wall-clock time, HH:mm (24:00 is the end of the day).' });

/** A BCP 47 language tag, canonicalised ("EN-gb" → "en-GB"). */
export const languageTagSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((value, context) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // fall through
    }
    context.addIssue({ code: 'custom', message: `"${value}" is not a language tag; use BCP 47 such as en, fr-CH, pl` });
    return z.NEVER;
  })
  .meta({ description: 'A BCP 47 language tag, e.g. en, fr-CH.' });

export const interviewFormats = ['phone', 'whatsapp', 'video', 'studio', 'in_person', 'written'] as const;
export const interviewFormatSchema = z.enum(interviewFormats, {
  error: `Use one of ${interviewFormats.join(', ')}`,
});

/** Shortest and longest interview we schedule: a 5-minute radio hit to a half-day studio session. */
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 480;

/**
 * A database id as we hand them out (cuid, UUID) or a slug: visible ASCII only,
 * bounded, so junk never reaches a query or a log line.
 */
function identifierSchema(maxLength: number) {
  return z
    .string({ error: (issue) => (issue.code === 'invalid_type' ? 'Missing id' : undefined) })
    .trim()
    .min(1, 'Missing id')
    .max(maxLength, 'This is not an id (too long)')
    .regex(/^[\x21-\x7E]+$/, { error: 'This is not an id (letters, digits and - _ only)' });
}
export const idSchema = identifierSchema(64);
/** An id or a URL slug (public links carry slugs); slugs run to 120 characters. */
export const idOrSlugSchema = identifierSchema(120);

// ---------------------------------------------------------------------------
// Text. Every free-text field of every input goes through one of the builders
// below, so what is stored is well-formed, printable Unicode in one canonical
// form, whatever a browser, a script or an attacker sends:
// - well-formed UTF-16: a lone surrogate cannot be encoded as UTF-8, so the
//   database driver would fail (a 500) or store U+FFFD in its place;
// - NFC: "é" typed on a Mac and on Windows compares, searches and dedupes alike;
// - no control characters (C0, DEL, C1): NUL truncates strings in C libraries,
//   ESC starts ANSI sequences that rewrite a terminal reading the logs, the rest
//   are invisible in the console; multi-line text keeps tab and line feed;
// - one-line fields (names, outlet, topic) refuse every line break, U+2028,
//   U+2029 and NEL included: they end up in email headers, iCalendar lines, CSV
//   cells and log lines, where a line break starts something new;
// - names refuse the bidirectional overrides and isolates, which make a name
//   display in a different order from the one stored ("Trojan Source").
// ---------------------------------------------------------------------------

/** C0 controls except tab and line feed, DEL, and the C1 controls (NEL, U+0085, among them). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Everything that starts a new line somewhere: LF, VT, FF, CR, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /[\n\v\f\r\u0085\u2028\u2029]/;
/** LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

/** Why `value` is not acceptable text of this kind, or null; for code that reads text outside zod (imports). */
export function findTextProblem(value: string, kind: { multiLine?: boolean; name?: boolean } = {}): string | null {
  if (!isWellFormedText(value)) return 'contains a broken character (a lone UTF-16 surrogate)';
  if (!kind.multiLine && LINE_BREAKS.test(value)) return 'must be on one line (no line breaks)';
  if (CONTROL_CHARACTERS.test(value.replace(/\r\n?/g, '\n'))) return 'contains a control character (such as NUL or ESC)';
  if (kind.name && BIDI_CONTROLS.test(value)) return 'contains a text-direction override character';
  return null;
}

/** Line breaks of multi-line text as LF: Windows CRLF, old Mac CR, U+2028/U+2029 and NEL alike. */
export function normalizeLineBreaks(value: string): string {
  return value.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n');
}

/** String.prototype.isWellFormed (Node 20; not yet in TypeScript's ES2023 lib): no lone surrogates. */
export function isWellFormedText(value: string): boolean {
  return (value as string & { isWellFormed(): boolean }).isWellFormed();
}

const wellFormedMessage = 'This text contains a broken character (a lone UTF-16 surrogate); retype it';
const textTypeMessage = 'Enter text';

/** The start of every text schema: a string that is well-formed Unicode (checked first, stops there). */
function wellFormedString() {
  return z.string({ error: (issue) => (issue.code === 'invalid_type' && issue.input !== undefined ? textTypeMessage : undefined) }).refine(isWellFormedText, { error: wellFormedMessage, abort: true });
}

/**
 * One line of text (a title, an outlet, a topic, a search query): trimmed,
 * NFC, no control characters, no line breaks of any kind. A ZodString, so
 * callers add `.min(1, 'Enter …')` and `.max(N)` as usual.
 */
export function oneLineText() {
  return wellFormedString()
    .trim()
    .normalize('NFC')
    .refine((value) => !LINE_BREAKS.test(value), { error: 'Keep this on one line (no line breaks)' })
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: 'Remove the control characters (such as NUL or ESC) from this text' });
}

/**
 * A person's or organisation's name: one line, and no bidirectional override or
 * isolate characters (U+202A–U+202E, U+2066–U+2069), which would make it read
 * differently from how it is stored.
 */
export function nameText() {
  return oneLineText().refine((value) => !BIDI_CONTROLS.test(value), {
    error: 'Remove the text-direction control characters (U+202A–U+202E, U+2066–U+2069) from this name',
  });
}

/**
 * Free text over several lines (questions, notes, a bio, a reason): trimmed,
 * NFC, line breaks stored as LF (CRLF, CR, NEL, U+2028, U+2029 become LF), tab
 * kept, every other control character refused.
 */
export function multiLineText() {
  return wellFormedString()
    .trim()
    .normalize('NFC')
    .overwrite(normalizeLineBreaks)
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: 'Remove the control characters (such as NUL or ESC) from this text' });
}

/**
 * Text that is compared, not shown, and must reach us byte for byte (passwords,
 * tokens): well-formed, otherwise untouched (NFC would change what a stored
 * hash was made from).
 */
export function opaqueText() {
  return wellFormedString();
}

/** A file's content sent as text (CSV, vCard): well-formed; rows are checked one by one by the importer. */
export function fileText() {
  return wellFormedString();
}

/** An absolute http(s) link (a video call, a website): one line, at most `maxLength` characters. */
export function httpUrlSchema(maxLength = 500) {
  return oneLineText()
    .max(maxLength, `A link has at most ${maxLength} characters`)
    .pipe(z.url({ protocol: /^https?$/, error: 'Use an http(s) link such as https://example.org/…' }));
}
